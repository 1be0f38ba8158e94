// The baseline: a bare, in-memory y-websocket server (no auth, no persistence), run as its own
// process like ours so both are measured the same way. Prints "Listening on ws://…".
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const server = createServer((_req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server });
// The document name is the request path, as y-websocket clients send it.
wss.on("connection", (ws, req) => setupWSConnection(ws, req));

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Listening on ws://127.0.0.1:${port}`);
});

process.on("SIGTERM", () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
});

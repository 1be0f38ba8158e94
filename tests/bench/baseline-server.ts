// The baseline: a bare, in-memory y-websocket server (no auth, no persistence), run as its own
// process like ours so both are measured the same way. Prints "Listening on ws://…".
import { createServer } from "node:http";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";
import { serveInMemory } from "./serve-in-memory.ts";

const server = createServer((_req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server });
// The document name is the request path, as y-websocket clients send it.
wss.on("connection", (ws, req) => setupWSConnection(ws, req));

serveInMemory(server, wss, "ws");

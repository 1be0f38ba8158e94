// The library floor: a bare, in-memory Hocuspocus server (no extensions: no authentication, no
// persistence, no projection, no message guard), for the same Hocuspocus providers as ours. What
// ours costs beyond it is ours; what it costs beyond the bare y-websocket server is the library's.
// Run as its own process like the others. Prints "Listening on http://…".
import { createServer } from "node:http";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer, type RawData } from "ws";
import { serveInMemory } from "./serve-in-memory.ts";

const hocuspocus = new Hocuspocus({ name: "bare", quiet: true });
const server = createServer((_req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server });

function toBytes(data: RawData): Uint8Array {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

wss.on("connection", (ws, req) => {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
  }
  const client = hocuspocus.handleConnection(
    ws,
    new Request(new URL(req.url ?? "/", "http://localhost"), { headers }),
  );
  ws.on("message", (data) => client.handleMessage(toBytes(data)));
  ws.on("close", (code, reason) => client.handleClose({ code, reason: reason.toString() }));
});

serveInMemory(server, wss, "http");

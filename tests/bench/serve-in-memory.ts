import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebSocketServer } from "ws";

/**
 * Listens on a free local port, says "Listening on <scheme>://…" (what spawnListening waits
 * for), and on SIGTERM drops every socket and exits: the bare servers' shared life cycle.
 */
export function serveInMemory(server: Server, wss: WebSocketServer, scheme: "ws" | "http"): void {
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Listening on ${scheme}://127.0.0.1:${port}`);
  });
  process.on("SIGTERM", () => {
    for (const ws of wss.clients) ws.terminate();
    server.close(() => process.exit(0));
  });
}

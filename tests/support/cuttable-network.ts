import { createServer, connect, type Server, type Socket } from "node:net";

export interface CuttableNetwork {
  /** The address to use instead of the server's: the same path through this network. */
  url: string;
  /**
   * The network vanishes: from now on nothing passes either way, and nothing is closed, as
   * when a laptop lid shuts or the wifi goes. Only the far side's own timeouts can notice.
   */
  cut(): void;
  close(): Promise<void>;
}

/** A TCP relay in front of `targetUrl` (http://host:port) whose connections can all go silent. */
export async function cuttableNetwork(targetUrl: string): Promise<CuttableNetwork> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let silent = false;
  const relay: Server = createServer((inbound) => {
    const outbound = connect(Number(target.port), target.hostname);
    for (const [from, to] of [
      [inbound, outbound],
      [outbound, inbound],
    ] as const) {
      sockets.add(from);
      from.on("data", (chunk) => {
        if (!silent) to.write(chunk);
      });
      from.on("end", () => silent || to.end());
      from.on("error", () => to.destroy());
      from.on("close", () => sockets.delete(from));
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const { port } = relay.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      silent = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

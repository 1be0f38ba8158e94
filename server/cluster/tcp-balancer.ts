import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface TcpBalancer {
  url: string;
  close(): Promise<void>;
}

/**
 * A small TCP load balancer for trying several processes on one machine (and for tests); in
 * production a real proxy does this (docs/deploy). No sticky sessions: each new connection,
 * HTTP or WebSocket, goes to the next server (`round-robin`) or to the first that is up
 * (`failover`), skipping servers that refuse it. Host and Origin still name the balancer,
 * as they would name a real one.
 */
export async function startTcpBalancer(
  backends: string[],
  options: { mode?: "round-robin" | "failover"; port?: number; host?: string } = {},
): Promise<TcpBalancer> {
  const targets = backends.map((url) => new URL(url));
  const open = new Set<Socket>();
  let next = 0;

  function pipeTo(client: Socket, first: number, tried: number) {
    if (tried >= targets.length) return void client.destroy();
    const target = targets[(first + tried) % targets.length];
    const upstream = connect(Number(target.port), target.hostname);
    open.add(upstream);
    let connected = false;
    upstream.on("error", () => {
      open.delete(upstream);
      if (!connected) pipeTo(client, first, tried + 1);
      else client.destroy();
    });
    upstream.once("connect", () => {
      connected = true;
      client.pipe(upstream).pipe(client);
      client.resume();
      upstream.once("close", () => client.destroy());
      client.once("close", () => upstream.destroy());
    });
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.once("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    const first = options.mode === "failover" ? 0 : next++ % targets.length;
    pipeTo(client, first, 0);
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

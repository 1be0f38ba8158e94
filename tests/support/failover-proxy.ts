import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface FailoverProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of several servers, as a load balancer without sticky sessions would be:
 * each new connection goes to the first server that accepts it, so when one dies, clients that
 * reconnect land on the next. HTTP and WebSocket pass through untouched (Host and Origin name
 * the proxy, as they would name a real balancer).
 */
export async function startFailoverProxy(backends: string[]): Promise<FailoverProxy> {
  const targets = backends.map((url) => new URL(url));
  const open = new Set<Socket>();

  function pipeTo(client: Socket, index: number) {
    if (index >= targets.length) return void client.destroy();
    const target = targets[index];
    const upstream = connect(Number(target.port), target.hostname);
    open.add(upstream);
    let connected = false;
    upstream.on("error", () => {
      open.delete(upstream);
      if (!connected) pipeTo(client, index + 1);
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
    pipeTo(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import path from "node:path";
import { connectBaselineClient } from "./baseline-client.ts";
import { connectAll } from "./connect-all.ts";
import type { BenchOptions } from "./options.ts";
import { spawnListening } from "./spawn-listening.ts";
import type { BenchClient, RunningSystem } from "./system.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** The bare in-memory y-websocket server in a child process, with every client synced. */
export async function startBaseline(options: BenchOptions): Promise<RunningSystem> {
  const server = await spawnListening(path.join(import.meta.dirname, "baseline-server.ts"), {
    cwd: PROJECT_ROOT,
  });
  const documents: BenchClient[][] = [];
  try {
    for (let d = 0; d < options.docs; d++) {
      const name = `bench-doc-${d}`;
      documents.push(
        await connectAll(options.clients, () => connectBaselineClient(server.url, name)),
      );
    }
  } catch (error) {
    for (const client of documents.flat()) client.destroy();
    await server.stop();
    throw error;
  }
  return {
    name: "baseline",
    label: "bare y-websocket (in memory)",
    pids: { server: server.child.pid },
    documents,
    async stop() {
      for (const client of documents.flat()) client.destroy();
      await server.stop();
    },
  };
}

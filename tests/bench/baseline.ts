import path from "node:path";
import type { BenchOptions } from "./options.ts";
import { spawnListening } from "./spawn-listening.ts";
import type { RunningSystem } from "./system.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** The bare in-memory y-websocket server in a child process, for the minimal client. */
export async function startBaseline(options: BenchOptions): Promise<RunningSystem> {
  const server = await spawnListening(path.join(import.meta.dirname, "baseline-server.ts"), {
    cwd: PROJECT_ROOT,
  });
  return {
    name: "baseline",
    label: "bare y-websocket (in memory)",
    pids: { server: server.child.pid },
    documents: Array.from({ length: options.docs }, (_, d) => ({
      name: `bench-doc-${d}`,
      client: "baseline",
      urls: [server.url],
      cookie: null,
    })),
    stop: () => server.stop(),
  };
}

/**
 * The bare in-memory Hocuspocus server (hocuspocus-server.ts), for the same Hocuspocus providers
 * as ours: the library's own cost, between the bare y-websocket server and ours.
 */
export async function startBareHocuspocus(options: BenchOptions): Promise<RunningSystem> {
  const server = await spawnListening(path.join(import.meta.dirname, "hocuspocus-server.ts"), {
    cwd: PROJECT_ROOT,
  });
  return {
    name: "hocuspocus",
    label: "bare Hocuspocus (in memory)",
    pids: { server: server.child.pid },
    documents: Array.from({ length: options.docs }, (_, d) => ({
      name: `bench-doc-${d}`,
      client: "collab",
      urls: [server.url],
      cookie: null,
    })),
    stop: () => server.stop(),
  };
}

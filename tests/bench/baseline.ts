import path from "node:path";
import type { DocumentPlan } from "./document-clients.ts";
import { profileFlags, type BenchOptions } from "./options.ts";
import { spawnListening } from "./spawn-listening.ts";
import type { RunningSystem } from "./system.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** A bare in-memory server (`script`) in a child process, every document's clients on it. */
async function startInMemory(
  options: BenchOptions,
  script: string,
  system: { name: "baseline" | "hocuspocus"; label: string; client: DocumentPlan["client"] },
): Promise<RunningSystem> {
  const server = await spawnListening(path.join(import.meta.dirname, script), {
    cwd: PROJECT_ROOT,
    nodeFlags: profileFlags(options),
  });
  return {
    name: system.name,
    label: system.label,
    pids: { server: server.child.pid },
    documents: Array.from({ length: options.docs }, (_, d) => ({
      name: `bench-doc-${d}`,
      client: system.client,
      urls: [server.url],
      cookie: null,
    })),
    stop: () => server.stop(),
  };
}

/** The bare in-memory y-websocket server, for the minimal client. */
export function startBaseline(options: BenchOptions): Promise<RunningSystem> {
  return startInMemory(options, "baseline-server.ts", {
    name: "baseline",
    label: "bare y-websocket (in memory)",
    client: "baseline",
  });
}

/**
 * The bare in-memory Hocuspocus server (hocuspocus-server.ts), for the same Hocuspocus providers
 * as ours: the library's own cost, between the bare y-websocket server and ours.
 */
export function startBareHocuspocus(options: BenchOptions): Promise<RunningSystem> {
  return startInMemory(options, "hocuspocus-server.ts", {
    name: "hocuspocus",
    label: "bare Hocuspocus (in memory)",
    client: "collab",
  });
}

import { appendFileSync } from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getEnv, type Env } from "../../app/utils/env.server.ts";
import { PROJECT_ROOT, startAppServer, type AppServer } from "../../server/app.ts";
import type { TestDatabase } from "./database.ts";
import { listeningUrl } from "../../server/cluster/listening.ts";

/** The real app (Remix + collab on one port) in this process, on a free port. */
export async function startTestServer(
  overrides: {
    storeDebounceMs?: number;
    trustProxy?: boolean;
    env?: Partial<Env>;
    sessionSweepMs?: number;
    logTrimMs?: number;
  } = {},
): Promise<AppServer> {
  return startAppServer({
    ...getEnv(),
    ...overrides.env,
    PORT: 0,
    HOST: "127.0.0.1",
    COLLAB_STORE_DEBOUNCE_MS: overrides.storeDebounceMs ?? 100,
    TRUST_PROXY: overrides.trustProxy ?? overrides.env?.TRUST_PROXY ?? false,
    COLLAB_SESSION_SWEEP_MS: overrides.sessionSweepMs ?? 30_000,
    // Compacted entries leave the log soon after, as the durability tests expect to see.
    COLLAB_LOG_TRIM_MS: overrides.logTrimMs ?? 200,
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** kill -9: no chance to flush anything. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

const liveChildren = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of liveChildren) child.kill("SIGKILL");
});

/** The real server entry point (server/index.ts) as a child process, for restart and crash tests. */
export async function spawnServer(
  db: TestDatabase,
  extraEnv: Record<string, string> = {},
  /** Extra arguments for node itself, e.g. `--cpu-prof` for the bench's profiles. */
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", path.join(PROJECT_ROOT, "server/index.ts")],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: "0",
        HOST: "127.0.0.1",
        MONGODB_URI: db.uri,
        MONGODB_DB_NAME: db.dbName,
        SEED_DEMO: "false",
        COLLAB_STORE_DEBOUNCE_MS: "200",
        // "Listening on" is an info line, and this waits for it.
        LOG_LEVEL: "info",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // A test file that fails (or times out) before its own cleanup must not leave a server behind.
  liveChildren.add(child);
  child.once("exit", () => liveChildren.delete(child));
  // For long bench runs: keep what the server said (SERVER_LOG_FILE names where).
  const logFile = process.env.SERVER_LOG_FILE;
  if (logFile) {
    child.stderr!.on("data", (d) => appendFileSync(logFile, d));
    child.stdout!.on("data", (d) => appendFileSync(logFile, d));
  }
  const url = await listeningUrl(child, { what: "server", scheme: "http" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    child,
    async crash() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

// `npm run start:cluster`: two server processes on one database and the local Redis, behind a
// round-robin balancer without sticky sessions, to try several processes on one machine.
// Production runs each piece on its own (docs/deploy/README.md).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getEnv } from "../app/utils/env.server.ts";
import { listeningUrl } from "./cluster/listening.ts";
import { startTcpBalancer } from "./cluster/tcp-balancer.ts";
import { startFerretDB } from "./database/ferretdb.ts";
import { PROJECT_ROOT } from "./app.ts";
import { log } from "./log.ts";

const env = getEnv();
const REDIS_URL = env.REDIS_URL ?? "redis://127.0.0.1:6379";
const BALANCER_PORT = env.PORT;
const APP_PORTS = [BALANCER_PORT + 1, BALANCER_PORT + 2];

/** Starts one app process; resolves with its URL once it listens. */
async function startApp(
  port: number,
  extra: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(PROJECT_ROOT, "server/index.ts")],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: String(port), REDIS_URL, ...extra },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  // Their log lines go on to ours as they come.
  child.stdout!.on("data", (chunk: string) => process.stdout.write(chunk));
  const url = await listeningUrl(child, {
    what: `The app on port ${port}`,
    scheme: "http",
    // The first one seeds the demo data before it listens.
    timeoutMs: 5 * 60_000,
  });
  return { child, url };
}

async function main() {
  // One process owns the database: FerretDB embedded, unless MONGODB_URI names one.
  const ferret = env.MONGODB_URI
    ? null
    : await startFerretDB({ sqliteDir: path.join(env.DATA_DIR, "sqlite") });
  const MONGODB_URI = env.MONGODB_URI ?? ferret!.uri;
  // The first seeds the demo data (if asked); the second starts once it has.
  const first = await startApp(APP_PORTS[0], { MONGODB_URI });
  const second = await startApp(APP_PORTS[1], { MONGODB_URI, SEED_DEMO: "false" });
  const balancer = await startTcpBalancer([first.url, second.url], {
    port: BALANCER_PORT,
    host: env.HOST,
  });
  log.info(
    { processes: [first.url, second.url], redis: REDIS_URL },
    `Cluster: open ${balancer.url} (round robin over ${first.url} and ${second.url})`,
  );

  let stopping = false;
  async function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping both processes…`);
    await balancer.close();
    await Promise.all(
      [first.child, second.child].map(
        (child) => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM"))),
      ),
    );
    await ferret?.stop();
    process.exit(0);
  }
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "The cluster did not start");
  process.exit(1);
});

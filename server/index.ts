// The one entry point: database, demo data, then HTTP + collab on one port.
// First, before anything loads Yjs: its randomness from a pool (ADR 057).
import "./lib0-random.ts";
import { getEnv } from "../app/utils/env.server.ts";
import { secondFactorKey } from "../app/utils/second-factor-key.server.ts";
import { seedDemo } from "../models/seed/demo.ts";
import { seedDemoActivity } from "./demo-activity.ts";
import { printDemoSecondFactors } from "./demo-start.ts";
import { startAppServer } from "./app.ts";
import { connectDatabase } from "./database/connect.ts";
import { DatabaseUnavailableError } from "./database/ferretdb.ts";
import { log } from "./log.ts";

async function main() {
  const env = getEnv();
  const database = await connectDatabase({
    mongodbUri: env.MONGODB_URI,
    dbName: env.MONGODB_DB_NAME,
    dataDir: env.DATA_DIR,
    timeoutMs: env.DATABASE_TIMEOUT_MS,
  });
  log.info(
    database.embedded ? `Database: embedded FerretDB (${env.DATA_DIR})` : "Database: MONGODB_URI",
  );
  const demo = env.SEED_DEMO ? await seedDemo({ secondFactorKey: secondFactorKey() }) : null;
  if (demo && env.NODE_ENV === "development") await printDemoSecondFactors();
  const app = await startAppServer(env);
  if (demo?.created) {
    // Through the live documents: the collab server must be running.
    await seedDemoActivity(app.liveblocks ?? app.collab, demo.schools, demo.version);
    log.info("Demo data created: see README for the sign-ins.");
  }
  log.info({ url: app.url, redis: Boolean(env.REDIS_URL) }, `Listening on ${app.url}`);

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: saving and stopping…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await database.close();
    } finally {
      process.exit(0);
    }
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError) log.fatal(error.message);
  else log.fatal({ err: error }, "Could not start");
  process.exit(1);
});

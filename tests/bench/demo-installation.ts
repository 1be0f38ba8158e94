// The production server with the demo data on a fresh embedded FerretDB, and this process
// connected to the same database, for the benches that time pages as the database fills
// (trust-size, audit-size). Imported before any model: the session settings must be in place.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.COOKIE_SECURE = "false";
process.env.SESSION_SECRET ??= "a-bench-session-secret-of-at-least-32-characters";
const { startFerretDB } = await import("../../server/database/ferretdb.ts");
const { mongoose } = await import("../../models/mongoose.ts");
const { prepareDatabase } = await import("../../models/prepare.ts");
const { spawnServer } = await import("../support/server.ts");

export interface DemoInstallation {
  server: Awaited<ReturnType<typeof spawnServer>>;
  ferret: Awaited<ReturnType<typeof startFerretDB>>;
  stop(): Promise<void>;
}

/** Starts it, `name` naming the database and the scratch folder. */
export async function startDemoInstallation(name: string): Promise<DemoInstallation> {
  const dir = mkdtempSync(path.join(tmpdir(), `qm-bench-${name}-`));
  const ferret = await startFerretDB({ sqliteDir: path.join(dir, "sqlite") });
  const db = { uri: ferret.uri, dbName: `bench_${name.replace(/-/g, "_")}` };
  const server = await spawnServer(db, { SEED_DEMO: "true" });
  await mongoose.connect(db.uri, { dbName: db.dbName, retryWrites: false });
  await prepareDatabase();
  return {
    server,
    ferret,
    async stop() {
      await mongoose.disconnect();
      await server.stop();
      await ferret.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readCommandTotals, sumTotals } from "./database-commands.ts";
import type { DocumentPlan } from "./document-clients.ts";
import { profileFlags, type BenchOptions } from "./options.ts";
import { readLoopDelay } from "./server-loop.ts";
import type { RunningSystem } from "./system.ts";

/** For reading each server's /metrics (the database commands it sent). */
const METRICS_TOKEN = randomBytes(24).toString("hex");

/**
 * Our stack as it runs in production: a fresh embedded FerretDB, one evaluation per document
 * (one trust, one school, one staff member whose session every client shares), the real server
 * entry point in a child process, for real Hocuspocus providers with the durability handshake
 * on /collab; or (`via: "yjs"`) the unmodified y-websocket client on /yjs/, which the same
 * server translates at its edge (ADR 019), with no durability handshake to measure. The clients
 * are connected by the load processes (load-workers.ts), from the plans returned here.
 */
export async function startOurs(
  options: BenchOptions,
  via: "collab" | "yjs" | "mixed" = "collab",
  processes = 1,
): Promise<RunningSystem> {
  // The session modules read these when first used: set them before importing anything.
  process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");
  process.env.COOKIE_SECURE = "false";
  const { startFerretDB } = await import("../../server/database/ferretdb.ts");
  const { spawnServer } = await import("../support/server.ts");

  const scratch = mkdtempSync(path.join(tmpdir(), "qm-bench-"));
  const ferret = await startFerretDB({ sqliteDir: path.join(scratch, "sqlite") });
  // Undone last first: server, database, then its files.
  const cleanups: (() => Promise<void> | void)[] = [
    () => rmSync(scratch, { recursive: true, force: true }),
    () => ferret.stop(),
  ];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };

  try {
    const db = { uri: ferret.uri, dbName: "bench" };
    const { names, cookie } = await createData(db, options.docs);
    // Several processes share the documents through Redis (ADR 018), each on its own port.
    const clustered = processes > 1;
    const redisPrefix = `bench-${randomBytes(4).toString("hex")}`;
    const servers: Awaited<ReturnType<typeof spawnServer>>[] = [];
    for (let i = 0; i < processes; i++) {
      const server = await spawnServer(
        db,
        {
          SESSION_SECRET: process.env.SESSION_SECRET,
          COOKIE_SECURE: "false",
          METRICS_TOKEN,
          COLLAB_STORE_DEBOUNCE_MS: String(options.storeDebounce),
          DATA_DIR: path.join(scratch, "data"),
          ...(clustered
            ? {
                REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
                REDIS_PREFIX: redisPrefix,
              }
            : {}),
        },
        i === 0 ? profileFlags(options) : [],
      );
      cleanups.push(() => server.stop());
      servers.push(server);
    }

    // Mixed: every other document on each path, so both share one server and one window.
    const paths = names.map((_, i) => (via === "mixed" ? (i % 2 === 0 ? "collab" : "yjs") : via));
    const documents: DocumentPlan[] = names.map((name, i) => ({
      name,
      client: paths[i],
      urls: servers.map((server) => server.url),
      cookie,
      path: via === "mixed" ? paths[i] : undefined,
    }));

    return {
      name: via === "collab" ? "ours" : via,
      label: clustered
        ? `ours, ${processes} processes + Redis`
        : via === "yjs"
          ? "ours through /yjs/ (y-websocket clients)"
          : via === "mixed"
            ? "ours, half the documents on /collab and half on /yjs/, at once"
            : "ours (Hocuspocus + FerretDB, durable)",
      pids: {
        ...Object.fromEntries(
          servers.map((server, i) => [i === 0 ? "server" : `server${i + 1}`, server.child.pid]),
        ),
        database: ferret.child.pid,
      },
      documents,
      databaseCommands: async () =>
        sumTotals(await Promise.all(servers.map((s) => readCommandTotals(s.url, METRICS_TOKEN)))),
      loopDelay: () => Promise.all(servers.map((s) => readLoopDelay(s.url, METRICS_TOKEN))),
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Evaluations to type into, and a session cookie for a staff member allowed to edit them. */
export async function createData(db: { uri: string; dbName: string }, count: number) {
  await import("../../models/registry.ts");
  const { mongoose } = await import("../../models/mongoose.ts");
  const { prepareDatabase } = await import("../../models/prepare.ts");
  const { buildEvaluation, buildSchool, buildTrust, buildUser } = await import(
    "../support/factories.ts"
  );
  const { cookieFor } = await import("../support/sessions.ts");
  const { documentName } = await import("../../collab/document-name.ts");

  await mongoose.connect(db.uri, { dbName: db.dbName, retryWrites: false });
  try {
    await prepareDatabase();
    const trust = await buildTrust();
    const school = await buildSchool(trust);
    const staff = await buildUser("schoolStaff", trust, school);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const evaluation = await buildEvaluation(school, staff, trust);
      names.push(documentName("evaluation", evaluation.id));
    }
    return { names, cookie: await cookieFor(staff.id) };
  } finally {
    await mongoose.disconnect();
  }
}

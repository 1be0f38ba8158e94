import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectAll } from "./connect-all.ts";
import type { BenchOptions } from "./options.ts";
import type { BenchClient, RunningSystem } from "./system.ts";

/**
 * Our stack as it runs in production: a fresh embedded FerretDB, one evaluation per document
 * (one trust, one school, one staff member whose session every client shares), the real server
 * entry point in a child process, and real Hocuspocus providers with the durability handshake.
 */
export async function startOurs(options: BenchOptions, processes = 1): Promise<RunningSystem> {
  // The session modules read these when first used: set them before importing anything.
  process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");
  process.env.COOKIE_SECURE = "false";
  const { startFerretDB } = await import("../../server/database/ferretdb.ts");
  const { spawnServer } = await import("../support/server.ts");
  const { connectClient } = await import("../support/collab-client.ts");

  const scratch = mkdtempSync(path.join(tmpdir(), "qm-bench-"));
  const ferret = await startFerretDB({ sqliteDir: path.join(scratch, "sqlite") });
  // Undone last first: clients, server, database, then its files.
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
          COLLAB_STORE_DEBOUNCE_MS: String(options.storeDebounce),
          DATA_DIR: path.join(scratch, "data"),
          ...(clustered
            ? {
                REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
                REDIS_PREFIX: redisPrefix,
              }
            : {}),
        },
        options.profile && i === 0
          ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.profile)}`]
          : [],
      );
      cleanups.push(() => server.stop());
      servers.push(server);
    }

    const documents: BenchClient[][] = [];
    cleanups.push(() => documents.flat().forEach((client) => client.destroy()));
    for (const name of names) {
      const group = await connectAll(options.clients, async (index) => {
        // Clients of one document alternate between the processes.
        const process = index % servers.length;
        const client = connectClient(servers[process].url, name, cookie);
        await Promise.all([client.authenticated, client.synced]);
        const wrapped: BenchClient = {
          doc: client.doc,
          process,
          moveCursor: (index) => client.provider.setAwarenessField("cursor", { index }),
          durability: {
            editCount: () => client.tracker.editCount,
            durableCount: () => client.tracker.durableCount,
            subscribe: (listener) => client.tracker.subscribe(listener),
          },
          destroy: () => client.destroy(),
        };
        return wrapped;
      });
      documents.push(group);
    }

    return {
      name: "ours",
      label: clustered
        ? `ours, ${processes} processes + Redis`
        : "ours (Hocuspocus + FerretDB, durable)",
      pids: {
        ...Object.fromEntries(
          servers.map((server, i) => [i === 0 ? "server" : `server${i + 1}`, server.child.pid]),
        ),
        database: ferret.child.pid,
      },
      documents,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Evaluations to type into, and a session cookie for a staff member allowed to edit them. */
async function createData(db: { uri: string; dbName: string }, count: number) {
  await import("../../models/registry.ts");
  const { mongoose } = await import("../../models/mongoose.ts");
  const { buildEvaluation, buildSchool, buildTrust, buildUser } = await import(
    "../support/factories.ts"
  );
  const { cookieFor } = await import("../support/sessions.ts");
  const { documentName } = await import("../../collab/document-name.ts");

  await mongoose.connect(db.uri, { dbName: db.dbName, retryWrites: false });
  try {
    await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
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

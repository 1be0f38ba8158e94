// npm run bench:liveblocks -- [--edits N] [--interval MS]
// Edit → visible through Liveblocks' dev server (COLLAB_BACKEND=liveblocks) against the
// Hocuspocus path, in one run (ADR 021; reported, not a goal). Both app servers run in this
// process on one embedded FerretDB, each with two clients of the same evaluation (Node: the real
// @hocuspocus/provider, and the real @liveblocks/client + @liveblocks/yjs through our Room).
// The writer of each path appends one character every `interval` ms, both paths in the same
// window, so background load hits both alike; a sample is the time until the other client of
// that path has integrated the character. Writes bench-results/liveblocks-<timestamp>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import type * as Y from "yjs";

const { values } = parseArgs({
  options: {
    edits: { type: "string", default: "300" },
    interval: { type: "string", default: "100" },
  },
});
const EDITS = Number(values.edits);
const INTERVAL = Number(values.interval);

process.env.SESSION_SECRET ??= "bench-session-secret-that-is-long-enough-123";
process.env.SEED_DEMO = "false";
process.env.LOG_LEVEL ??= "warn";
const { startFerretDB } = await import("../../server/database/ferretdb.ts");
await import("../../models/registry.ts");
const { mongoose } = await import("../../models/mongoose.ts");
const { buildWorld } = await import("../support/factories.ts");
const { cookieFor } = await import("../support/sessions.ts");
const { connectClient } = await import("../support/collab-client.ts");
const { startLiveblocksDev, LIVEBLOCKS_DEV_SECRET } = await import("../support/liveblocks-dev.ts");
const { startAppServer } = await import("../../server/app.ts");
const { getEnv } = await import("../../app/utils/env.server.ts");
const { createLiveblocksRoom } = await import("../../app/collab/liveblocks-room.client.ts");
const { documentName } = await import("../../collab/document-name.ts");
const { summarise, ratio } = await import("./stats.ts");

const dir = mkdtempSync(path.join(tmpdir(), "qm-bench-liveblocks-"));
const ferret = await startFerretDB({ sqliteDir: path.join(dir, "sqlite") });
const dev = await startLiveblocksDev();
const servers: { close(): Promise<void> }[] = [];
const cleanups: (() => void)[] = [];

function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() - start > timeoutMs) return reject(new Error("timed out"));
      setTimeout(poll, 10);
    };
    poll();
  });
}

/** Appends to `writer`'s text and times until `reader` has the character, for each edit. */
function measure(writer: Y.Doc, reader: Y.Doc, field: string, samples: number[]) {
  const pending = new Map<number, number>();
  const readText = reader.getText(field);
  readText.observe(() => {
    const length = readText.length;
    for (const [n, started] of pending) {
      if (length >= n) {
        samples.push(performance.now() - started);
        pending.delete(n);
      }
    }
  });
  let n = 0;
  return () => {
    n += 1;
    pending.set(n, performance.now());
    writer.getText(field).insert(writer.getText(field).length, "x");
  };
}

try {
  await mongoose.connect(ferret.uri, { dbName: "bench_liveblocks", retryWrites: false });
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  const world = await buildWorld();
  const name = documentName("evaluation", world.evaluation.id);
  const base = { ...getEnv(), PORT: 0, HOST: "127.0.0.1", NODE_ENV: "production" as const };
  const hocuspocus = await startAppServer({ ...base, COLLAB_BACKEND: "hocuspocus" });
  servers.push(hocuspocus);
  const liveblocks = await startAppServer({
    ...base,
    COLLAB_BACKEND: "liveblocks",
    LIVEBLOCKS_SECRET_KEY: LIVEBLOCKS_DEV_SECRET,
    LIVEBLOCKS_BASE_URL: dev.baseUrl,
  });
  servers.push(liveblocks);

  // Hocuspocus: two signed-in providers.
  const [alexCookie, chrisCookie] = await Promise.all([
    cookieFor(world.people.staff.id),
    cookieFor(world.people.staff2.id),
  ]);
  const hA = connectClient(hocuspocus.url, name, alexCookie);
  const hB = connectClient(hocuspocus.url, name, chrisCookie);
  cleanups.push(
    () => hA.destroy(),
    () => hB.destroy(),
  );
  await Promise.all([hA.synced, hB.synced]);

  // Liveblocks: two rooms as the browser makes them.
  const lbDoc = (userId: string, cookie: string) => {
    const room = createLiveblocksRoom({
      userId,
      baseUrl: dev.baseUrl,
      site: liveblocks.url,
      fetch: ((input: string | URL | Request, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        if (String(input).startsWith(liveblocks.url)) headers.set("cookie", cookie);
        return fetch(input, { ...init, headers });
      }) as typeof fetch,
      WebSocket,
    });
    const opened = room.open(name);
    cleanups.push(() => room.release(name));
    return opened;
  };
  const lA = lbDoc(world.people.staff.id, alexCookie);
  const lB = lbDoc(world.people.staff2.id, chrisCookie);
  await waitFor(() => lA.status().synced && lB.status().synced && lA.status().readOnly === false);

  const hSamples: number[] = [];
  const lSamples: number[] = [];
  const hEdit = measure(hA.doc, hB.doc, "bench-hocuspocus", hSamples);
  const lEdit = measure(lA.doc, lB.doc, "bench-liveblocks", lSamples);
  for (let i = 0; i < EDITS; i++) {
    // Alternate which goes first, so neither path always waits behind the other.
    if (i % 2 === 0) {
      hEdit();
      lEdit();
    } else {
      lEdit();
      hEdit();
    }
    await new Promise((resolve) => setTimeout(resolve, INTERVAL));
  }
  await waitFor(() => hSamples.length >= EDITS && lSamples.length >= EDITS, 30_000).catch(
    () => undefined,
  );
  const h = summarise(hSamples);
  const l = summarise(lSamples);
  const rows = [
    ["path", "samples", "p50 ms", "p99 ms"],
    ["hocuspocus (/collab)", String(hSamples.length), h.p50?.toFixed(1), h.p99?.toFixed(1)],
    ["liveblocks dev server", String(lSamples.length), l.p50?.toFixed(1), l.p99?.toFixed(1)],
  ];
  for (const row of rows) console.log(row.map((c) => String(c).padEnd(24)).join(""));
  console.log(
    `liveblocks / hocuspocus: p50 ×${ratio(l.p50, h.p50)?.toFixed(2)}, p99 ×${ratio(l.p99, h.p99)?.toFixed(2)}`,
  );
  mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `liveblocks-${Date.now()}.json`);
  writeFileSync(
    file,
    JSON.stringify({ edits: EDITS, intervalMs: INTERVAL, hocuspocus: h, liveblocks: l }, null, 2),
  );
  console.log(`wrote ${file}`);
} finally {
  for (const cleanup of cleanups) cleanup();
  for (const server of servers) await server.close().catch(() => undefined);
  await dev.stop();
  await mongoose.disconnect();
  await ferret.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);

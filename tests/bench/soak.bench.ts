// npm run bench:soak -- [--minutes 10] [--clients 200] [--per-doc 5] [--churn 15]
// Many clients for a long while, documents opened and closed all along: does the server's heap
// keep growing, does any document stay loaded with nobody on it, do live handles and timers pile up
// (`nodejs_active_resources_total`)?
// Reads the server's own /metrics (prom-client). Not part of `npm test`.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as Y from "yjs";
import { connectAll } from "./connect-all.ts";
import { createData } from "./ours.ts";
import { sampleMachine } from "./machine-sampler.ts";
import { writeBenchResult } from "./result-file.ts";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    clients: { type: "string", default: "200" },
    "per-doc": { type: "string", default: "5" },
    churn: { type: "string", default: "15" },
    out: { type: "string", default: "bench-results" },
  },
});
const minutes = Number(values.minutes);
const perDoc = Number(values["per-doc"]);
const groups = Math.ceil(Number(values.clients) / perDoc);
const churnMs = Number(values.churn) * 1000;
const SAMPLE_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sample {
  seconds: number;
  heapUsedMB: number;
  rssMB: number;
  handles: number;
  connections: number;
  loaded: number;
  idle: number;
}

/** One value of a Prometheus text exposition (first series of that name), or NaN. */
function metric(text: string, name: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : Number.NaN;
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return num / den;
}

async function main() {
  process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");
  process.env.COOKIE_SECURE = "false";
  const { startFerretDB } = await import("../../server/database/ferretdb.ts");
  const { spawnServer } = await import("../support/server.ts");
  const { connectClient } = await import("../support/collab-client.ts");
  const scratch = mkdtempSync(path.join(tmpdir(), "qm-soak-"));
  const ferret = await startFerretDB({ sqliteDir: path.join(scratch, "sqlite") });
  const token = randomBytes(16).toString("hex");
  const db = { uri: ferret.uri, dbName: "soak" };
  // Twice as many documents as are open at once: churn opens ones not loaded before, too.
  const { names, cookie } = await createData(db, groups * 2);
  const server = await spawnServer(db, {
    SESSION_SECRET: process.env.SESSION_SECRET!,
    COOKIE_SECURE: "false",
    COLLAB_STORE_DEBOUNCE_MS: "2000",
    METRICS_TOKEN: token,
    DATA_DIR: path.join(scratch, "data"),
  });
  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
    return response.text();
  };
  const started = performance.now();
  const samples: Sample[] = [];
  const sample = async () => {
    const text = await scrape();
    samples.push({
      seconds: Math.round((performance.now() - started) / 1000),
      heapUsedMB: metric(text, "nodejs_heap_size_used_bytes") / 1e6,
      rssMB: metric(text, "process_resident_memory_bytes") / 1e6,
      handles: metric(text, "nodejs_active_resources_total"),
      connections: metric(text, "qm_collab_connections"),
      loaded: metric(text, "qm_collab_documents_loaded"),
      idle: metric(text, "qm_collab_documents_without_connections"),
    });
    const s = samples[samples.length - 1];
    console.log(
      `${s.seconds}s heap ${s.heapUsedMB.toFixed(1)} MB, rss ${s.rssMB.toFixed(0)} MB, handles ${s.handles}, connections ${s.connections}, documents ${s.loaded} (${s.idle} with nobody on them)`,
    );
  };

  type Client = Awaited<ReturnType<typeof connectClient>>;
  const open = new Map<string, Client[]>();
  let typing = true;
  const openGroup = async (name: string) => {
    const clients = await connectAll(perDoc, async () => {
      const client = connectClient(server.url, name, cookie);
      await Promise.all([client.authenticated, client.synced]);
      return client;
    });
    open.set(name, clients);
    for (const client of clients) {
      const passage = new Y.Text();
      client.doc.getMap<Y.Text>("soak").set(String(client.doc.clientID), passage);
      const keystroke = () => {
        if (!typing || !open.get(name)?.includes(client)) return;
        passage.insert(passage.length, "x");
        setTimeout(keystroke, 1000 + Math.random() * 2000);
      };
      setTimeout(keystroke, Math.random() * 2000);
    }
  };
  const closeGroup = (name: string) => {
    open.get(name)?.forEach((c) => c.destroy());
    open.delete(name);
  };

  const machine = sampleMachine();
  let unloadedAfterSeconds: number | null = null;
  try {
    for (const name of names.slice(0, groups)) await openGroup(name);
    console.log(`${open.size * perDoc} clients on ${open.size} documents; soaking ${minutes} min…`);
    await sample();
    const end = started + minutes * 60_000;
    let nextSample = performance.now() + SAMPLE_MS;
    let nextChurn = performance.now() + churnMs;
    while (performance.now() < end) {
      await sleep(250);
      if (performance.now() >= nextChurn) {
        // One document's people leave; people arrive at one nobody has open.
        const leaving = [...open.keys()][Math.floor(Math.random() * open.size)];
        closeGroup(leaving);
        const closed = names.filter((n) => !open.has(n));
        await openGroup(closed[Math.floor(Math.random() * closed.length)]);
        nextChurn += churnMs;
      }
      if (performance.now() >= nextSample) {
        await sample();
        nextSample += SAMPLE_MS;
      }
    }
    typing = false;
    for (const name of [...open.keys()]) closeGroup(name);
    // Stores are debounced (2 s, at most 10 s): give them, and the unloads after them, time to
    // run; then say how long the last documents took to go (or that they stayed).
    const left = performance.now();
    await sleep(8000);
    await sample();
    while (samples[samples.length - 1].loaded > 0 && performance.now() - left < 60_000) {
      await sleep(5000);
      await sample();
    }
    unloadedAfterSeconds =
      samples[samples.length - 1].loaded === 0
        ? Math.round((performance.now() - left) / 1000)
        : null;
  } finally {
    const usage = machine.stop();
    await server.stop();
    await ferret.stop();
    rmSync(scratch, { recursive: true, force: true });
    // After the first two minutes (warm-up: JIT, caches, first loads), per minute, while people
    // are on (the samples after everyone left are not part of the slope).
    const steady = samples.filter((s) => s.seconds >= 120 && s.connections > 0);
    const perMinute = (key: keyof Sample) =>
      slope(steady.map((s) => [s.seconds / 60, s[key]] as [number, number]));
    const last = samples[samples.length - 1];
    const result = {
      options: { minutes, clients: groups * perDoc, perDoc, churnSeconds: churnMs / 1000 },
      heapSlopeMBPerMinute: perMinute("heapUsedMB"),
      rssSlopeMBPerMinute: perMinute("rssMB"),
      handlesSlopePerMinute: perMinute("handles"),
      maxDocumentsWithNobody: Math.max(...samples.slice(0, -1).map((s) => s.idle)),
      /** Seconds from everyone leaving until no document was loaded (null: some stayed 60 s). */
      unloadedAfterSeconds,
      afterEveryoneLeft: last
        ? { documentsLoaded: last.loaded, withNobody: last.idle, handles: last.handles }
        : null,
      machineBusyPercentOfOneCore: usage.busyPercent,
      samples,
    };
    console.log(
      `\nheap slope ${result.heapSlopeMBPerMinute.toFixed(2)} MB/min, rss slope ${result.rssSlopeMBPerMinute.toFixed(2)} MB/min, handles slope ${result.handlesSlopePerMinute.toFixed(2)}/min; ` +
        `documents with nobody on them: at most ${result.maxDocumentsWithNobody} during, ${last?.idle} at the end (${last?.loaded} loaded; ` +
        (unloadedAfterSeconds === null
          ? "some stayed 60 s after everyone left)"
          : `all unloaded ${unloadedAfterSeconds} s after everyone left)`),
    );
    const file = writeBenchResult("soak", result, { dir: values.out! });
    console.log(`Wrote ${file}`);
  }
}

await main();
process.exit(0);

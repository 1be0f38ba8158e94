// What the embedded FerretDB costs for the lookups by `_id` lists the app makes (ADR 038): a log
// sweep's delete of 1,000 entries, named as LogTrim named them before (`$or` of `{name, _id:
// {$in}}` per document) and after (`{_id: {$in}}`), and reading 8 records one `findOne` each
// against one `{_id: {$in}}`, in a log of `--entries N` entries (default 20,000: 100 documents
// of 200 uncompacted entries each). `--binary PATH` times another build of ours (e.g. the ADR
// 036 one, from a worktree of an earlier commit) against the same load: the baseline.
// ADR 040 adds loading one document's log by its `name` (the field's index, as the app makes it).
//
//   npm run bench:id-lookups [-- --entries 20000 --runs 5 --binary PATH]
//
// Writes bench-results/id-lookups-<timestamp>.json. Not part of `npm test`.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { MongoClient, ObjectId } from "mongodb";
import { buildFerretDB, FERRETDB_BINARY } from "../../server/database/ferretdb.ts";
import { sampleMachine } from "./machine-sampler.ts";
import { sampleProcess } from "./process-sampler.ts";
import { median } from "./stats.ts";
import { writeBenchResult } from "./result-file.ts";

const { values } = parseArgs({
  options: {
    entries: { type: "string" },
    runs: { type: "string" },
    binary: { type: "string" },
  },
});
const ENTRIES = Number(values.entries ?? 20_000);
const RUNS = Number(values.runs ?? 5);
const DELETED = 1000;
if (!(ENTRIES >= DELETED * RUNS * 2 + 1000) || !(RUNS > 0))
  throw new Error(`--entries must be at least ${DELETED * RUNS * 2 + 1000} for --runs ${RUNS}`);
const binary = values.binary ?? buildFerretDB(FERRETDB_BINARY);

const dir = mkdtempSync(path.join(tmpdir(), "id-lookups-"));
const database = spawn(binary, ["--listen", "127.0.0.1:0", "--sqlite-dir", dir], {
  stdio: ["pipe", "pipe", "ignore"],
  env: { ...process.env, GOGC: process.env.GOGC || "400" },
});
const uri = await new Promise<string>((resolve, reject) => {
  database.stdout!.once("data", (line) => resolve(String(line).trim()));
  database.once("exit", (code) => reject(new Error(`${binary} exited ${code}`)));
});
const client = await MongoClient.connect(uri);
const log = client.db("bench").collection("documentupdates");
await log.createIndex({ name: 1 }); // as models/document-log declares it

const entries = Array.from({ length: ENTRIES }, (_, i) => ({
  _id: new ObjectId(),
  name: `evaluation.${String(i % 100).padStart(24, "0")}@1`,
  update: Buffer.alloc(60, i % 251),
  createdAt: new Date(),
}));
for (let i = 0; i < entries.length; i += 1000) await log.insertMany(entries.slice(i, i + 1000));

const results: Record<string, number> = {};
const machine = sampleMachine();
const ours = sampleProcess(process.pid);
const databaseCpu = sampleProcess(database.pid);
async function time(label: string, f: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await f();
    times.push(performance.now() - started);
  }
  results[label] = median(times);
  console.log(`${label.padEnd(52)} ${median(times).toFixed(1).padStart(8)} ms`);
}

let next = 0;
const take = (n: number) => entries.slice(next, (next += n));
console.log(`${binary}, ${ENTRIES} log entries, median of ${RUNS}`);
await time(`delete ${DELETED}: $or of {name, _id: {$in}} (before)`, async () => {
  const byName = new Map<string, ObjectId[]>();
  for (const e of take(DELETED)) byName.set(e.name, [...(byName.get(e.name) ?? []), e._id]);
  await log.deleteMany({ $or: [...byName].map(([name, ids]) => ({ name, _id: { $in: ids } })) });
});
await time(`delete ${DELETED}: {_id: {$in}} (after)`, () =>
  log.deleteMany({ _id: { $in: take(DELETED).map((e) => e._id) } }),
);
await time("read 8: a findOne {_id} each, in parallel", () =>
  Promise.all(take(8).map(({ _id }) => log.findOne({ _id }))),
);
await time("read 8: one find {_id: {$in}}", async () => {
  const ids = take(8).map((e) => e._id);
  if ((await log.find({ _id: { $in: ids } }).toArray()).length !== 8) throw new Error("missed");
});
let last = entries.length;
await time("read 1 of the newest: findOne {_id, name}", async () => {
  // From the end: a scan stops at the first match, so one near the start would cost little.
  const entry = entries[--last];
  if (!(await log.findOne({ _id: entry._id, name: entry.name }))) throw new Error("missed");
});
let loaded = 0;
await time("load 1 document's log: find {name} sorted by _id", async () => {
  const name = entries[entries.length - 1 - loaded++].name;
  const found = await log.find({ name }).sort({ _id: 1 }).toArray();
  if (found.length === 0) throw new Error("missed");
});
const { busyPercent } = machine.stop();
const used = (ours.stop().cpuPercent ?? 0) + (databaseCpu.stop().cpuPercent ?? 0);
const other = busyPercent === null ? null : Math.max(0, busyPercent - used);
console.log(`other processes' CPU: ${other?.toFixed(0) ?? "?"} % of one core`);

await client.close();
database.stdin!.end();
rmSync(dir, { recursive: true, force: true });
const file = writeBenchResult("id-lookups", {
  binary,
  entries: ENTRIES,
  runs: RUNS,
  milliseconds: results,
  otherProcessesCpuPercent: other,
});
console.log(`Wrote ${file}`);

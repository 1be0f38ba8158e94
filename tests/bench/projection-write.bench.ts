// What writing an evaluation's projection costs the server's process (ADR 046): through the
// model, which casts the replacement into a mongoose document first (before), against
// saveProjection, which writes the record it builds itself through the driver (after). Both
// against the embedded FerretDB, in rounds that alternate, 100 evaluations of a realistic size
// (40 judgements, 12 forces by criterion, 15 actions).
//
//   npm run bench:projection-write [-- --rounds 6 --writes 300]
//
// Writes bench-results/projection-write-<timestamp>.json. Not part of `npm test`.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Types } from "mongoose";
import { buildFerretDB, FERRETDB_BINARY } from "../../server/database/ferretdb.ts";
import type { EvaluationProjection } from "../../models/evaluation/projection.ts";
import { sampleMachine } from "./machine-sampler.ts";
import { sampleProcess } from "./process-sampler.ts";
import { median } from "./stats.ts";
import { writeBenchResult } from "./result-file.ts";

const { values } = parseArgs({
  options: { rounds: { type: "string" }, writes: { type: "string" } },
});
const ROUNDS = Number(values.rounds ?? 6);
const WRITES = Number(values.writes ?? 300);
if (!(ROUNDS > 0) || !(WRITES > 0)) throw new Error("--rounds and --writes must be positive");

await import("../../models/registry.ts");
const { mongoose } = await import("../../models/mongoose.ts");
const { ProjectionModel, saveProjection } = await import(
  "../../models/evaluation/projection-store.ts"
);

const binary = buildFerretDB(FERRETDB_BINARY);
const dir = mkdtempSync(path.join(tmpdir(), "projection-write-"));
const database = spawn(binary, ["--listen", "127.0.0.1:0", "--sqlite-dir", dir], {
  stdio: ["pipe", "pipe", "ignore"],
});
const uri = await new Promise<string>((resolve, reject) => {
  database.stdout!.once("data", (line) => resolve(String(line).trim()));
  database.once("exit", (code) => reject(new Error(`${binary} exited ${code}`)));
});
await mongoose.connect(uri, { dbName: "bench", retryWrites: false });
await ProjectionModel.init();

const trustId = new Types.ObjectId().toString();
const evaluations = Array.from({ length: 100 }, () => new Types.ObjectId().toString());
const criteria = Array.from({ length: 40 }, (_, i) => `area-${i % 5}.criterion-${i}`);
const projection = (n: number): EvaluationProjection => ({
  judgements: criteria.map((criterionId, i) => ({
    criterionId,
    level: ["needs-attention", "expected", "strong", "exceptional"][(i + n) % 4],
  })),
  judgedCount: criteria.length,
  criteriaCount: criteria.length,
  updatedAt: new Date(),
  lastActivityAt: new Date(),
  forceTotals: { helping: 30, hindering: 12 },
  forcesByCriterion: criteria
    .slice(0, 12)
    .map((criterionId) => ({ criterionId, helping: 3, hindering: 1 })),
  actionCounts: { notStarted: 5, inProgress: 6, done: 3, dropped: 1 },
  actions: Array.from({ length: 15 }, (_, i) => ({
    id: `action-${i}`,
    criterionId: criteria[i],
    what: "Phonics catch-up sessions for Year 2, three mornings a week",
    ownerId: i % 3 === 0 ? null : new Types.ObjectId().toString(),
    due: i % 4 === 0 ? null : "2027-03-26",
    status: (["notStarted", "inProgress", "done", "dropped"] as const)[i % 4],
    forceIds: [`force-${i}`, `force-${i + 1}`],
  })),
});

const ways = {
  "through the model (cast)": (id: string, p: EvaluationProjection) =>
    ProjectionModel.replaceOne({ _id: id }, { ...p, _id: id, trustId }, { upsert: true }),
  "saveProjection (driver)": (id: string, p: EvaluationProjection) =>
    saveProjection(trustId, id, p, { judgementsChanged: false }),
};
type Way = keyof typeof ways;

/** This process's CPU and the wall time per write, for one round of WRITES writes. */
async function round(way: Way, n: number) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < WRITES; i++)
    await ways[way](evaluations[i % evaluations.length], projection(n + i));
  const used = process.cpuUsage(cpu);
  return {
    cpuMs: (used.user + used.system) / 1000 / WRITES,
    wallMs: (performance.now() - started) / WRITES,
  };
}

const names = Object.keys(ways) as Way[];
for (const way of names) await round(way, 0); // warm both paths (JIT, first inserts)
const machine = sampleMachine();
const self = sampleProcess(process.pid);
const databaseCpu = sampleProcess(database.pid!);
const rounds: Record<Way, { cpuMs: number; wallMs: number }[]> = {
  "through the model (cast)": [],
  "saveProjection (driver)": [],
};
for (let r = 0; r < ROUNDS; r++)
  for (const way of r % 2 ? [...names].reverse() : names) rounds[way].push(await round(way, r));
const { busyPercent } = machine.stop();
const used = (self.stop().cpuPercent ?? 0) + (databaseCpu.stop().cpuPercent ?? 0);
const other = busyPercent === null ? null : Math.max(0, busyPercent - used);

const summary = Object.fromEntries(
  names.map((way) => [
    way,
    {
      cpuMs: median(rounds[way].map((r) => r.cpuMs)),
      wallMs: median(rounds[way].map((r) => r.wallMs)),
    },
  ]),
) as Record<Way, { cpuMs: number; wallMs: number }>;
const [before, after] = names.map((way) => summary[way]);
console.log(`${WRITES} writes per round, ${ROUNDS} rounds each, median per write:`);
for (const way of names)
  console.log(
    `  ${way.padEnd(28)} server process CPU ${summary[way].cpuMs.toFixed(3)} ms, wall ${summary[way].wallMs.toFixed(3)} ms`,
  );
console.log(
  `  after / before: CPU ${(after.cpuMs / before.cpuMs).toFixed(2)}×, wall ${(after.wallMs / before.wallMs).toFixed(2)}×`,
);
console.log(`other processes' CPU: ${other?.toFixed(0) ?? "?"} % of one core`);

await mongoose.disconnect();
database.stdin!.end();
rmSync(dir, { recursive: true, force: true });
const file = writeBenchResult("projection-write", {
  writes: WRITES,
  rounds,
  summary,
  otherProcessesCpuPercent: other,
});
console.log(`Wrote ${file}`);

// npm run bench:distribute -- [--schools N] [--runs R]
// Distributing one published framework version to N schools (default 200; goal ≤ 5 s), measured
// against a baseline in the same run: the driver's bare insertMany of the very same documents
// (no validation, no uniqueness check, no read-back) into the same database. Prints a table and writes bench-results/distribute-<timestamp>.json.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { median } from "./stats.ts";
import { writeBenchResult } from "./result-file.ts";

const { values } = parseArgs({
  options: { schools: { type: "string", default: "200" }, runs: { type: "string", default: "3" } },
});
const SCHOOLS = Number(values.schools);
const RUNS = Number(values.runs);

process.env.SESSION_SECRET ??= "bench-session-secret-that-is-long-enough-123";
const { startFerretDB } = await import("../../server/database/ferretdb.ts");
await import("../../models/registry.ts");
const { mongoose } = await import("../../models/mongoose.ts");
const { buildTrust, buildSchool, buildUser, buildStarterFramework } = await import(
  "../support/factories.ts"
);
const { ensureCycle } = await import("../../models/cycle/cycle.ts");
const { distributeEvaluations } = await import("../../models/evaluation/distribution.ts");

const dir = mkdtempSync(path.join(tmpdir(), "qm-bench-distribute-"));
const ferret = await startFerretDB({ sqliteDir: path.join(dir, "sqlite") });
try {
  await mongoose.connect(ferret.uri, { dbName: "bench_distribute", retryWrites: false });
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  const trust = await buildTrust();
  const admin = await buildUser("trustAdmin", trust);
  const version = await buildStarterFramework(trust);
  const schools = [];
  for (let i = 0; i < SCHOOLS; i++)
    schools.push(
      await buildSchool(trust, { name: `Bench School ${i}`, hasSixthForm: i % 3 === 0 }),
    );
  const baseline = mongoose.connection.collection("bench_baseline");

  const ours: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    const { cycle } = await ensureCycle(version, {
      name: `Bench cycle ${run}`,
      dueDate: new Date(Date.now() + 864e5 * 90),
      createdBy: admin.id,
    });
    const result = await distributeEvaluations(schools, version, {
      title: cycle.name,
      createdBy: admin.id,
      cycleId: cycle.id,
      dueDate: cycle.dueDate,
    });
    ours.push(performance.now() - t);
    // From the second run on, each school's last cycle's evaluation makes the new one pre-filled.
    const made = result.created.length + result.prefill.length;
    if (made !== SCHOOLS) throw new Error(`created ${made}, expected ${SCHOOLS}`);

    const same = await mongoose.connection
      .collection("evaluations")
      .find({ cycleId: new mongoose.Types.ObjectId(cycle.id) })
      .toArray();
    const copies = same.map(({ _id, ...doc }) => ({
      ...doc,
      slot: `baseline:${run}:${String(_id)}`,
    }));
    t = performance.now();
    await baseline.insertMany(copies);
    bare.push(performance.now() - t);
  }
  const row = {
    schools: SCHOOLS,
    runs: RUNS,
    oursMedianMs: Math.round(median(ours)),
    baselineMedianMs: Math.round(median(bare)),
    ratio: +(median(ours) / median(bare)).toFixed(2),
    goalMs: 5000,
  };
  console.table([row]);
  console.log(
    `Distribution to ${SCHOOLS} schools: ${row.oursMedianMs} ms (goal ≤ 5000 ms: ${row.oursMedianMs <= 5000 ? "met" : "NOT met"}); ${row.ratio}× a bare insertMany of the same documents.`,
  );
  const file = writeBenchResult("distribute", { ...row, oursMs: ours, baselineMs: bare });
  console.log(`Wrote ${file}`);
} finally {
  await mongoose.disconnect();
  await ferret.stop();
  rmSync(dir, { recursive: true, force: true });
}

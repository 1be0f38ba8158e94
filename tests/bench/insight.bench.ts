// npm run bench:insight -- [--schools N] [--cycles C] [--runs R]
// The trust-wide heat map and Stack for a trust of N schools (default 200) on a 45-criterion
// framework, each school with an evaluation in each of C cycles (default 3), judged and agreed:
// seeded straight into the projections. The views read the insight summary (ADR 023): the first
// (warm-up) heat map finds none and builds it from those projections, once (`warmupMs[0]`).
// Measured as the server computes them for
// a page (the permission check, every read from the projections, the aggregation, the data the
// page is sent; median of R, default 5; goal ≤ 100 ms each), against a bare driver `find` of the
// same projections (evaluations, their judgements, their agreed judgements) in the same run: what
// ADR 016 read on every request, kept as the baseline.
// Reported beside them: the CPU FerretDB used, ours, and other processes' (the machine is
// shared: a busy neighbour slows every figure). Writes bench-results/insight-<timestamp>.json.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sampleMachine } from "./machine-sampler.ts";
import { sampleProcess } from "./process-sampler.ts";
import { median } from "./stats.ts";
import { writeBenchResult } from "./result-file.ts";

const { values } = parseArgs({
  options: {
    schools: { type: "string", default: "200" },
    cycles: { type: "string", default: "3" },
    runs: { type: "string", default: "5" },
  },
});
const SCHOOLS = Number(values.schools);
const CYCLES = Number(values.cycles);
const RUNS = Number(values.runs);
const CRITERIA = 45;

process.env.SESSION_SECRET ??= "bench-session-secret-that-is-long-enough-123";
const { startFerretDB } = await import("../../server/database/ferretdb.ts");
await import("../../models/registry.ts");
const { mongoose } = await import("../../models/mongoose.ts");
const { buildTrust, buildUser } = await import("../support/factories.ts");
const { ensureStarterFramework } = await import("../../models/framework/framework.ts");
const { ofsted2025SelfEvaluation } = await import("../../models/framework/starters/ofsted-2025.ts");
const { SchoolModel } = await import("../../models/school/school.ts");
const { loadActor } = await import("../../models/membership/membership.ts");
const { seedInsight, levelAt } = await import("../support/insight-world.ts");
const { loadInsightScope } = await import("../../server/insight/scope.ts");
const { heatMapView, stackView } = await import("../../server/insight/views.ts");
const { EvaluationModel } = await import("../../models/evaluation/evaluation.ts");
const { ProjectionModel } = await import("../../models/evaluation/projection-store.ts");
const { AgreedProjectionModel } = await import("../../models/validation/agreed-projection.ts");

/** The Ofsted starter grown to 45 criteria: ten of its criteria get a sibling. */
function framework45() {
  const content = structuredClone(ofsted2025SelfEvaluation);
  content.name = "Bench framework (45 criteria)";
  let total = content.areas.reduce((n, a) => n + a.criteria.length, 0);
  for (const area of content.areas.filter((a) => a.scaleKey !== "met")) {
    for (const criterion of [...area.criteria]) {
      if (total >= CRITERIA) break;
      area.criteria.push({ ...criterion, id: `${criterion.id}-b`, code: `${criterion.code}b` });
      total++;
    }
  }
  return content;
}

const dir = mkdtempSync(path.join(tmpdir(), "qm-bench-insight-"));
const ferret = await startFerretDB({ sqliteDir: path.join(dir, "sqlite") });
try {
  await mongoose.connect(ferret.uri, { dbName: "bench_insight", retryWrites: false });
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  const seedStarted = performance.now();
  const trust = await buildTrust();
  const leader = await buildUser("trustLeader", trust);
  const version = await ensureStarterFramework(trust.id, "bench-45", framework45());
  const criteria = version.content.areas.reduce((n, a) => n + a.criteria.length, 0);
  const docs = await SchoolModel.insertMany(
    Array.from({ length: SCHOOLS }, (_, i) => ({
      trustId: trust.id,
      name: `Bench School ${String(i).padStart(3, "0")}`,
      urn: null,
      phase: i % 4 === 0 ? "secondary" : "primary",
      // Every area applies, so every school is judged on all 45 criteria.
      hasEarlyYears: true,
      hasSixthForm: true,
    })),
  );
  const schools = docs.map((d) => ({
    id: d._id.toString(),
    trustId: trust.id,
    name: d.name,
    urn: null,
    phase: d.phase,
    hasEarlyYears: true,
    hasSixthForm: true,
  }));
  const { cycles, evaluations: seeded } = await seedInsight({
    version,
    schools,
    cycleNames: Array.from({ length: CYCLES }, (_, i) => `Bench cycle ${i + 1}`),
    createdBy: leader.id,
    judge: ({ schoolIndex, cycleIndex, scale, criterionId }) => {
      const spread = (schoolIndex * 7 + cycleIndex * 3 + criterionId.length) % scale.levels.length;
      return {
        self: levelAt(scale, spread),
        agreed: schoolIndex % 2 === 0 ? levelAt(scale, Math.max(0, spread - 1)) : null,
      };
    },
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const actor = (await loadActor(leader.id))!;
  const query = {
    frameworkId: version.frameworkId,
    cycleId: cycles.at(-1)!.id,
    source: "latest" as const,
  };
  const filters = { areaId: null, phase: null, status: null, award: null, sort: null, dir: null };

  // What a page's loader does, up to the JSON it sends (serialising included).
  async function heat() {
    const scope = await loadInsightScope(actor, query);
    return JSON.stringify(await heatMapView(scope, filters)).length;
  }
  async function stack() {
    const scope = await loadInsightScope(actor, query);
    return JSON.stringify(await stackView(scope, null)).length;
  }
  // The bare driver: the documents the view reads (the framework's evaluations, and the
  // judgement and agreed projections of the evaluations it draws), straight from the
  // collections: no model, no permission check, no join, no aggregation.
  const ids = (cycleIndexes: number[]) =>
    seeded
      .filter((e) => cycleIndexes.some((i) => cycles[i].id === e.cycleId))
      .map((e) => new mongoose.Types.ObjectId(e.id));
  const currentIds = ids([CYCLES - 1]);
  const recentIds = ids([CYCLES - 1, CYCLES - 2].filter((i) => i >= 0));
  async function bare(
    evaluationIds: InstanceType<typeof mongoose.Types.ObjectId>[],
    /** The Stack reads only the chosen cycle's evaluation records; the heat map all of them. */
    cycleId?: string,
  ) {
    const trustId = new mongoose.Types.ObjectId(trust.id);
    const frameworkId = new mongoose.Types.ObjectId(version.frameworkId);
    const [evaluations, projections, agreed] = await Promise.all([
      EvaluationModel.collection
        .find(
          cycleId
            ? { trustId, frameworkId, cycleId: new mongoose.Types.ObjectId(cycleId) }
            : { trustId, frameworkId },
        )
        .toArray(),
      ProjectionModel.collection.find({ trustId, _id: { $in: evaluationIds } }).toArray(),
      AgreedProjectionModel.collection.find({ trustId, _id: { $in: evaluationIds } }).toArray(),
    ]);
    return evaluations.length + projections.length + agreed.length;
  }
  const bareHeat = () => bare(recentIds);
  const bareStack = () => bare(currentIds, cycles[CYCLES - 1].id);
  async function timed(fn: () => Promise<number>) {
    const t = performance.now();
    const size = await fn();
    return { ms: performance.now() - t, size };
  }

  // Warm: the first query of each kind pays for connections and plans.
  const warm = [
    await timed(heat),
    await timed(stack),
    await timed(bareHeat),
    await timed(bareStack),
  ];
  const machine = sampleMachine();
  const database = sampleProcess(ferret.child.pid);
  const ownStart = process.cpuUsage();
  const wallStart = performance.now();
  const runs = {
    heat: [] as number[],
    stack: [] as number[],
    bareHeat: [] as number[],
    bareStack: [] as number[],
  };
  let sizes = { heat: 0, stack: 0, bareHeat: 0, bareStack: 0 };
  // Interleaved, so a busy neighbour slows ours and the baseline alike.
  for (let i = 0; i < RUNS; i++) {
    const h = await timed(heat);
    const bh = await timed(bareHeat);
    const s = await timed(stack);
    const bs = await timed(bareStack);
    runs.heat.push(h.ms);
    runs.bareHeat.push(bh.ms);
    runs.stack.push(s.ms);
    runs.bareStack.push(bs.ms);
    sizes = { heat: h.size, stack: s.size, bareHeat: bh.size, bareStack: bs.size };
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const own = process.cpuUsage(ownStart);
  const db = database.stop();
  const usage = machine.stop();
  const ownPercent = ((own.user + own.system) / 1e6 / wallSeconds) * 100;
  const row = {
    schools: SCHOOLS,
    criteria,
    cycles: CYCLES,
    evaluations: SCHOOLS * CYCLES,
    runs: RUNS,
    heatMapMedianMs: Math.round(median(runs.heat)),
    stackMedianMs: Math.round(median(runs.stack)),
    bareFindForHeatMapMedianMs: Math.round(median(runs.bareHeat)),
    bareFindForStackMedianMs: Math.round(median(runs.bareStack)),
    heatMapRatio: +(median(runs.heat) / median(runs.bareHeat)).toFixed(2),
    stackRatio: +(median(runs.stack) / median(runs.bareStack)).toFixed(2),
    goalMs: 100,
    heatMapJsonKB: Math.round(sizes.heat / 1024),
    stackJsonKB: Math.round(sizes.stack / 1024),
    documentsReadForHeatMap: sizes.bareHeat,
    documentsReadForStack: sizes.bareStack,
    ownCpuPercentOfOneCore: Math.round(ownPercent),
    ferretDbCpuPercentOfOneCore: db.cpuPercent === null ? null : Math.round(db.cpuPercent),
    otherProcessesCpuPercentOfOneCore:
      usage.busyPercent === null
        ? null
        : Math.max(0, Math.round(usage.busyPercent - ownPercent - (db.cpuPercent ?? 0))),
    cores: usage.cores,
    seedSeconds: +seedSeconds.toFixed(1),
  };
  console.table([row]);
  const file = writeBenchResult("insight", {
    ...row,
    warmupMs: warm.map((w) => Math.round(w.ms)),
    samplesMs: runs,
  });
  console.log(`Written to ${file}`);
} finally {
  await mongoose.disconnect();
  await ferret.stop();
  rmSync(dir, { recursive: true, force: true });
}

import { setTimeout as sleep } from "node:timers/promises";
import { distributionStep, type DistributionStep } from "../cycle/adoption.ts";
import { isDuplicateKey } from "../errors.ts";
import { insightChanged } from "../insight/summary-store.ts";
import type { FrameworkVersion } from "../framework/framework.ts";
import { DECISION_WRITE, op } from "../mongoose.ts";
import type { School } from "../school/school.ts";
import { EvaluationModel, cycleSlotOf, newEvaluationDoc } from "./evaluation.ts";

export interface DistributedEvaluations {
  /** Schools that got a new, empty evaluation. */
  created: string[];
  /** Schools that got a new evaluation to be pre-filled from their last one (`fromId`). */
  prefill: { schoolId: string; evaluationId: string; fromId: string }[];
  /** Schools whose unfinished evaluation joined the cycle, with its work. */
  adopted: { schoolId: string; evaluationId: string }[];
  /** Schools that already had this cycle's evaluation. */
  existing: string[];
}

// The embedded FerretDB v1 applies an update as a read-modify-write of the whole document, so
// an adoption overlapping another change of the same evaluation (a submission) can be lost
// (ADR 005). It is confirmed after a pause and made again if lost, as statuses are.
const CONFIRM_AFTER_MS = 40;
const ATTEMPTS = 5;

type Adoption = "adopted" | "taken" | "gone";

/**
 * Brings an evaluation into a cycle: its cycle, due date and cycle slot change; its content,
 * version and origin slot do not. The cycle slot is unique, so if another evaluation of the
 * school is already the cycle's ("taken"), nothing changes. "gone": it was deleted or another
 * cycle took it meanwhile, so the school still needs one.
 */
async function adopt(
  trustId: string,
  evaluationId: string,
  cycle: { cycleId: string; dueDate: Date | null; schoolId: string },
): Promise<Adoption> {
  const cycleSlot = cycleSlotOf(cycle.cycleId, cycle.schoolId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      await EvaluationModel.updateOne(
        { _id: evaluationId, trustId, cycleId: null },
        { $set: { cycleId: cycle.cycleId, dueDate: cycle.dueDate, cycleSlot } },
        { writeConcern: DECISION_WRITE },
      );
    } catch (error) {
      if (isDuplicateKey(error)) return "taken";
      throw error;
    }
    await sleep(CONFIRM_AFTER_MS * (attempt + 1));
    const now = await EvaluationModel.findOne(
      { _id: evaluationId, trustId },
      { cycleId: 1 },
    ).lean();
    if (!now) return "gone";
    if (now.cycleId?.toString() === cycle.cycleId) return "adopted";
    if (now.cycleId) return "gone";
    // Still in no cycle: an overlapping write of the whole record undid ours. Again.
  }
  throw new Error("The evaluation could not be brought into the cycle. Try again.");
}

/**
 * Gives each school its evaluation in the cycle: adopts the school's unfinished evaluation on
 * the framework, or creates one (to pre-fill from its last one, or empty): see
 * `distributionStep`. Safe to repeat and to run from many places at once: the unique cycle slot
 * per (cycle, school) lets exactly one evaluation hold it, whichever write comes first.
 */
export async function distributeEvaluations(
  schools: School[],
  version: FrameworkVersion,
  input: { title: string; createdBy: string; cycleId: string; dueDate: Date | null },
): Promise<DistributedEvaluations> {
  const trustId = version.trustId;
  const onFramework = await EvaluationModel.find(
    {
      trustId,
      frameworkId: version.frameworkId,
      schoolId: op({ $in: schools.map((s) => s.id) }),
    },
    { schoolId: 1, cycleId: 1, status: 1, createdAt: 1 },
  ).lean();
  const steps = new Map<string, DistributionStep>(
    schools.map((school) => [
      school.id,
      distributionStep(
        input.cycleId,
        onFramework
          .filter((e) => e.schoolId.toString() === school.id)
          .map((e) => ({
            id: e._id.toString(),
            cycleId: e.cycleId?.toString() ?? null,
            status: e.status,
            createdAt: e.createdAt,
          })),
      ),
    ]),
  );

  const adopted: DistributedEvaluations["adopted"] = [];
  await Promise.all(
    schools.map(async (school) => {
      const step = steps.get(school.id)!;
      if (step.kind !== "adopt") return;
      const outcome = await adopt(trustId, step.evaluationId, {
        cycleId: input.cycleId,
        dueDate: input.dueDate,
        schoolId: school.id,
      });
      if (outcome === "adopted")
        adopted.push({ schoolId: school.id, evaluationId: step.evaluationId });
      // Another cycle took it meanwhile: the school still needs one here, starting from it.
      if (outcome === "gone") steps.set(school.id, { kind: "prefill", fromId: step.evaluationId });
    }),
  );

  const toCreate = schools.filter((s) => {
    const kind = steps.get(s.id)!.kind;
    return kind === "new" || kind === "prefill";
  });
  const docs = toCreate.map((school) => newEvaluationDoc(school, version, input));
  const inserted = new Set<string>();
  try {
    if (docs.length) {
      const written = await EvaluationModel.insertMany(docs, { ordered: false });
      for (const d of written) inserted.add(String(d.schoolId));
    }
  } catch (error) {
    const bulk = error as {
      code?: number;
      insertedDocs?: { schoolId: unknown }[];
      writeErrors?: { code?: number; err?: { code?: number } }[];
    };
    const codes = (bulk.writeErrors ?? []).map((e) => e.code ?? e.err?.code);
    if (bulk.code !== 11000 && !codes.every((c) => c === 11000)) throw error;
    // Another request (or an adoption) holds those schools' cycle slots: they are "existing".
    for (const d of bulk.insertedDocs ?? []) inserted.add(String(d.schoolId));
  }

  const created: string[] = [];
  const prefill: DistributedEvaluations["prefill"] = [];
  for (const doc of docs) {
    const schoolId = String(doc.schoolId);
    if (!inserted.has(schoolId)) continue;
    const step = steps.get(schoolId)!;
    if (step.kind === "prefill")
      prefill.push({ schoolId, evaluationId: doc._id.toString(), fromId: step.fromId });
    else created.push(schoolId);
  }
  // New evaluations change what the trust-wide views hold (ADR 023). The records' own hooks do
  // this too, except when an insert of several was partly refused: say it here as well.
  if (inserted.size) await insightChanged(trustId);
  // Re-read rather than trust error details: what is in the cycle now is the truth.
  const present = await EvaluationModel.find(
    { trustId, cycleId: input.cycleId },
    { schoolId: 1 },
  ).lean();
  const presentIds = new Set(present.map((p) => p.schoolId.toString()));
  const ours = new Set([...inserted, ...adopted.map((a) => a.schoolId)]);
  const existing = schools.map((s) => s.id).filter((id) => presentIds.has(id) && !ours.has(id));
  return { created, prefill, adopted, existing };
}

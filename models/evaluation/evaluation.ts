import { Types } from "mongoose";
import { Schema } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { insightChanged } from "../insight/summary-store.ts";
import { defineModel, isObjectId, ofTrust, op } from "../mongoose.ts";
import { sharedRead, type ReadMemo } from "../request-memo.ts";
import { applicableAreas, scaleOf } from "../framework/applicable.ts";
import type { FrameworkVersion } from "../framework/framework.ts";
import type { School } from "../school/school.ts";
import { emptyActionCounts, type EvaluationProjection } from "./projection.ts";
import { projectionsOf, setCriteriaCount, type StoredProjection } from "./projection-store.ts";
import { VERSION_MOVABLE_STATUSES } from "./version-move.ts";

export type EvaluationStatus = "inProgress" | "submitted" | "validated" | "accredited";

export interface Evaluation {
  id: string;
  trustId: string;
  schoolId: string;
  frameworkId: string;
  frameworkVersionId: string;
  frameworkKind: "qualityMark" | "schoolSelfEvaluation" | "trustSelfReview" | null;
  /** The cycle it was distributed in, if any (null: started by the school itself). */
  cycleId: string | null;
  dueDate: Date | null;
  title: string;
  status: EvaluationStatus;
  /** Areas of the framework that apply to this school, in order. */
  areaIds: string[];
  /** For each included criterion, the level keys of its scale (lowest first). */
  levelsByCriterion: Record<string, string[]>;
  validatorIds: string[];
  createdBy: string;
  createdAt: Date;
  projection: EvaluationProjection;
}

/** An evaluation without its projection: the record itself, e.g. for deciding who may open it. */
export type EvaluationRecord = Omit<Evaluation, "projection">;

interface EvaluationDoc {
  trustId: Types.ObjectId;
  schoolId: Types.ObjectId;
  frameworkId: Types.ObjectId;
  frameworkVersionId: Types.ObjectId;
  frameworkKind: "qualityMark" | "schoolSelfEvaluation" | "trustSelfReview" | null;
  cycleId: Types.ObjectId | null;
  dueDate: Date | null;
  /**
   * Why it was created, once: "<cycleId>:<schoolId>" (distributed), "own:<requestId>",
   * "renewal:<awardId>". Never changes, so a repeat of that request still finds it.
   */
  slot: string;
  /**
   * One evaluation per school per cycle: "<cycleId>:<schoolId>" once it is in a cycle, whether
   * created there or adopted into it (then its `slot` keeps its origin). Absent otherwise.
   */
  cycleSlot?: string;
  title: string;
  status: EvaluationStatus;
  areaIds: string[];
  // Stored as a list: criterion ids are data and must not become field names.
  criteria: { criterionId: string; levels: string[] }[];
  validatorIds: Types.ObjectId[];
  createdBy: Types.ObjectId;
  createdAt: Date;
}

const evaluationSchema = new Schema<EvaluationDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  schoolId: { type: Schema.Types.ObjectId, required: true, index: true },
  frameworkId: { type: Schema.Types.ObjectId, required: true },
  frameworkVersionId: { type: Schema.Types.ObjectId, required: true },
  frameworkKind: { type: String, default: null },
  cycleId: { type: Schema.Types.ObjectId, default: null, index: true },
  dueDate: { type: Date, default: null },
  slot: { type: String, required: true, unique: true },
  // Sparse: evaluations outside any cycle (and those written before adoption existed) have none.
  cycleSlot: { type: String, unique: true, sparse: true },
  title: { type: String, required: true, trim: true, maxlength: 200 },
  status: {
    type: String,
    enum: ["inProgress", "submitted", "validated", "accredited"],
    default: "inProgress",
  },
  areaIds: { type: [String], default: [] },
  criteria: [{ _id: false, criterionId: String, levels: [String] }],
  validatorIds: { type: [Schema.Types.ObjectId], default: [] },
  createdBy: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
});

// Whatever is written to an evaluation record (a new evaluation, its status, cycle or version)
// may change what the trust-wide views hold: their summaries are rebuilt on the next read
// (docs/decisions/023-insight-summary-projection.md). Evaluation records change rarely.
evaluationSchema.post("save", async function (doc) {
  await insightChanged(doc.trustId.toString());
});
evaluationSchema.post("insertMany", async function (docs: unknown) {
  const trustIds = (docs as { trustId: Types.ObjectId }[]).map((d) => d.trustId.toString());
  for (const trustId of new Set(trustIds)) await insightChanged(trustId);
});
evaluationSchema.post(
  ["updateOne", "updateMany"],
  async function (result: { matchedCount?: number }) {
    if (result?.matchedCount === 0) return;
    const filter = this.getFilter() as { _id?: unknown; trustId?: unknown };
    let trustId = filter.trustId;
    if (!trustId && (typeof filter._id === "string" || filter._id instanceof Types.ObjectId)) {
      const doc = await this.model
        .findOne({ _id: filter._id }, { trustId: 1 })
        .lean<{ trustId: unknown }>();
      trustId = doc?.trustId;
    }
    if (trustId) await insightChanged(String(trustId));
  },
);

export const EvaluationModel = defineModel<EvaluationDoc>("Evaluation", evaluationSchema);

/** The key that keeps one evaluation per school per cycle. */
export const cycleSlotOf = (cycleId: string, schoolId: string) => `${cycleId}:${schoolId}`;

type LeanEvaluation = { _id: Types.ObjectId } & EvaluationDoc;

/** Evaluations with their projections (kept in their own collection: see projection-store.ts). */
export async function withProjections(docs: LeanEvaluation[]): Promise<Evaluation[]> {
  const projections = await projectionsOf(docs.map((d) => d._id.toString()));
  return docs.map((d) => toEvaluation(d, projections.get(d._id.toString())));
}

function toRecord(doc: LeanEvaluation): EvaluationRecord {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    schoolId: doc.schoolId.toString(),
    frameworkId: doc.frameworkId.toString(),
    frameworkVersionId: doc.frameworkVersionId.toString(),
    frameworkKind: doc.frameworkKind ?? null,
    cycleId: doc.cycleId?.toString() ?? null,
    dueDate: doc.dueDate ?? null,
    title: doc.title,
    status: doc.status,
    areaIds: doc.areaIds,
    levelsByCriterion: Object.fromEntries(doc.criteria.map((c) => [c.criterionId, c.levels])),
    validatorIds: doc.validatorIds.map(String),
    createdBy: doc.createdBy.toString(),
    createdAt: doc.createdAt,
  };
}

function toEvaluation(doc: LeanEvaluation, stored: StoredProjection | undefined): Evaluation {
  const projection = stored;
  return {
    ...toRecord(doc),
    projection: {
      judgements: projection?.judgements ?? [],
      judgedCount: projection?.judgedCount ?? 0,
      criteriaCount: projection?.criteriaCount ?? doc.criteria.length,
      updatedAt: projection?.updatedAt ?? doc.createdAt,
      lastActivityAt: projection?.lastActivityAt ?? null,
      forceTotals: {
        helping: projection?.forceTotals?.helping ?? 0,
        hindering: projection?.forceTotals?.hindering ?? 0,
      },
      forcesByCriterion: projection?.forcesByCriterion ?? [],
      actionCounts: { ...emptyActionCounts(), ...projection?.actionCounts },
      actions: (projection?.actions ?? []).map((a) => ({
        ...a,
        ownerId: a.ownerId ?? null,
        due: a.due ?? null,
        forceIds: a.forceIds ?? [],
      })),
    },
  };
}

/** The database record of a new evaluation of `school` against `version`. */
export function newEvaluationDoc(
  school: School,
  version: FrameworkVersion,
  input: {
    title: string;
    createdBy: string;
    cycleId?: string;
    dueDate?: Date | null;
    slot?: string;
  },
) {
  if (version.trustId !== school.trustId) throw new Error("Framework of another trust");
  const areas = applicableAreas(version.content, school);
  const criteria = areas.flatMap((area) =>
    area.criteria.map((c) => ({
      criterionId: c.id,
      levels: scaleOf(version.content, area).levels.map((l) => l.key),
    })),
  );
  const _id = new Types.ObjectId();
  return {
    _id,
    trustId: school.trustId,
    schoolId: school.id,
    frameworkId: version.frameworkId,
    frameworkVersionId: version.id,
    frameworkKind: version.content.kind,
    cycleId: input.cycleId ?? null,
    dueDate: input.dueDate ?? null,
    slot:
      input.slot ??
      (input.cycleId ? cycleSlotOf(input.cycleId, school.id) : `own:${_id.toString()}`),
    ...(input.cycleId ? { cycleSlot: cycleSlotOf(input.cycleId, school.id) } : {}),
    title: input.title,
    areaIds: areas.map((a) => a.id),
    criteria,
    createdBy: input.createdBy,
  };
}

/** Starts an evaluation of a school against a published framework version. */
export async function startEvaluation(
  school: School,
  version: FrameworkVersion,
  input: { title: string; createdBy: string },
): Promise<Evaluation> {
  const doc = await EvaluationModel.create(newEvaluationDoc(school, version, input));
  return toEvaluation(doc.toObject(), undefined);
}

/**
 * Starts the one evaluation that may exist for `slot` (e.g. the renewal of an award): the first
 * request creates it, every other (in parallel or later) gets the same one with `created: false`.
 */
export async function startEvaluationOnce(
  school: School,
  version: FrameworkVersion,
  input: { title: string; createdBy: string; slot: string },
): Promise<{ evaluation: Evaluation; created: boolean }> {
  try {
    const doc = await EvaluationModel.create(newEvaluationDoc(school, version, input));
    return { evaluation: toEvaluation(doc.toObject(), undefined), created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const doc = await EvaluationModel.findOne({ trustId: school.trustId, slot: input.slot }).lean();
    if (!doc) throw error;
    return { evaluation: (await withProjections([doc]))[0], created: false };
  }
}

/** The evaluation started for `slot` (e.g. "renewal:<awardId>"), if any: its id and title. */
export async function findEvaluationBySlot(
  trustId: string,
  slot: string,
): Promise<{ id: string; title: string } | null> {
  if (!isObjectId(trustId)) return null;
  const doc = await EvaluationModel.findOne({ trustId, slot }, { title: 1 }).lean();
  return doc ? { id: doc._id.toString(), title: doc.title } : null;
}

/** Every evaluation of the trust's schools on one framework (any version), newest first. */
export async function listEvaluationsOnFramework(
  trustId: string,
  frameworkId: string,
): Promise<Evaluation[]> {
  if (!isObjectId(frameworkId)) return [];
  return withProjections(
    await EvaluationModel.find({ trustId, frameworkId }).sort({ createdAt: -1 }).lean(),
  );
}

export async function listEvaluationsOfCycle(
  trustId: string,
  cycleId: string,
): Promise<Evaluation[]> {
  return withProjections(await EvaluationModel.find({ trustId, cycleId }).lean());
}

/**
 * The trust's submitted evaluations that no validator is assigned to yet (records only: who may
 * assign one decides on the record). Read through the `trustId` index; the validators are
 * checked here, as an array field has no index on the embedded FerretDB (ADR 040).
 */
export async function listAwaitingValidator(trustId: string): Promise<EvaluationRecord[]> {
  if (!isObjectId(trustId)) return [];
  const docs = await EvaluationModel.find({ trustId, status: "submitted" }).lean();
  return docs.filter((d) => d.validatorIds.length === 0).map(toRecord);
}

/** The evaluation's record if it is of the given trust, else null: one read, by `_id` alone. */
async function findOfTrust(trustId: string, evaluationId: string) {
  if (!isObjectId(trustId) || !isObjectId(evaluationId)) return null;
  return ofTrust(await EvaluationModel.findOne({ _id: evaluationId }).lean(), trustId);
}

/**
 * An evaluation's record of the given trust without its projection, or null: one read fewer than
 * getEvaluation, for what only decides access (a collab socket asks it for every document).
 */
export function getEvaluationRecord(
  trustId: string,
  evaluationId: string,
  memo?: ReadMemo,
): Promise<EvaluationRecord | null> {
  // Shared by the sockets asking for it at the same moment (ADR 049).
  return sharedRead(memo, `evaluation-record:${trustId}:${evaluationId}`, async () => {
    const doc = await findOfTrust(trustId, evaluationId);
    return doc ? toRecord(doc) : null;
  });
}

/** An evaluation of the given trust, or null (one of another trust is "not found"). */
export async function getEvaluation(
  trustId: string,
  evaluationId: string,
): Promise<Evaluation | null> {
  const doc = await findOfTrust(trustId, evaluationId);
  return doc ? (await withProjections([doc]))[0] : null;
}

export async function listEvaluationsOfSchool(
  trustId: string,
  schoolId: string,
): Promise<Evaluation[]> {
  return withProjections(
    await EvaluationModel.find({ trustId, schoolId }).sort({ createdAt: -1 }).lean(),
  );
}

/**
 * The evaluations of some of the trust's schools, newest first, with their projections: two reads
 * (`trustId` and `schoolId` through their indexes, then the projections by `_id`), however many
 * schools (a trust has 5 to 100+).
 */
export async function listEvaluationsOfSchools(
  trustId: string,
  schoolIds: string[],
): Promise<Evaluation[]> {
  const ids = schoolIds.filter(isObjectId);
  if (!isObjectId(trustId) || ids.length === 0) return [];
  return withProjections(
    await EvaluationModel.find({ trustId, schoolId: op({ $in: ids }) })
      .sort({ createdAt: -1 })
      .lean(),
  );
}

/** The evaluations of the given trust among `evaluationIds` (others are left out), by id. */
export async function getEvaluations(
  trustId: string,
  evaluationIds: string[],
): Promise<Map<string, Evaluation>> {
  const ids = [...new Set(evaluationIds.filter(isObjectId))];
  if (!isObjectId(trustId) || ids.length === 0) return new Map();
  const docs = await EvaluationModel.find({ _id: op({ $in: ids }), trustId }).lean();
  return new Map((await withProjections(docs)).map((e) => [e.id, e]));
}

export { lastActivityOf, saveProjection } from "./projection-store.ts";

/**
 * Points an evaluation at a newer version of its framework (same framework, same trust); the
 * areas and criteria it includes are recomputed for the school. Only while its status allows a
 * move (version-move.ts, ADR 071): null, and nothing written, once it is being validated, even
 * if it was submitted after the caller read it.
 */
export async function moveToVersion(
  evaluation: Evaluation,
  school: School,
  version: FrameworkVersion,
): Promise<Evaluation | null> {
  if (version.frameworkId !== evaluation.frameworkId || version.trustId !== evaluation.trustId) {
    throw new Error("Not a version of this evaluation's framework");
  }
  const fresh = newEvaluationDoc(school, version, {
    title: evaluation.title,
    createdBy: evaluation.createdBy,
  });
  const result = await EvaluationModel.updateOne(
    {
      _id: evaluation.id,
      trustId: evaluation.trustId,
      status: op({ $in: [...VERSION_MOVABLE_STATUSES] }),
    },
    {
      $set: {
        frameworkVersionId: version.id,
        areaIds: fresh.areaIds,
        criteria: fresh.criteria,
      },
    },
  );
  if (result.matchedCount === 0) return null;
  await setCriteriaCount(evaluation.id, fresh.criteria.length);
  return (await getEvaluation(evaluation.trustId, evaluation.id))!;
}

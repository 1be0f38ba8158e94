import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { DECISION_WRITE, defineModel, isObjectId } from "../mongoose.ts";
import { memoForRequest } from "../request-memo.ts";
import type { EvaluationProjection } from "../evaluation/projection.ts";
import { makeAppendOnly } from "../immutable.ts";
import { isDuplicateKey } from "../errors.ts";

/**
 * A cycle snapshot: an immutable copy of a whole evaluation at one moment (a submission now; a
 * validation later), kept for history and comparison. The live document carries on; the copy
 * never changes. Its Yjs state is stored whole, so anything the document held can be read back.
 */
export type SnapshotKind = "submission" | "validation";

export const SNAPSHOT_KIND_LABELS: Record<SnapshotKind, string> = {
  submission: "Submitted for validation",
  validation: "Validated",
};

/** A snapshot without its document state: what timelines and charts need. */
export interface SnapshotSummary {
  id: string;
  trustId: string;
  schoolId: string;
  evaluationId: string;
  kind: SnapshotKind;
  frameworkVersionId: string;
  projection: EvaluationProjection;
  /** Every judgement the document held, by criterion (as a list: ids are data, not field names). */
  judgements: { criterionId: string; level: string }[];
  /** Each included criterion's level keys, lowest first, as they were (the framework may move on). */
  levelsByCriterion: Record<string, string[]>;
  createdBy: string;
  createdAt: Date;
}

export interface EvaluationSnapshot extends SnapshotSummary {
  /** `Y.encodeStateAsUpdate` of the evaluation document at that moment. */
  state: Uint8Array;
}

interface SnapshotDoc {
  trustId: Types.ObjectId;
  schoolId: Types.ObjectId;
  evaluationId: Types.ObjectId;
  kind: SnapshotKind;
  state: Buffer;
  frameworkVersionId: Types.ObjectId;
  projection: EvaluationProjection;
  judgements: { criterionId: string; level: string }[];
  criteria: { criterionId: string; levels: string[] }[];
  createdBy: Types.ObjectId;
  createdAt: Date;
  /** What this snapshot was taken over (see createSnapshot); unique per evaluation. */
  guard?: string;
}

const snapshotSchema = new Schema<SnapshotDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  schoolId: { type: Schema.Types.ObjectId, required: true, index: true },
  evaluationId: { type: Schema.Types.ObjectId, required: true, index: true },
  kind: { type: String, required: true, enum: ["submission", "validation"] },
  state: { type: Buffer, required: true },
  frameworkVersionId: { type: Schema.Types.ObjectId, required: true },
  // Kept whole, exactly as the projection function made it (whatever it held at the time).
  projection: { type: Schema.Types.Mixed, required: true },
  judgements: [{ _id: false, criterionId: String, level: String }],
  criteria: [{ _id: false, criterionId: String, levels: [String] }],
  createdBy: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
  guard: { type: String },
});
// One snapshot per decision (sparse: snapshots taken before guards existed have none).
snapshotSchema.index({ evaluationId: 1, guard: 1 }, { unique: true, sparse: true });

// A snapshot is what the school submitted: once written, nothing may change or remove it.
// Every mongoose path that could is refused here (query, document and bulk middleware).
export class SnapshotImmutableError extends Error {
  constructor() {
    super("Evaluation snapshots are immutable.");
  }
}
makeAppendOnly(snapshotSchema, () => new SnapshotImmutableError());
snapshotSchema.index({ evaluationId: 1, createdAt: -1 });

export const EvaluationSnapshotModel = defineModel<SnapshotDoc>(
  "EvaluationSnapshot",
  snapshotSchema,
);

// Lean reads return BSON Binary values, not Buffers: take exactly the stored bytes.
function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  const binary = value as { buffer: Uint8Array; position: number };
  return binary.buffer.subarray(0, binary.position);
}

type LeanSnapshot = { _id: Types.ObjectId } & Omit<SnapshotDoc, "state"> & { state?: unknown };

function toSummary(doc: LeanSnapshot): SnapshotSummary {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    schoolId: doc.schoolId.toString(),
    evaluationId: doc.evaluationId.toString(),
    kind: doc.kind,
    frameworkVersionId: doc.frameworkVersionId.toString(),
    projection: {
      ...doc.projection,
      judgements: doc.projection.judgements ?? [],
      lastActivityAt: doc.projection.lastActivityAt ?? null,
    },
    judgements: doc.judgements ?? [],
    levelsByCriterion: Object.fromEntries(
      (doc.criteria ?? []).map((c) => [c.criterionId, c.levels]),
    ),
    createdBy: doc.createdBy.toString(),
    createdAt: doc.createdAt,
  };
}

export interface NewSnapshot {
  trustId: string;
  schoolId: string;
  evaluationId: string;
  kind: SnapshotKind;
  state: Uint8Array;
  frameworkVersionId: string;
  projection: EvaluationProjection;
  judgements: Record<string, string>;
  levelsByCriterion: Record<string, string[]>;
  createdBy: string;
  /**
   * What the snapshot is taken over, e.g. "submission after <previous snapshot id>": one snapshot
   * per guard exists, so a double-click or parallel requests freeze one snapshot.
   */
  guard: string;
}

/**
 * Writes a snapshot, acknowledged by a majority and journaled (it records a decision), once per
 * guard: when one with the same guard exists, that one is returned with `created: false`.
 */
export async function createSnapshot(
  input: NewSnapshot,
): Promise<{ snapshot: SnapshotSummary; created: boolean }> {
  try {
    return { snapshot: await insertSnapshot(input), created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const doc = await EvaluationSnapshotModel.findOne(
      { trustId: input.trustId, evaluationId: input.evaluationId, guard: input.guard },
      { state: 0 },
    ).lean();
    if (!doc) throw error;
    return { snapshot: toSummary(doc), created: false };
  }
}

async function insertSnapshot(input: NewSnapshot): Promise<SnapshotSummary> {
  const [doc] = await EvaluationSnapshotModel.create(
    [
      {
        trustId: input.trustId,
        schoolId: input.schoolId,
        evaluationId: input.evaluationId,
        kind: input.kind,
        state: Buffer.from(input.state),
        frameworkVersionId: input.frameworkVersionId,
        projection: input.projection,
        judgements: Object.entries(input.judgements).map(([criterionId, level]) => ({
          criterionId,
          level,
        })),
        criteria: Object.entries(input.levelsByCriterion).map(([criterionId, levels]) => ({
          criterionId,
          levels,
        })),
        createdBy: input.createdBy,
        guard: input.guard,
      },
    ],
    { ...DECISION_WRITE },
  );
  return toSummary(doc.toObject());
}

/** An evaluation's snapshots, newest first, without their document state. */
export function listSnapshotsOfEvaluation(
  trustId: string,
  evaluationId: string,
): Promise<readonly SnapshotSummary[]> {
  if (!isObjectId(evaluationId)) return Promise.resolve([]);
  // Read once per page request (the evaluation page asks for its submissions twice): on the
  // embedded FerretDB this read unpacks every snapshot of every evaluation, states included.
  return memoForRequest(`evaluation-snapshots:${trustId}:${evaluationId}`, async () => {
    const docs = await EvaluationSnapshotModel.find({ trustId, evaluationId }, { state: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .lean();
    return docs.map(toSummary);
  });
}

/** A school's snapshots of one kind (every evaluation), oldest first, without their state. */
export async function listSnapshotsOfSchool(
  trustId: string,
  schoolId: string,
  kind: SnapshotKind,
): Promise<SnapshotSummary[]> {
  const docs = await EvaluationSnapshotModel.find({ trustId, schoolId, kind }, { state: 0 })
    .sort({ createdAt: 1, _id: 1 })
    .lean();
  return docs.map(toSummary);
}

/** One snapshot of an evaluation, with its document state. */
export async function getSnapshot(
  trustId: string,
  evaluationId: string,
  snapshotId: string,
): Promise<EvaluationSnapshot | null> {
  if (!isObjectId(snapshotId) || !isObjectId(evaluationId)) return null;
  const doc = await EvaluationSnapshotModel.findOne({
    _id: snapshotId,
    trustId,
    evaluationId,
  }).lean();
  if (!doc) return null;
  return { ...toSummary(doc), state: toBytes(doc.state) };
}

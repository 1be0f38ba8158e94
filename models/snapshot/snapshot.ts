import { Schema, Types } from "mongoose";
import { DECISION_WRITE, defineModel, isObjectId } from "../mongoose.ts";
import type { EvaluationProjection } from "../evaluation/projection.ts";
import { makeAppendOnly } from "../immutable.ts";
import { isDuplicateKey } from "../errors.ts";

/**
 * A cycle snapshot: an immutable copy of a whole evaluation at one moment (a submission now; a
 * validation later), kept for history and comparison. The live document carries on; the copy
 * never changes. Its Yjs state is stored whole, so anything the document held can be read back:
 * apart from the row, under the snapshot's own id (ADR 034), so that listing an evaluation's
 * snapshots does not unpack every state in the database (the embedded FerretDB reads every row
 * for a filter other than `_id`).
 */
export type SnapshotKind = "submission" | "validation";

export const SNAPSHOT_KIND_LABELS: Record<SnapshotKind, string> = {
  submission: "Submitted for validation",
  validation: "Validated",
};

/** A level's label and colour, as its scale gave them when a snapshot was taken (ADR 063). */
export interface LevelName {
  label: string;
  colour: string;
}

/** Each criterion's levels with their names now, by criterion id: what a new snapshot keeps. */
export type LevelNames = Record<string, readonly ({ key: string } & LevelName)[]>;

/**
 * One judgement in a snapshot: its level's key and, in snapshots taken since ADR 063, how the
 * scale named that level then (absent for a level its scale did not have, and in older ones).
 */
export interface SnapshotJudgement extends Partial<LevelName> {
  criterionId: string;
  level: string;
}

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
  judgements: SnapshotJudgement[];
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
  /** Only in rows written before ADR 034 and not yet migrated: the state is in its own record. */
  state?: Buffer;
  frameworkVersionId: Types.ObjectId;
  projection: EvaluationProjection;
  judgements: SnapshotJudgement[];
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
  state: { type: Buffer },
  frameworkVersionId: { type: Schema.Types.ObjectId, required: true },
  // Kept whole, exactly as the projection function made it (whatever it held at the time).
  projection: { type: Schema.Types.Mixed, required: true },
  // A level's label and colour are kept as the scale had them (ADR 063): absent in older rows.
  judgements: [{ _id: false, criterionId: String, level: String, label: String, colour: String }],
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

/** A snapshot's document state, under the snapshot's `_id`: as immutable as the snapshot. */
interface SnapshotStateDoc {
  _id: Types.ObjectId;
  state: Buffer;
}

const snapshotStateSchema = new Schema<SnapshotStateDoc>({
  _id: { type: Schema.Types.ObjectId, required: true },
  state: { type: Buffer, required: true },
});
makeAppendOnly(snapshotStateSchema, () => new SnapshotImmutableError());

export const EvaluationSnapshotStateModel = defineModel<SnapshotStateDoc>(
  "EvaluationSnapshotState",
  snapshotStateSchema,
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
    // Only what the row holds: older rows have no level names (ADR 063).
    judgements: (doc.judgements ?? []).map(({ criterionId, level, label, colour }) =>
      typeof label === "string" && typeof colour === "string"
        ? { criterionId, level, label, colour }
        : { criterionId, level },
    ),
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
  /** How the scales name their levels now: kept with each judgement at one of them (ADR 063). */
  levelNames: LevelNames;
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
    const snapshot = await insertSnapshot(input);
    return { snapshot, created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const snapshot = await snapshotTakenOver(input.trustId, input.evaluationId, input.guard);
    if (!snapshot) throw error;
    return { snapshot, created: false };
  }
}

/**
 * The snapshot already taken over `guard` (see createSnapshot), without its state, or null: what
 * a repeat of the same decision answers with. One read through the unique (evaluation, guard) index.
 */
export async function snapshotTakenOver(
  trustId: string,
  evaluationId: string,
  guard: string,
): Promise<SnapshotSummary | null> {
  const doc = await EvaluationSnapshotModel.findOne(
    { trustId, evaluationId, guard },
    { state: 0 },
  ).lean();
  return doc ? toSummary(doc) : null;
}

/** A judgement to keep, with its level's name where the criterion's scale has that level. */
function withLevelName(criterionId: string, level: string, names: LevelNames): SnapshotJudgement {
  const named = Object.hasOwn(names, criterionId)
    ? names[criterionId].find((l) => l.key === level)
    : undefined;
  return named
    ? { criterionId, level, label: named.label, colour: named.colour }
    : { criterionId, level };
}

/**
 * The state goes first, under the snapshot's id, so a snapshot is never visible without it. A
 * snapshot that loses to one with the same guard never existed: its state is taken away again
 * (with the driver: no snapshot names it, so nothing immutable changes).
 */
async function insertSnapshot(input: NewSnapshot): Promise<SnapshotSummary> {
  const _id = new Types.ObjectId();
  await EvaluationSnapshotStateModel.create([{ _id, state: Buffer.from(input.state) }], {
    ...DECISION_WRITE,
  });
  try {
    const [doc] = await EvaluationSnapshotModel.create(
      [
        {
          _id,
          trustId: input.trustId,
          schoolId: input.schoolId,
          evaluationId: input.evaluationId,
          kind: input.kind,
          frameworkVersionId: input.frameworkVersionId,
          projection: input.projection,
          judgements: Object.entries(input.judgements).map(([criterionId, level]) =>
            withLevelName(criterionId, level, input.levelNames),
          ),
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
  } catch (error) {
    // Only a refusal is sure the row is not there: after a timeout it may be, state and all.
    if (isDuplicateKey(error))
      await EvaluationSnapshotStateModel.collection.deleteOne({ _id }).catch(() => undefined);
    throw error;
  }
}

/** An evaluation's snapshots, newest first, without their document state. */
export async function listSnapshotsOfEvaluation(
  trustId: string,
  evaluationId: string,
): Promise<readonly SnapshotSummary[]> {
  if (!isObjectId(trustId) || !isObjectId(evaluationId)) return [];
  // One read through the `evaluationId` index, on the embedded FerretDB too (ADRs 040, 051);
  // the trust is checked in code, so the index SQLite picks is that one.
  const rows = await EvaluationSnapshotModel.find({ evaluationId }, { state: 0 }).lean();
  return rows
    .filter((doc) => doc.trustId.toString() === trustId)
    .sort(
      (a, b) =>
        b.createdAt.getTime() - a.createdAt.getTime() ||
        b._id.toString().localeCompare(a._id.toString()),
    )
    .map(toSummary);
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

/** One snapshot of an evaluation, with its document state: both read by `_id` (ADR 034). */
export async function getSnapshot(
  trustId: string,
  evaluationId: string,
  snapshotId: string,
): Promise<EvaluationSnapshot | null> {
  if (!isObjectId(snapshotId) || !isObjectId(evaluationId)) return null;
  const [doc, stored] = await Promise.all([
    EvaluationSnapshotModel.findOne({ _id: snapshotId }).lean(),
    EvaluationSnapshotStateModel.findOne({ _id: snapshotId }).lean(),
  ]);
  if (!doc || doc.trustId.toString() !== trustId) return null;
  if (doc.evaluationId.toString() !== evaluationId) return null;
  const state = stored?.state ?? doc.state;
  if (!state) throw new Error(`Snapshot ${snapshotId} has no state.`);
  return { ...toSummary(doc), state: toBytes(state) };
}

/**
 * Moves the states of snapshots written before ADR 034 out of their rows: each is copied to its
 * own record first, then taken off the row (with the driver: the snapshot's content does not
 * change, only where its bytes are kept). A crash in between leaves both; the next start
 * finishes. Cheap once done: one read of the rows at start.
 */
export async function migrateSnapshotStates(): Promise<void> {
  const rows = EvaluationSnapshotModel.collection;
  const legacy = await rows
    .find({ state: { $exists: true } }, { projection: { _id: 1 } })
    .toArray();
  for (const { _id } of legacy) {
    const row = await rows.findOne({ _id });
    if (!row?.state) continue;
    try {
      await EvaluationSnapshotStateModel.collection.insertOne(
        { _id, state: row.state },
        { writeConcern: DECISION_WRITE },
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await rows.updateOne({ _id }, { $unset: { state: "" } }, { writeConcern: DECISION_WRITE });
  }
}

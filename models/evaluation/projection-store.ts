import { Schema, Types } from "mongoose";
import { noteSelfJudgements } from "../insight/summary-store.ts";
import { defineModel, op } from "../mongoose.ts";
import {
  PROJECTED_ACTION_STATUSES,
  type EvaluationProjection,
  type ProjectedActionStatus,
} from "./projection.ts";

/**
 * Projections live in their own collection, one document per evaluation (same _id), because
 * FerretDB v1 rewrites a whole document on every update: a projection written after each store
 * and a status or validator change arriving at the same moment would overwrite each other if
 * they shared a record (docs/decisions/005-projection-collection.md).
 */
export type StoredProjection = Partial<EvaluationProjection>;

interface ProjectionDoc extends EvaluationProjection {
  _id: Types.ObjectId;
  trustId: Types.ObjectId;
}

const projectionSchema = new Schema<ProjectionDoc>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    trustId: { type: Schema.Types.ObjectId, required: true, index: true },
    judgements: [{ _id: false, criterionId: String, level: String }],
    judgedCount: { type: Number, default: 0 },
    criteriaCount: { type: Number, default: 0 },
    updatedAt: { type: Date, default: () => new Date() },
    lastActivityAt: { type: Date, default: null },
    forceTotals: {
      helping: { type: Number, default: 0 },
      hindering: { type: Number, default: 0 },
    },
    forcesByCriterion: [{ _id: false, criterionId: String, helping: Number, hindering: Number }],
    actionCounts: Object.fromEntries(
      PROJECTED_ACTION_STATUSES.map((s) => [s, { type: Number, default: 0 }]),
    ),
    // Flat objects in a list; forceIds and addresses are lists inside each (FerretDB takes that,
    // not lists of lists).
    actions: [
      {
        _id: false,
        id: String,
        criterionId: String,
        what: String,
        ownerId: { type: String, default: null },
        due: { type: String, default: null },
        status: { type: String, enum: PROJECTED_ACTION_STATUSES },
        forceIds: [String],
        addresses: { type: [String], default: undefined },
      },
    ],
  },
  // Only ever replaced whole (saveProjection): a version key would say nothing.
  { versionKey: false },
);
projectionSchema.index({ "actions.ownerId": 1 });

export const ProjectionModel = defineModel<ProjectionDoc>("EvaluationProjection", projectionSchema);

/**
 * The record as the schema stores it, field by field, with the defaults the schema gives: what
 * mongoose's casting made of a projection, built without it (ADR 046).
 */
export function projectionRecord(
  trustId: string,
  evaluationId: string,
  projection: EvaluationProjection,
): ProjectionDoc {
  const { forceTotals, forcesByCriterion = [], actionCounts, actions = [] } = projection;
  return {
    _id: new Types.ObjectId(evaluationId),
    trustId: new Types.ObjectId(trustId),
    judgements: projection.judgements.map(({ criterionId, level }) => ({ criterionId, level })),
    judgedCount: projection.judgedCount,
    criteriaCount: projection.criteriaCount,
    updatedAt: projection.updatedAt,
    lastActivityAt: projection.lastActivityAt,
    forceTotals: { helping: forceTotals?.helping ?? 0, hindering: forceTotals?.hindering ?? 0 },
    forcesByCriterion: forcesByCriterion.map(({ criterionId, helping, hindering }) => ({
      criterionId,
      helping,
      hindering,
    })),
    actionCounts: Object.fromEntries(
      PROJECTED_ACTION_STATUSES.map((status) => [status, actionCounts?.[status] ?? 0]),
    ) as Record<ProjectedActionStatus, number>,
    actions: actions.map(
      ({ id, criterionId, what, ownerId, due, status, forceIds, addresses }) => ({
        id,
        criterionId,
        what,
        ownerId: ownerId ?? null,
        due: due ?? null,
        status,
        forceIds: [...forceIds],
        ...(addresses ? { addresses: [...addresses] } : {}),
      }),
    ),
  };
}

/**
 * Replaces an evaluation's projection (only the collab server's store writes it), and notes its
 * judgements in the insight summary unless the writer knows they are what it last wrote.
 *
 * Written through the driver with the record built by `projectionRecord`: mongoose's casting of
 * a replacement (a document with a subdocument per judgement, force and action) cost three times
 * the rest of the write, and every document's first store after a load writes one (ADR 046).
 */
export async function saveProjection(
  trustId: string,
  evaluationId: string,
  projection: EvaluationProjection,
  { judgementsChanged = true }: { judgementsChanged?: boolean } = {},
): Promise<void> {
  const record = projectionRecord(trustId, evaluationId, projection);
  const write = () =>
    ProjectionModel.collection.replaceOne({ _id: record._id }, record, { upsert: true });
  try {
    await write();
  } catch (error) {
    // Two first writes raced to insert: the loser now finds the document and replaces it.
    if ((error as { code?: number }).code !== 11000) throw error;
    await write();
  }
  // The trust-wide views read the judgements from the insight summary (ADR 023).
  if (!judgementsChanged) return;
  await noteSelfJudgements(trustId, evaluationId, projection.judgements, projection.updatedAt, {
    started: projection.lastActivityAt !== null,
  });
}

/** When anyone last worked in an evaluation, as its stored projection says (null: never). */
export async function lastActivityOf(evaluationId: string): Promise<Date | null> {
  const doc = await ProjectionModel.findOne({ _id: evaluationId }, { lastActivityAt: 1 }).lean();
  return doc?.lastActivityAt ?? null;
}

/** The stored projections of some evaluations, by evaluation id. */
export async function projectionsOf(
  evaluationIds: string[],
): Promise<Map<string, StoredProjection>> {
  if (evaluationIds.length === 0) return new Map();
  // By `_id`, through the embedded FerretDB's index (ADR 038).
  const docs = await ProjectionModel.find({ _id: op({ $in: evaluationIds }) }).lean();
  return new Map(
    docs.map(({ _id, trustId: _trust, ...projection }) => [
      _id.toString(),
      projection as StoredProjection,
    ]),
  );
}

/** Keeps the criteria count right straight after a version move (the next store rewrites it all). */
export async function setCriteriaCount(evaluationId: string, criteriaCount: number): Promise<void> {
  await ProjectionModel.updateOne({ _id: evaluationId }, { $set: { criteriaCount } });
}

/** Evaluations of a trust whose projection has an action owned by `ownerId`. */
export async function evaluationIdsWithActionsOf(
  trustId: string,
  ownerId: string,
): Promise<string[]> {
  const docs = await ProjectionModel.find(
    { trustId, "actions.ownerId": ownerId },
    { _id: 1 },
  ).lean();
  return docs.map((d) => d._id.toString());
}

import { Schema, type Types } from "mongoose";
import type { Evaluation } from "../evaluation/evaluation.ts";
import { defineModel, isObjectId, op } from "../mongoose.ts";

/** The perspectives a trust self-review (or any evaluation) can collect (shared/DOMAIN.md). */
export const PERSPECTIVES = [
  "executiveLeader",
  "schoolLeader",
  "centralTeam",
  "trustee",
  "widerVoice",
] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export const PERSPECTIVE_LABELS: Record<Perspective, string> = {
  executiveLeader: "Executive leader",
  schoolLeader: "School leader",
  centralTeam: "Central team",
  trustee: "Trustee",
  widerVoice: "Wider voice",
};

export interface Contributor {
  userId: string;
  perspective: Perspective;
  invitedAt: Date;
}

export interface PerspectiveJudgement {
  userId: string;
  criterionId: string;
  level: string;
}

interface ContributorDoc {
  trustId: Types.ObjectId;
  evaluationId: Types.ObjectId;
  userId: Types.ObjectId;
  perspective: Perspective;
  invitedBy: Types.ObjectId;
  createdAt: Date;
}

interface JudgementDoc {
  trustId: Types.ObjectId;
  evaluationId: Types.ObjectId;
  userId: Types.ObjectId;
  criterionId: string;
  level: string;
  updatedAt: Date;
}

const contributorSchema = new Schema<ContributorDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true },
  evaluationId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  perspective: { type: String, required: true, enum: PERSPECTIVES },
  invitedBy: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
});
contributorSchema.index({ evaluationId: 1, userId: 1 }, { unique: true });

const judgementSchema = new Schema<JudgementDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true },
  evaluationId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  criterionId: { type: String, required: true },
  level: { type: String, required: true },
  updatedAt: { type: Date, default: () => new Date() },
});
judgementSchema.index({ evaluationId: 1, userId: 1, criterionId: 1 }, { unique: true });

export const ContributorModel = defineModel<ContributorDoc>("Contributor", contributorSchema);
export const PerspectiveJudgementModel = defineModel<JudgementDoc>(
  "PerspectiveJudgement",
  judgementSchema,
);

/** Invites (or re-assigns the perspective of) a contributor. Idempotent per person. */
export async function inviteContributor(
  evaluation: Pick<Evaluation, "id" | "trustId">,
  input: { userId: string; perspective: Perspective; invitedBy: string },
): Promise<void> {
  await ContributorModel.updateOne(
    { evaluationId: evaluation.id, userId: input.userId },
    {
      $set: { perspective: input.perspective },
      $setOnInsert: {
        trustId: evaluation.trustId,
        invitedBy: input.invitedBy,
        createdAt: new Date(),
      },
    },
    { upsert: true },
  );
}

/** Removes a contributor and the judgements they recorded. */
export async function removeContributor(
  evaluation: Pick<Evaluation, "id" | "trustId">,
  userId: string,
): Promise<void> {
  await ContributorModel.deleteOne({
    trustId: evaluation.trustId,
    evaluationId: evaluation.id,
    userId,
  });
  await PerspectiveJudgementModel.deleteMany({
    trustId: evaluation.trustId,
    evaluationId: evaluation.id,
    userId,
  });
}

/**
 * An evaluation's contributor records: one read through the index led by `evaluationId`, which
 * the embedded FerretDB uses too (ADRs 040, 051).
 */
async function contributorsOfEvaluation(evaluationId: string) {
  return isObjectId(evaluationId) ? ContributorModel.find({ evaluationId }).lean() : [];
}

export async function listContributors(
  trustId: string,
  evaluationId: string,
): Promise<Contributor[]> {
  const docs = (await contributorsOfEvaluation(evaluationId))
    .filter((d) => String(d.trustId) === trustId)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return docs.map((d) => ({
    userId: d.userId.toString(),
    perspective: d.perspective,
    invitedAt: d.createdAt,
  }));
}

/** Ids of the people invited to contribute to an evaluation (used by the permission check). */
export async function contributorIdsOf(evaluationId: string): Promise<string[]> {
  return (await contributorsOfEvaluation(evaluationId)).map((d) => d.userId.toString());
}

/** Evaluations a person was invited to contribute to: one read through the `userId` index. */
export async function evaluationIdsContributedBy(userId: string): Promise<string[]> {
  if (!isObjectId(userId)) return [];
  const docs = await ContributorModel.find({ userId }, { evaluationId: 1 }).lean();
  return docs.map((d) => d.evaluationId.toString());
}

export class InvalidJudgementError extends Error {}

/**
 * Records one contributor's own judgements (criterion id → level key, or "" to clear). Levels
 * are checked against each criterion's scale; nothing is written if any is invalid.
 */
export async function recordPerspectiveJudgements(
  evaluation: Pick<Evaluation, "id" | "trustId" | "levelsByCriterion">,
  userId: string,
  judgements: Record<string, string>,
): Promise<void> {
  for (const [criterionId, level] of Object.entries(judgements)) {
    const levels = Object.hasOwn(evaluation.levelsByCriterion, criterionId)
      ? evaluation.levelsByCriterion[criterionId]
      : undefined;
    if (!levels || (level !== "" && !levels.includes(level))) {
      throw new InvalidJudgementError(`“${level}” is not a level of criterion ${criterionId}`);
    }
  }
  for (const [criterionId, level] of Object.entries(judgements)) {
    const key = { trustId: evaluation.trustId, evaluationId: evaluation.id, userId, criterionId };
    if (level === "") await PerspectiveJudgementModel.deleteOne(key);
    else
      await PerspectiveJudgementModel.updateOne(
        key,
        { $set: { level, updatedAt: new Date() } },
        { upsert: true },
      );
  }
}

export async function listPerspectiveJudgements(
  trustId: string,
  evaluationId: string,
): Promise<PerspectiveJudgement[]> {
  const docs = await PerspectiveJudgementModel.find({ trustId, evaluationId }).lean();
  return docs.map((d) => ({
    userId: d.userId.toString(),
    criterionId: d.criterionId,
    level: d.level,
  }));
}

/** Removes judgements of criteria an evaluation no longer includes (after a version move). */
export async function pruneJudgements(
  trustId: string,
  evaluationId: string,
  criterionIds: string[],
): Promise<void> {
  await PerspectiveJudgementModel.deleteMany({
    trustId,
    evaluationId,
    criterionId: op({ $nin: criterionIds }),
  });
}

import { EvaluationModel, getEvaluation, type Evaluation } from "./evaluation/evaluation.ts";
import { isObjectId } from "./mongoose.ts";
import { ValidationModel, getValidation, type Validation } from "./validation/validation.ts";

/**
 * The records behind a live document, by the document's id alone: for the collab server's own
 * work on a document that has already been opened (seeding it, writing its projection). A
 * request never reaches these: people load records through models/permissions/loaders.ts,
 * which look only in their own trusts.
 */
export async function evaluationOfDocument(evaluationId: string): Promise<Evaluation | null> {
  if (!isObjectId(evaluationId)) return null;
  const owner = await EvaluationModel.findById(evaluationId, { trustId: 1 }).lean();
  return owner ? getEvaluation(owner.trustId.toString(), evaluationId) : null;
}

/** What an evaluation document's projection needs of its record: fixed for one framework version. */
export interface EvaluationScale {
  evaluationId: string;
  trustId: string;
  frameworkVersionId: string;
  levelsByCriterion: Record<string, string[]>;
}

/**
 * The trust, framework version and criteria's levels of an evaluation, in one read by `_id`
 * (the store path's only read: no projection, no trust lookup first).
 */
export async function evaluationScaleOfDocument(
  evaluationId: string,
): Promise<EvaluationScale | null> {
  if (!isObjectId(evaluationId)) return null;
  const doc = await EvaluationModel.findById(evaluationId, {
    trustId: 1,
    frameworkVersionId: 1,
    criteria: 1,
  }).lean();
  if (!doc) return null;
  return {
    evaluationId,
    trustId: doc.trustId.toString(),
    frameworkVersionId: doc.frameworkVersionId.toString(),
    levelsByCriterion: Object.fromEntries(doc.criteria.map((c) => [c.criterionId, c.levels])),
  };
}

export async function validationOfDocument(validationId: string): Promise<Validation | null> {
  if (!isObjectId(validationId)) return null;
  const owner = await ValidationModel.findById(validationId, { trustId: 1 }).lean();
  return owner ? getValidation(owner.trustId.toString(), validationId) : null;
}

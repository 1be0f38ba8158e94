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

export async function validationOfDocument(validationId: string): Promise<Validation | null> {
  if (!isObjectId(validationId)) return null;
  const owner = await ValidationModel.findById(validationId, { trustId: 1 }).lean();
  return owner ? getValidation(owner.trustId.toString(), validationId) : null;
}

import { findEvaluationById } from "../models/evaluation/evaluation.ts";
import { evaluationResource } from "../models/evaluation/resource.ts";
import { findFrameworkById } from "../models/framework/framework.ts";
import { findValidationById } from "../models/validation/validation.ts";
import type { Resource } from "../models/permissions/can.ts";
import type { DocumentName } from "./document-name.ts";

/**
 * The resource a document belongs to, as the permission module sees it, or null when there is
 * none (or its kind is not served yet). Unknown and forbidden are refused alike by the caller.
 */
export async function resourceOfDocument(name: DocumentName): Promise<Resource | null> {
  switch (name.kind) {
    case "evaluation": {
      const evaluation = await findEvaluationById(name.id);
      return evaluation ? evaluationResource(evaluation) : null;
    }
    case "discussion": {
      // A discussion belongs to the evaluation of the same id.
      const evaluation = await findEvaluationById(name.id);
      return evaluation
        ? {
            type: "discussion",
            trustId: evaluation.trustId,
            schoolId: evaluation.schoolId,
            validatorIds: evaluation.validatorIds ?? [],
          }
        : null;
    }
    case "record": {
      const validation = await findValidationById(name.id);
      return validation
        ? {
            type: "validation",
            trustId: validation.trustId,
            schoolId: validation.schoolId,
            validatorIds: validation.validatorIds,
          }
        : null;
    }
    case "meeting": {
      // A meeting's id is its validation's id; the people are the validation's.
      const validation = await findValidationById(name.id);
      return validation
        ? {
            type: "meeting",
            trustId: validation.trustId,
            schoolId: validation.schoolId,
            validatorIds: validation.validatorIds,
          }
        : null;
    }
    case "framework": {
      const framework = await findFrameworkById(name.id);
      return framework ? { type: "framework", trustId: framework.trustId } : null;
    }
    default:
      return null;
  }
}

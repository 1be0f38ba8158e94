import type * as Y from "yjs";
import { evaluationOfDocument } from "../models/document-records.ts";
import { saveProjection } from "../models/evaluation/evaluation.ts";
import { buildProjection, type PlanContent } from "../models/evaluation/projection.ts";
import type { DocumentName } from "./document-name.ts";
import { readJudgements } from "./shapes/evaluation.ts";
import { readActions, readForces } from "./shapes/plan.ts";

/** The force-fields and actions of an evaluation document, as the projection takes them. */
export function readPlan(doc: Y.Doc): PlanContent {
  return {
    forces: readForces(doc).map(({ id, criterionId, side, strength }) => ({
      id,
      criterionId,
      side,
      strength,
    })),
    actions: readActions(doc).map(({ id, criterionId, what, ownerId, due, status, forceIds }) => ({
      id,
      criterionId,
      what,
      ownerId,
      due,
      status,
      forceIds,
    })),
  };
}

/** Writes the structured projection of a stored document to its database record. */
export async function writeProjection(name: DocumentName, doc: Y.Doc): Promise<void> {
  if (name.kind !== "evaluation") return;
  const evaluation = await evaluationOfDocument(name.id);
  if (!evaluation) return;
  const projection = buildProjection(
    readJudgements(doc),
    evaluation.levelsByCriterion,
    new Date(),
    readPlan(doc),
  );
  await saveProjection(evaluation.trustId, evaluation.id, projection);
}

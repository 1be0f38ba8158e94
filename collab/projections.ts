import type * as Y from "yjs";
import { findEvaluationById, saveProjection } from "../models/evaluation/evaluation.ts";
import { buildProjection } from "../models/evaluation/projection.ts";
import type { DocumentName } from "./document-name.ts";
import { readJudgements } from "./shapes/evaluation.ts";

/** Writes the structured projection of a stored document to its database record. */
export async function writeProjection(name: DocumentName, doc: Y.Doc): Promise<void> {
  if (name.kind !== "evaluation") return;
  const evaluation = await findEvaluationById(name.id);
  if (!evaluation) return;
  const projection = buildProjection(readJudgements(doc), evaluation.levelsByCriterion);
  await saveProjection(evaluation.trustId, evaluation.id, projection);
}

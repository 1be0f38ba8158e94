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

/** How often a projection that did not change is written anyway, to keep "last activity". */
export const UNCHANGED_PROJECTION_EVERY_MS = 60_000;

/**
 * Writes the structured projection of a stored document to its database record. `previous` is
 * what this process last wrote for the document: a projection equal to it (bar its dates) is
 * written again only once a minute, so typing in a narrative (which the projection does not
 * hold) costs no database write per store. Returns what to pass next time.
 */
export async function writeProjection(
  name: DocumentName,
  doc: Y.Doc,
  previous: WrittenProjection | null = null,
  now = new Date(),
): Promise<WrittenProjection | null> {
  if (name.kind !== "evaluation") return null;
  const evaluation = await evaluationOfDocument(name.id);
  if (!evaluation) return null;
  const projection = buildProjection(
    readJudgements(doc),
    evaluation.levelsByCriterion,
    now,
    readPlan(doc),
  );
  // The same content, whenever it was built: the dates are left out of the comparison.
  const key = JSON.stringify({ ...projection, updatedAt: null, lastActivityAt: null });
  if (previous?.key === key && now.getTime() - previous.at < UNCHANGED_PROJECTION_EVERY_MS)
    return previous;
  await saveProjection(evaluation.trustId, evaluation.id, projection);
  return { key, at: now.getTime() };
}

/** What was last written for a document's projection (its content, and when). */
export interface WrittenProjection {
  key: string;
  at: number;
}

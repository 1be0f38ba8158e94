import * as Y from "yjs";
import type { EvaluationState } from "../../models/snapshot/compare.ts";
import { readJudgements } from "./evaluation.ts";
import { readActions, readForces } from "./plan.ts";

/**
 * Plain data out of an `evaluation.<id>` document, for snapshots and comparisons: what was
 * judged, which forces and actions existed. Used on the server only (a stored snapshot's state
 * never reaches a browser as a document).
 */
export function readEvaluationState(doc: Y.Doc): EvaluationState {
  return {
    judgements: readJudgements(doc),
    forces: readForces(doc).map(({ id, criterionId, side, text, strength }) => ({
      id,
      criterionId,
      side,
      text,
      strength,
    })),
    actions: readActions(doc).map(({ id, criterionId, what, status }) => ({
      id,
      criterionId,
      what,
      status,
    })),
  };
}

/** The same, from a stored state (a snapshot's `Y.encodeStateAsUpdate` bytes). */
export function evaluationStateFromUpdate(state: Uint8Array): EvaluationState {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readEvaluationState(doc);
  } finally {
    doc.destroy();
  }
}

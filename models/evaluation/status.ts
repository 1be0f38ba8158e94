import { setTimeout as sleep } from "node:timers/promises";
import { DECISION_WRITE, isObjectId, ofTrust, op } from "../mongoose.ts";
import { EvaluationModel, type EvaluationStatus } from "./evaluation.ts";

/** The statuses from which a school may (re)submit: after validation, the cycle has moved on. */
export const SUBMITTABLE_STATUSES: readonly EvaluationStatus[] = ["inProgress", "submitted"];

// The embedded FerretDB v1 applies an update as a read-modify-write of the whole document, so
// two updates of one record at the same moment can lose one of them (measured: almost always
// when they overlap), and the projection is rewritten into this record after every store of
// the live document. So a status change is confirmed once any overlapping write has finished,
// and made again if it was lost. On MongoDB the first write always holds.
const CONFIRM_AFTER_MS = 40;
const ATTEMPTS = 5;

/**
 * Moves an evaluation to `status`, only if it is currently in one of `from` (so two requests
 * racing cannot move it backwards). Written as a decision. True when it moved (or already was
 * there); false when the evaluation is in none of `from`.
 */
export async function setEvaluationStatus(
  trustId: string,
  evaluationId: string,
  status: EvaluationStatus,
  options: { from: readonly EvaluationStatus[] },
): Promise<boolean> {
  if (!isObjectId(evaluationId)) return false;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const result = await EvaluationModel.updateOne(
      { _id: evaluationId, trustId, status: op({ $in: [...options.from] }) },
      { $set: { status } },
      { writeConcern: DECISION_WRITE },
    );
    if (result.matchedCount === 0) return false;
    await sleep(CONFIRM_AFTER_MS * (attempt + 1));
    const now = ofTrust(
      await EvaluationModel.findOne({ _id: evaluationId }, { status: 1, trustId: 1 }).lean(),
      trustId,
    );
    // Still there, or moved on by someone else since: either way our change was made.
    if (!now || now.status === status || !options.from.includes(now.status)) return true;
  }
  throw new Error(`The evaluation's status could not be saved as ${status}. Try again.`);
}

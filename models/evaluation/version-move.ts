import { ConflictError } from "../errors.ts";
import type { EvaluationStatus } from "./evaluation.ts";

/**
 * When an evaluation may move to a newer version of its framework (ADR 071): not while its
 * submission is being validated, from submitting until the validation's outcome is recorded
 * (whether or not its validators are assigned yet). The validator reviews, and the meeting
 * agrees, the criteria of the version submitted: a move meanwhile would clear judgements and
 * swap criteria under them. A state of the evaluation, not a question of who asks, so it is
 * decided here and not in can.ts (as submitting a validated evaluation is refused in
 * models/snapshot/submit.ts). The command refuses by it, and moveToVersion writes only in these.
 */
export const VERSION_MOVABLE_STATUSES: readonly EvaluationStatus[] = [
  "inProgress",
  "validated",
  "accredited",
];

const beingValidated = (newer: number) =>
  `This evaluation is being validated. You can move it to v${newer} once the validation's outcome is recorded.`;

/** Why an evaluation in `status` cannot move to version `newer` now, or null when it may. */
export function versionMoveWait(status: EvaluationStatus, newer: number): string | null {
  return VERSION_MOVABLE_STATUSES.includes(status) ? null : beingValidated(newer);
}

/** A move to version `newer` asked for while the evaluation is being validated (409). */
export class VersionMoveWaitsError extends ConflictError {
  constructor(newer: number) {
    super(beingValidated(newer));
  }
}

/** Refuses (VersionMoveWaitsError) a move to version `newer` of an evaluation in `status`. */
export function assertVersionMayMove(status: EvaluationStatus, newer: number): void {
  if (versionMoveWait(status, newer)) throw new VersionMoveWaitsError(newer);
}

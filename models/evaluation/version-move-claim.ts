import { claimDecision, decisionOutcome, releaseDecision } from "../decision-slot.ts";

/**
 * A move of an evaluation to a newer framework version, made once however many identical
 * requests arrive (ADR 071). Two decision slots (models/decision-slot.ts), both named for the
 * evaluation and the version moved to: the claim, taken before anything changes, which records
 * the version moved from; and the finish, taken once everything is changed, by the one request
 * that then writes the audit entry.
 */
export interface VersionMove {
  evaluationId: string;
  /** The version moved to. */
  versionId: string;
}

const claimOf = (move: VersionMove) => `version-move:${move.evaluationId}:${move.versionId}`;
const finishOf = (move: VersionMove) => `version-moved:${move.evaluationId}:${move.versionId}`;

/** Claims the move from `fromVersionId`: true for exactly one caller. */
export function claimVersionMove(move: VersionMove, fromVersionId: string): Promise<boolean> {
  return claimDecision(claimOf(move), fromVersionId);
}

/** The version a claimed move is from; null if none is claimed (or it was made before claims). */
export function claimedMoveFrom(move: VersionMove): Promise<string | null> {
  return decisionOutcome(claimOf(move));
}

/** Gives the claim up: the store refused the move (nothing changed), a later request may make it. */
export function releaseVersionMove(move: VersionMove): Promise<void> {
  return releaseDecision(claimOf(move));
}

/** Marks the move made in full: true for the one caller that did, which writes the audit entry. */
export function finishVersionMove(move: VersionMove): Promise<boolean> {
  return claimDecision(finishOf(move), "done");
}

/** Whether the move was made in full. */
export async function versionMoveFinished(move: VersionMove): Promise<boolean> {
  return (await decisionOutcome(finishOf(move))) !== null;
}

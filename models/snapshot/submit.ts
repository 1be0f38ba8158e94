import type { Evaluation } from "../evaluation/evaluation.ts";
import { buildProjection, type PlanContent } from "../evaluation/projection.ts";
import { SUBMITTABLE_STATUSES, setEvaluationStatus } from "../evaluation/status.ts";
import { ConflictError } from "../errors.ts";
import {
  createSnapshot,
  listSnapshotsOfEvaluation,
  snapshotTakenOver,
  type LevelNames,
  type SnapshotSummary,
} from "./snapshot.ts";
import { hasJudgementToSubmit, NOTHING_JUDGED } from "./submission-rule.ts";

export class NotSubmittableError extends ConflictError {
  constructor() {
    super("This evaluation has already been validated: it can no longer be submitted.");
  }
}

/** Nothing for the validator to review: no criterion is judged (submission-rule.ts). */
export class NothingJudgedError extends ConflictError {
  constructor() {
    super(NOTHING_JUDGED);
  }
}

/** The latest submission snapshot's id, or "none": what the next submission is taken over. */
export async function latestSubmissionId(evaluation: Evaluation): Promise<string> {
  return latestSubmissionAmong(await listSnapshotsOfEvaluation(evaluation.trustId, evaluation.id));
}

/** The newest submission among an evaluation's snapshots (newest first), or "none". */
export function latestSubmissionAmong(snapshots: readonly SnapshotSummary[]): string {
  return latestSubmissionIn(snapshots)?.id ?? "none";
}

/** The newest submission among an evaluation's snapshots (newest first), or null. */
export function latestSubmissionIn(snapshots: readonly SnapshotSummary[]): SnapshotSummary | null {
  return snapshots.find((s) => s.kind === "submission") ?? null;
}

/**
 * Submits an evaluation for validation: freezes the document's current state (and the
 * projection derived from it) as a snapshot, then marks the evaluation Submitted. The snapshot
 * is written first, so an evaluation is never Submitted without one. One with no criterion
 * judged is refused before anything is written. `levelNames` are the labels and colours the
 * evaluation's scales give their levels now, kept with each judgement (ADR 063). `after` is
 * the submission the person saw as the latest (from the page): one snapshot is taken after it,
 * however many times the request arrives; a resubmission from a fresh page is a new one. A
 * repeat of a submission already made answers with its snapshot, as the first request did,
 * whatever the team has changed since (even every judgement cleared).
 */
export async function submitEvaluation(
  evaluation: Evaluation,
  input: {
    state: Uint8Array;
    judgements: Record<string, string>;
    plan: PlanContent;
    levelNames: LevelNames;
    submittedBy: string;
    after: string;
  },
  now = new Date(),
): Promise<{ snapshot: SnapshotSummary; created: boolean }> {
  if (!SUBMITTABLE_STATUSES.includes(evaluation.status)) throw new NotSubmittableError();
  // Built from the document itself: the stored projection may lag the last few edits.
  const projection = {
    ...buildProjection(input.judgements, evaluation.levelsByCriterion, now, input.plan),
    lastActivityAt: evaluation.projection.lastActivityAt,
  };
  const guard = `submission after ${input.after}`;
  if (!hasJudgementToSubmit(projection.judgedCount)) {
    // Nothing to freeze now, but this may be a retry of a submission that was made: its answer.
    const made = await snapshotTakenOver(evaluation.trustId, evaluation.id, guard);
    if (!made) throw new NothingJudgedError();
    return markSubmitted(evaluation, { snapshot: made, created: false });
  }
  const result = await createSnapshot({
    trustId: evaluation.trustId,
    schoolId: evaluation.schoolId,
    evaluationId: evaluation.id,
    kind: "submission",
    state: input.state,
    frameworkVersionId: evaluation.frameworkVersionId,
    projection,
    judgements: input.judgements,
    levelsByCriterion: evaluation.levelsByCriterion,
    levelNames: input.levelNames,
    createdBy: input.submittedBy,
    guard,
  });
  return markSubmitted(evaluation, result);
}

/** The evaluation is Submitted once its snapshot exists (again, harmlessly, on a repeat). */
async function markSubmitted<T>(evaluation: Evaluation, result: T): Promise<T> {
  const moved = await setEvaluationStatus(evaluation.trustId, evaluation.id, "submitted", {
    from: SUBMITTABLE_STATUSES,
  });
  if (!moved) throw new NotSubmittableError();
  return result;
}

/**
 * The school's judgement as the validator reviews it (ADR 062): as the school submitted it,
 * with what it is now beside it wherever the school has changed it since, so nothing is
 * hidden. An evaluation never submitted is shown live, and says so.
 */
import type { NamedLevel } from "../../../models/snapshot/level-names.ts";

/** The submission the validator reviews (the latest), as the pages show it. */
export interface SubmissionSeen {
  id: string;
  /** The day, in UK time, e.g. "3 Dec 2026". */
  on: string;
  /** The day and time, in UK time, e.g. "3 Dec 2026, 14:05". */
  at: string;
}

/** The judgement under review: as submitted, or as it is now when nothing was submitted. */
export function reviewedJudgement(
  submission: SubmissionSeen | null,
  submitted: string | null,
  live: string | null,
): string | null {
  return submission ? submitted : live;
}

/**
 * The level under review as shown: as submitted, named as the scale named it then (ADR 063);
 * when nothing was submitted, the live one, named as the scale names it now.
 */
export function reviewedLevel(
  submission: SubmissionSeen | null,
  submitted: NamedLevel | null,
  live: string | null,
  levels: readonly NamedLevel[],
): NamedLevel | null {
  if (submission) return submitted;
  const now = levels.find((l) => l.key === live);
  return now ? { key: now.key, label: now.label, colour: now.colour } : null;
}

/** Whether the school's judgement now differs from the one it submitted. */
export function changedSinceSubmission(
  submission: SubmissionSeen | null,
  submitted: string | null,
  live: string | null,
): boolean {
  return submission !== null && submitted !== live;
}

/** E.g. "Now Strong standard: changed since submission on 3 Dec 2026". */
export function changedNote(nowLabel: string | null, submittedOn: string): string {
  return nowLabel
    ? `Now ${nowLabel}: changed since submission on ${submittedOn}`
    : `Now not judged: cleared since submission on ${submittedOn}`;
}

/** Said where an evaluation's judgements are shown live because it was never submitted. */
export const NOT_SUBMITTED_NOTE = "Not submitted yet: shown as it is now (live)";

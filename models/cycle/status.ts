import type { Evaluation, EvaluationStatus } from "../evaluation/evaluation.ts";
import { progressPercent } from "../evaluation/projection.ts";

export type CycleStatus = "notStarted" | "inProgress" | "submitted" | "validated" | "accredited";

export const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = {
  notStarted: "Not started",
  inProgress: "In progress",
  submitted: "Submitted",
  validated: "Validated",
  accredited: "Accredited",
};

/** The same, on the pages of one evaluation, where there is room to say what it was submitted for. */
export const CYCLE_STATUS_IN_FULL: Record<CycleStatus, string> = {
  ...CYCLE_STATUS_LABELS,
  submitted: "Submitted for validation",
};

export interface SchoolProgress {
  status: CycleStatus;
  percent: number;
  lastActivityAt: Date | null;
  dueDate: Date | null;
  /** Past its due date and not yet submitted. */
  overdue: boolean;
}

/**
 * An evaluation's status as everyone is shown it: an open one nobody has worked in yet (its
 * projection has no last activity) is "Not started". The lists, an evaluation's own pages and the
 * trust-wide views all say it through this one rule.
 */
export function cycleStatusOf(status: EvaluationStatus, lastActivityAt: Date | null): CycleStatus {
  return status === "inProgress" && !lastActivityAt ? "notStarted" : status;
}

/** Where one school's evaluation in a cycle stands, from its projection (never live state). */
export function progressOf(evaluation: Evaluation, now = new Date()): SchoolProgress {
  const lastActivityAt = evaluation.projection.lastActivityAt;
  const status = cycleStatusOf(evaluation.status, lastActivityAt);
  const open = status === "notStarted" || status === "inProgress";
  return {
    status,
    percent: progressPercent(evaluation.projection),
    lastActivityAt,
    dueDate: evaluation.dueDate,
    overdue: open && evaluation.dueDate !== null && evaluation.dueDate.getTime() < now.getTime(),
  };
}

/**
 * `saved` (from the projection, as the page was served) as the open evaluation page shows it:
 * "Not started" lasts until the first judgement appears, made here or by anyone else live.
 */
export function statusWhileOpen(saved: CycleStatus, judgedNow: number): CycleStatus {
  return saved === "notStarted" && judgedNow > 0 ? "inProgress" : saved;
}

/**
 * The evaluations a school's team is working on: the unfinished ones (in progress or
 * submitted), most recently active first; when none is unfinished, just the latest one (to show
 * how the last cycle ended). Never an untouched one ahead of one with work in it.
 */
export function workingOn(evaluations: Evaluation[]): Evaluation[] {
  const activity = (e: Evaluation) =>
    Math.max(e.projection.lastActivityAt?.getTime() ?? 0, e.createdAt.getTime());
  const worked = (e: Evaluation) => (e.projection.lastActivityAt ? 1 : 0);
  const unfinished = evaluations
    .filter((e) => e.status === "inProgress" || e.status === "submitted")
    .sort((a, b) => worked(b) - worked(a) || activity(b) - activity(a));
  if (unfinished.length) return unfinished;
  const latest = [...evaluations].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return latest ? [latest] : [];
}

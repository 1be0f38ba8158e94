import type { Evaluation } from "../evaluation/evaluation.ts";
import { progressPercent } from "../evaluation/projection.ts";

export type CycleStatus = "notStarted" | "inProgress" | "submitted" | "validated" | "accredited";

export const CYCLE_STATUS_LABELS: Record<CycleStatus, string> = {
  notStarted: "Not started",
  inProgress: "In progress",
  submitted: "Submitted",
  validated: "Validated",
  accredited: "Accredited",
};

export interface SchoolProgress {
  status: CycleStatus;
  percent: number;
  lastActivityAt: Date | null;
  dueDate: Date | null;
  /** Past its due date and not yet submitted. */
  overdue: boolean;
}

/** Where one school's evaluation in a cycle stands, from its projection (never live state). */
export function progressOf(evaluation: Evaluation, now = new Date()): SchoolProgress {
  const lastActivityAt = evaluation.projection.lastActivityAt;
  const status: CycleStatus =
    evaluation.status === "inProgress"
      ? lastActivityAt
        ? "inProgress"
        : "notStarted"
      : evaluation.status;
  const open = status === "notStarted" || status === "inProgress";
  return {
    status,
    percent: progressPercent(evaluation.projection),
    lastActivityAt,
    dueDate: evaluation.dueDate,
    overdue: open && evaluation.dueDate !== null && evaluation.dueDate.getTime() < now.getTime(),
  };
}

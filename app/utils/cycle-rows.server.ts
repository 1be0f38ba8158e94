import type { Cycle } from "../../models/cycle/cycle.ts";
import {
  CYCLE_STATUS_LABELS,
  getUsers,
  listEvaluationsOfCycle,
  listSchools,
  progressOf,
} from "../models.server.ts";

export interface CycleRow {
  schoolId: string;
  schoolName: string;
  evaluationId: string;
  /** The evaluation's own title: an adopted one keeps the name the school gave it. */
  title: string;
  status: string;
  percent: number;
  lastActivityAt: string | null;
  dueDate: string | null;
  overdue: boolean;
  /** Who validates it, by name (none until a trust admin assigns them). */
  validators: string[];
  /** Submitted for validation (and maybe validated since). */
  submitted: boolean;
  /** Submitted, and nobody assigned to validate it yet. */
  awaitingValidator: boolean;
}

/**
 * One row per school in the cycle, read from evaluation projections (the overview and its CSV).
 * The row is the evaluation the school works on: one adopted into the cycle keeps its work.
 */
export async function cycleRows(cycle: Cycle, now = new Date()): Promise<CycleRow[]> {
  const [evaluations, schools] = await Promise.all([
    listEvaluationsOfCycle(cycle.trustId, cycle.id),
    listSchools(cycle.trustId),
  ]);
  const names = new Map(schools.map((s) => [s.id, s.name]));
  const people = new Map(
    (await getUsers([...new Set(evaluations.flatMap((e) => e.validatorIds))])).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const rows = await Promise.all(
    evaluations.map((e) => {
      const progress = progressOf(e, now);
      return {
        schoolId: e.schoolId,
        schoolName: names.get(e.schoolId) ?? "",
        evaluationId: e.id,
        title: e.title,
        // The percentage has its own column, on the page and in the CSV.
        status: CYCLE_STATUS_LABELS[progress.status],
        percent: progress.percent,
        lastActivityAt: progress.lastActivityAt?.toISOString() ?? null,
        dueDate: progress.dueDate?.toISOString() ?? null,
        overdue: progress.overdue,
        validators: e.validatorIds.map((id) => people.get(id) ?? "").filter(Boolean),
        submitted: e.status !== "inProgress",
        awaitingValidator: e.status === "submitted" && e.validatorIds.length === 0,
      };
    }),
  );
  return rows.sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.schoolName.localeCompare(b.schoolName),
  );
}

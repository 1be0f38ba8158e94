import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import type { School } from "../../models/school/school.ts";
import { listValidationsOfEvaluations } from "../../models/validation/validation.ts";
import { CYCLE_STATUS_LABELS, can, progressOf, teamResourceOf } from "../models.server.ts";
import { awaitsValidatorFrom } from "./awaiting-validator.server.ts";
import { groupBy } from "./group-by.ts";
import { validationRows, type ValidationRow } from "./validation-rows.server.ts";

export interface EvaluationCard {
  id: string;
  title: string;
  status: string;
  judged: number;
  total: number;
  dueDate: string | null;
  overdue: boolean;
  /** Its validation, while its meeting is still to come (or on now). */
  meeting: ValidationRow | null;
  /** Its outcome, once recorded. */
  outcome: ValidationRow["outcome"];
  /** The reader may work in it (its school's team): the card says what to do next. */
  canWrite: boolean;
  /** Submitted and nobody assigned to validate it yet; `canAssign`: the reader may assign one. */
  awaitingValidator: { canAssign: boolean } | null;
}

/**
 * What a card shows of each evaluation: status, progress (as last saved), due date, meeting.
 * Read per trust, not per evaluation (Home shows every school's): the validations in one read,
 * then their rows (validationRows), given the evaluations and `schools` already read.
 */
export async function evaluationCards(
  actor: Actor,
  evaluations: Evaluation[],
  now = new Date(),
  schools: School[] = [],
): Promise<EvaluationCard[]> {
  const validations = (
    await Promise.all(
      [...groupBy(evaluations, (e) => e.trustId)].map(([trustId, listed]) =>
        listValidationsOfEvaluations(
          trustId,
          listed.map((e) => e.id),
        ),
      ),
    )
  ).flat();
  const rows = await validationRows(actor, validations, now, { evaluations, schools });
  const rowOf = new Map(validations.map((v, i) => [`${v.trustId}/${v.evaluationId}`, rows[i]]));
  return evaluations.map((evaluation) => {
    const progress = progressOf(evaluation, now);
    const row = rowOf.get(`${evaluation.trustId}/${evaluation.id}`);
    return {
      id: evaluation.id,
      title: evaluation.title,
      status: CYCLE_STATUS_LABELS[progress.status],
      judged: evaluation.projection.judgedCount,
      total: evaluation.projection.criteriaCount,
      dueDate: evaluation.dueDate?.toISOString() ?? null,
      overdue: progress.overdue,
      canWrite: can(actor, "write", teamResourceOf(evaluation)),
      meeting: row?.meeting?.upcoming && !row.done ? row : null,
      outcome: row?.outcome ?? null,
      awaitingValidator:
        evaluation.status === "submitted" && evaluation.validatorIds.length === 0
          ? { canAssign: awaitsValidatorFrom(actor, evaluation) }
          : null,
    };
  });
}

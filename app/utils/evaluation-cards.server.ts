import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { CYCLE_STATUS_LABELS, progressOf } from "../models.server.ts";
import { findValidationOfEvaluation } from "../validation.server.ts";
import { awaitsValidatorFrom } from "./awaiting-validator.server.ts";
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
  /** Submitted and nobody assigned to validate it yet; `canAssign`: the reader may assign one. */
  awaitingValidator: { canAssign: boolean } | null;
}

/** What a card shows of an evaluation: status, progress (as last saved), due date, meeting. */
export async function evaluationCard(
  actor: Actor,
  evaluation: Evaluation,
  now = new Date(),
): Promise<EvaluationCard> {
  const progress = progressOf(evaluation, now);
  const validation = await findValidationOfEvaluation(evaluation.trustId, evaluation.id);
  const [row] = validation ? await validationRows(actor, [validation], now) : [];
  return {
    id: evaluation.id,
    title: evaluation.title,
    status: CYCLE_STATUS_LABELS[progress.status],
    judged: evaluation.projection.judgedCount,
    total: evaluation.projection.criteriaCount,
    dueDate: evaluation.dueDate?.toISOString() ?? null,
    overdue: progress.overdue,
    meeting: row?.meeting?.upcoming && !row.done ? row : null,
    outcome: row?.outcome ?? null,
    awaitingValidator:
      evaluation.status === "submitted" && evaluation.validatorIds.length === 0
        ? { canAssign: awaitsValidatorFrom(actor, evaluation) }
        : null,
  };
}

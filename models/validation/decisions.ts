import { recordAudit } from "../audit/audit.ts";
import { grantAward, supersedeAwards, type Award } from "../award/award.ts";
import { EvaluationModel, type Evaluation } from "../evaluation/evaluation.ts";
import { setEvaluationStatus } from "../evaluation/status.ts";
import { DECISION_WRITE } from "../mongoose.ts";
import type { Grant } from "../permissions/roles.ts";
import { canValidate } from "./eligibility.ts";
import { appendRecordEntry, listRecordEntries } from "./record.ts";
import { expiryFrom, recordState, type OutcomeResult, type RecordEntry } from "./record-state.ts";
import { assignValidators, type Validation } from "./validation.ts";

export class DecisionError extends Error {
  constructor(
    message: string,
    readonly field: string = "form",
  ) {
    super(message);
  }
}

/**
 * Assigns validators to a submitted evaluation. Each must hold the validator role in the trust
 * and must not work at the school. The evaluation becomes readable by them.
 */
export async function assign(
  evaluation: Evaluation,
  candidates: { userId: string; name: string; grants: Grant[] }[],
  assignedBy: string,
): Promise<Validation> {
  if (evaluation.status === "inProgress")
    throw new DecisionError("Only a submitted evaluation can be validated.");
  if (candidates.length === 0)
    throw new DecisionError("Choose at least one validator.", "validatorIds");
  for (const c of candidates) {
    const check = canValidate(c.grants, { id: evaluation.schoolId, trustId: evaluation.trustId });
    if (!check.ok) throw new DecisionError(`${c.name} ${check.reason}.`, "validatorIds");
  }
  const ids = candidates.map((c) => c.userId);
  const validation = await assignValidators(evaluation, ids, assignedBy);
  await EvaluationModel.updateOne(
    { _id: evaluation.id, trustId: evaluation.trustId },
    { $set: { validatorIds: ids } },
    { writeConcern: DECISION_WRITE },
  );
  await recordAudit({
    trustId: evaluation.trustId,
    actorId: assignedBy,
    action: "validatorsAssigned",
    subject: `evaluation:${evaluation.id}`,
    details: { validators: ids.join(",") },
  });
  return validation;
}

/** An agreed judgement (or a correction of one) with its rationale. */
export async function agree(
  validation: Validation,
  input: { criterionId: string; level: string; rationale: string; by: string; levels: string[] },
): Promise<RecordEntry[]> {
  if (!input.levels.includes(input.level))
    throw new DecisionError("Choose a level of this criterion's scale.", "level");
  if (input.rationale.trim().length < 5)
    throw new DecisionError("Give a short rationale (at least a few words).", "rationale");
  await appendRecordEntry(validation.trustId, validation.id, {
    kind: "agreed",
    criterionId: input.criterionId,
    level: input.level,
    rationale: input.rationale.trim(),
    by: input.by,
  });
  await recordAudit({
    trustId: validation.trustId,
    actorId: input.by,
    action: "judgementAgreed",
    subject: `validation:${validation.id}`,
    details: { criterionId: input.criterionId, level: input.level },
  });
  return listRecordEntries(validation.trustId, validation.id);
}

/** The school's leader confirms the current agreement on a criterion. */
export async function confirm(
  validation: Validation,
  input: { criterionId: string; agreedSeq: number; by: string },
): Promise<RecordEntry[]> {
  const state = recordState(await listRecordEntries(validation.trustId, validation.id));
  const agreed = state.agreed[input.criterionId];
  if (!agreed || agreed.agreedSeq !== input.agreedSeq)
    throw new DecisionError(
      "That agreement has changed since you opened the page: check the new one and confirm again.",
    );
  if (agreed.confirmedBy) throw new DecisionError("Already confirmed.");
  await appendRecordEntry(validation.trustId, validation.id, {
    kind: "confirmed",
    criterionId: input.criterionId,
    agreedSeq: input.agreedSeq,
    by: input.by,
  });
  await recordAudit({
    trustId: validation.trustId,
    actorId: input.by,
    action: "judgementConfirmed",
    subject: `validation:${validation.id}`,
    details: { criterionId: input.criterionId, agreedSeq: input.agreedSeq },
  });
  return listRecordEntries(validation.trustId, validation.id);
}

export interface OutcomeInput {
  result: OutcomeResult;
  tier: string | null;
  startDate: string | null;
  mustImprove: string;
  conditions: string;
  reviewDate: string | null;
  reason: string;
  by: string;
}

/**
 * Records the outcome (or a correction of it). Accredited needs a start date (expiry follows
 * from the framework's validity); not yet accredited needs what must improve; deferred needs
 * conditions and a review date; a reason is required where it differs from the recommendation.
 */
export async function recordOutcome(
  validation: Validation,
  input: OutcomeInput,
  context: {
    validityMonths: number;
    recommended: boolean | null;
    tiers: string[];
    frameworkId: string;
    frameworkName: string;
  },
): Promise<{ entries: RecordEntry[]; award: Award | null }> {
  let expiryDate: string | null = null;
  if (input.result === "accredited") {
    if (!input.startDate) throw new DecisionError("Give the date the award starts.", "startDate");
    if (input.tier && !context.tiers.includes(input.tier))
      throw new DecisionError("Choose one of the framework's tiers.", "tier");
    expiryDate = expiryFrom(input.startDate, context.validityMonths);
  }
  if (input.result === "notYetAccredited" && input.mustImprove.trim().length < 5)
    throw new DecisionError("Say what must improve.", "mustImprove");
  if (input.result === "deferred") {
    if (input.conditions.trim().length < 5)
      throw new DecisionError("State the conditions.", "conditions");
    if (!input.reviewDate) throw new DecisionError("Give a review date.", "reviewDate");
  }
  const differs =
    context.recommended !== null && context.recommended !== (input.result === "accredited");
  if (differs && input.reason.trim().length < 5)
    throw new DecisionError("This differs from the recommendation: give the reason.", "reason");
  await appendRecordEntry(validation.trustId, validation.id, {
    kind: "outcome",
    result: input.result,
    tier: input.result === "accredited" ? input.tier : null,
    startDate: input.result === "accredited" ? input.startDate : null,
    expiryDate,
    mustImprove: input.mustImprove.trim(),
    conditions: input.conditions.trim(),
    reviewDate: input.result === "deferred" ? input.reviewDate : null,
    reason: input.reason.trim(),
    by: input.by,
  });
  await setEvaluationStatus(
    validation.trustId,
    validation.evaluationId,
    input.result === "accredited" ? "accredited" : "validated",
    {
      from: ["submitted", "validated", "accredited"],
    },
  );
  const award =
    input.result === "accredited"
      ? await grantAward({
          trustId: validation.trustId,
          schoolId: validation.schoolId,
          evaluationId: validation.evaluationId,
          validationId: validation.id,
          frameworkId: context.frameworkId,
          frameworkName: context.frameworkName,
          tier: input.tier,
          startDate: input.startDate!,
          expiryDate: expiryDate!,
        })
      : (await supersedeAwards(validation.id), null);
  await recordAudit({
    trustId: validation.trustId,
    actorId: input.by,
    action: "outcomeRecorded",
    subject: `validation:${validation.id}`,
    details: { result: input.result, tier: input.tier, expiryDate, award: award?.code ?? null },
  });
  return { entries: await listRecordEntries(validation.trustId, validation.id), award };
}

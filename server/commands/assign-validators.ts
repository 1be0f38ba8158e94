import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { InvalidInputError } from "../../models/errors.ts";
import { setValidatorsOfEvaluation } from "../../models/evaluation/validators.ts";
import { objectId } from "../../models/input.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { eligibleToValidate } from "../../models/permissions/can.ts";
import { loadValidationOfEvaluation } from "../../models/permissions/loaders.ts";
import { clearAgreementDraftsOf } from "../../models/validation/agreement-draft.ts";
import {
  assignValidators as storeValidators,
  type Validation,
} from "../../models/validation/validation.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

export const AssignValidatorsInput = z.object({
  evaluationId: objectId(),
  validatorIds: z
    .array(objectId("Choose validators from the list."))
    .max(10, "Choose at most 10 validators."),
});
export type AssignValidatorsInput = z.infer<typeof AssignValidatorsInput>;

/**
 * A trust admin chooses who validates a submitted evaluation. Each must hold the validator role
 * in the trust and must not work at the school. Setting the same people again changes nothing.
 * Whoever is dropped loses their drafts of its agreements with it (agreement-draft.ts): stored
 * after the new list, so a draft they save meanwhile is either removed here or refused and
 * removed by its own save (save-agreement-draft.ts).
 */
export async function assignValidators(
  ctx: CommandContext,
  raw: Raw<typeof AssignValidatorsInput>,
): Promise<Validation> {
  const { evaluation, validation: before } = await loadValidationOfEvaluation(
    ctx.actor,
    idIn(raw, "evaluationId"),
    "assign",
  );
  const input = parse(AssignValidatorsInput, raw);
  if (evaluation.status === "inProgress")
    throw new InvalidInputError("Only a submitted evaluation can be validated.");
  const ids = [...new Set(input.validatorIds)];
  if (ids.length === 0)
    throw new InvalidInputError("Choose at least one validator.", "validatorIds");
  const school = { id: evaluation.schoolId, trustId: evaluation.trustId };
  for (const id of ids) {
    const person = await loadActor(id);
    if (!person) throw new InvalidInputError("Choose validators from the list.", "validatorIds");
    const check = eligibleToValidate(person.grants, school);
    if (!check.ok) throw new InvalidInputError(`${person.name} ${check.reason}.`, "validatorIds");
  }
  const validation = await storeValidators(evaluation, ids, ctx.actor.userId);
  const previous = before?.validatorIds ?? [];
  const dropped = previous.filter((id) => !validation.validatorIds.includes(id));
  await clearAgreementDraftsOf(validation, dropped, Object.keys(evaluation.levelsByCriterion));
  await setValidatorsOfEvaluation(evaluation, ids);
  const changed = previous.length !== ids.length || previous.some((id) => !ids.includes(id));
  if (changed) {
    // Whoever was dropped loses the evaluation at once, open pages included; whoever was added
    // may open it now.
    await ctx.collab.recheckAccess([...new Set([...previous, ...ids])]);
    await recordAudit({
      trustId: evaluation.trustId,
      actorId: ctx.actor.userId,
      action: "validatorsAssigned",
      subject: `evaluation:${evaluation.id}`,
      details: { validators: ids.join(",") },
    });
  }
  return validation;
}

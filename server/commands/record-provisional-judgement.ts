import { z } from "zod";
import { InvalidInputError, NotFoundError } from "../../models/errors.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import { levelsOfCriterion } from "../../models/evaluation/framework-of.ts";
import { contentKey, objectId } from "../../models/input.ts";
import { loadMeeting } from "../../models/permissions/loaders.ts";
import { recordProvisionalJudgement as store } from "../../models/validation/provisional.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

export const ProvisionalJudgementInput = z.object({
  validationId: objectId(),
  criterionId: contentKey("That criterion is not in this evaluation."),
  /** A level of the criterion's scale, or "" to clear. */
  level: z.string().max(64).default(""),
});
export type ProvisionalJudgementInput = z.infer<typeof ProvisionalJudgementInput>;

/**
 * An assigned validator records (changes, or clears) their provisional judgement of one
 * criterion while reviewing before the meeting. One per validator and criterion.
 */
export async function recordProvisionalJudgement(
  ctx: CommandContext,
  raw: Raw<typeof ProvisionalJudgementInput>,
): Promise<void> {
  const { validation } = await loadMeeting(ctx.actor, idIn(raw, "validationId"), "schedule");
  const input = parse(ProvisionalJudgementInput, raw);
  const evaluation = await getEvaluation(validation.trustId, validation.evaluationId);
  if (!evaluation) throw new NotFoundError();
  const levels = levelsOfCriterion(evaluation, input.criterionId);
  if (!levels)
    throw new InvalidInputError("That criterion is not in this evaluation.", "criterionId");
  if (input.level !== "" && !levels.includes(input.level))
    throw new InvalidInputError("Choose one of the criterion's levels.", "level");
  await store(validation, { validatorId: ctx.actor.userId, ...input }, levels);
}

import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { ConflictError } from "../../models/errors.ts";
import { contentKey, objectId } from "../../models/input.ts";
import { loadValidation } from "../../models/permissions/loaders.ts";
import { decideOverRecord } from "../../models/validation/record.ts";
import { recordState } from "../../models/validation/record-state.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";
import { mirrorRecord } from "./mirror-record.ts";

export const ConfirmJudgementInput = z.object({
  validationId: objectId(),
  criterionId: contentKey("Choose a criterion of this evaluation."),
  /** The agreement the school leader read and confirms. */
  agreedSeq: z.coerce.number().int().min(1, "Reload the page and try again."),
});
export type ConfirmJudgementInput = z.infer<typeof ConfirmJudgementInput>;

const CHANGED =
  "That agreement has changed since you opened the page: check the new one and confirm again.";

/** Why confirming is refused once the outcome is recorded: it was decided without this one. */
export const CONFIRMED_AFTER_OUTCOME =
  "The outcome has been recorded, so the agreed judgements are final and can no longer be confirmed. To change the decision, the validator records a correction of the outcome.";

/**
 * The school's leader confirms the agreement they read. Confirming an agreement twice (a
 * double-click, two leaders at once) records one confirmation; confirming one that has since
 * been corrected is refused, and so is confirming once the outcome is recorded (the outcome
 * counted only what was confirmed before it: ADR 068).
 */
export async function confirmJudgement(
  ctx: CommandContext,
  raw: Raw<typeof ConfirmJudgementInput>,
): Promise<{ created: boolean }> {
  const { validation } = await loadValidation(ctx.actor, idIn(raw, "validationId"), "confirm");
  const input = parse(ConfirmJudgementInput, raw);
  const decided = await decideOverRecord<"repeat">(validation.trustId, validation.id, (entries) => {
    const state = recordState(entries);
    const agreed = Object.hasOwn(state.agreed, input.criterionId)
      ? state.agreed[input.criterionId]
      : null;
    const read = agreed?.agreedSeq === input.agreedSeq;
    // This very confirmation arriving again (a double-click, a retry) is not a new decision.
    if (read && agreed.confirmedBy) return { answer: "repeat" };
    if (state.outcome) throw new ConflictError(CONFIRMED_AFTER_OUTCOME);
    if (!read) throw new ConflictError(CHANGED);
    return {
      append: {
        kind: "confirmed",
        criterionId: input.criterionId,
        agreedSeq: input.agreedSeq,
        by: ctx.actor.userId,
      },
      guard: `confirmed ${input.criterionId} agreement ${input.agreedSeq}`,
    };
  });
  if ("answer" in decided) {
    await mirrorRecord(ctx.collab, validation);
    return { created: false };
  }
  await recordAudit({
    trustId: validation.trustId,
    actorId: ctx.actor.userId,
    action: "judgementConfirmed",
    subject: `validation:${validation.id}`,
    details: { criterionId: input.criterionId, agreedSeq: input.agreedSeq },
  });
  await mirrorRecord(ctx.collab, validation);
  return { created: true };
}

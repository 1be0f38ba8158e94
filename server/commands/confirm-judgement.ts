import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { ConflictError } from "../../models/errors.ts";
import { contentKey, objectId } from "../../models/input.ts";
import { loadValidation } from "../../models/permissions/loaders.ts";
import { appendRecordEntry, listRecordEntries } from "../../models/validation/record.ts";
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

/**
 * The school's leader confirms the agreement they read. Confirming an agreement twice (a
 * double-click, two leaders at once) records one confirmation; confirming one that has since
 * been corrected is refused.
 */
export async function confirmJudgement(
  ctx: CommandContext,
  raw: Raw<typeof ConfirmJudgementInput>,
): Promise<{ created: boolean }> {
  const { validation } = await loadValidation(ctx.actor, idIn(raw, "validationId"), "confirm");
  const input = parse(ConfirmJudgementInput, raw);
  const state = recordState(await listRecordEntries(validation.trustId, validation.id));
  const agreed = Object.hasOwn(state.agreed, input.criterionId)
    ? state.agreed[input.criterionId]
    : null;
  if (!agreed || agreed.agreedSeq !== input.agreedSeq) throw new ConflictError(CHANGED);
  if (agreed.confirmedBy) return { created: false };

  const { created } = await appendRecordEntry(
    validation.trustId,
    validation.id,
    {
      kind: "confirmed",
      criterionId: input.criterionId,
      agreedSeq: input.agreedSeq,
      by: ctx.actor.userId,
    },
    `confirmed ${input.criterionId} agreement ${input.agreedSeq}`,
  );
  if (created) {
    await recordAudit({
      trustId: validation.trustId,
      actorId: ctx.actor.userId,
      action: "judgementConfirmed",
      subject: `validation:${validation.id}`,
      details: { criterionId: input.criterionId, agreedSeq: input.agreedSeq },
    });
  }
  await mirrorRecord(ctx.collab, validation);
  return { created };
}

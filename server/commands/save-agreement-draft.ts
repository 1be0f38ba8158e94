import { z } from "zod";
import { InvalidInputError, NotFoundError } from "../../models/errors.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import { levelsOfCriterion } from "../../models/evaluation/framework-of.ts";
import { contentKey, objectId } from "../../models/input.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { loadValidation } from "../../models/permissions/loaders.ts";
import {
  clearAgreementDraft,
  saveAgreementDraft as store,
  type AgreementDraft,
} from "../../models/validation/agreement-draft.ts";
import { RATIONALE_MAX, RATIONALE_TOO_LONG } from "./agree-judgement.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

export const SaveAgreementDraftInput = z.object({
  validationId: objectId(),
  criterionId: contentKey("Choose a criterion of this evaluation."),
  /** A level of the criterion's scale, or "" while none is picked. */
  level: z.string().max(64, "Choose a level of this criterion's scale.").default(""),
  // Kept as typed (spaces and all, mid-word), measured as the agreement will measure it.
  rationale: z
    .string()
    .default("")
    .refine((text) => text.trim().length <= RATIONALE_MAX, RATIONALE_TOO_LONG)
    .refine((text) => text.length <= RATIONALE_MAX * 2, RATIONALE_TOO_LONG),
  /** The agreement of this criterion the page showed (its sequence number; 0: none yet). */
  basedOn: z.coerce
    .number({ message: "Reload the page and try again." })
    .int("Reload the page and try again.")
    .min(0, "Reload the page and try again.")
    .max(1e9, "Reload the page and try again.")
    .default(0),
});
export type SaveAgreementDraftInput = z.infer<typeof SaveAgreementDraftInput>;

/**
 * An assigned validator's unrecorded agreement of one criterion (level and rationale), saved as
 * they type it so it follows them to another device. The draft is the person's who is signed
 * in: nothing in the request names them. Not audited: nothing is decided until they agree
 * (agree-judgement.ts, which clears it). Returns what is kept (null: an empty draft, removed).
 *
 * Asked again once stored, of the person's roles as stored now (not as the request began): a
 * validator unassigned, or whose validator role was taken away, while this request was on its
 * way (after the first check, before the write) would otherwise keep a draft the change had
 * already cleared (assign-validators.ts, remove-role.ts). Then the draft goes again and the
 * save is refused.
 */
export async function saveAgreementDraft(
  ctx: CommandContext,
  raw: Raw<typeof SaveAgreementDraftInput>,
): Promise<AgreementDraft | null> {
  const { validation } = await loadValidation(
    ctx.actor,
    idIn(raw, "validationId"),
    "draftAgreement",
  );
  const input = parse(SaveAgreementDraftInput, raw);
  const evaluation = await getEvaluation(validation.trustId, validation.evaluationId);
  if (!evaluation) throw new NotFoundError();
  const levels = levelsOfCriterion(evaluation, input.criterionId);
  if (!levels) throw new InvalidInputError("Choose a criterion of this evaluation.", "criterionId");
  if (input.level !== "" && !levels.includes(input.level))
    throw new InvalidInputError("Choose a level of this criterion's scale.", "level");
  const kept = await store(validation, ctx.actor.userId, {
    criterionId: input.criterionId,
    level: input.level === "" ? null : input.level,
    rationale: input.rationale,
    basedOn: input.basedOn,
  });
  try {
    const now = await loadActor(ctx.actor.userId);
    if (!now) throw new NotFoundError();
    await loadValidation({ ...ctx.actor, grants: now.grants }, validation.id, "draftAgreement");
  } catch (refused) {
    await clearAgreementDraft(validation, ctx.actor.userId, input.criterionId);
    throw refused;
  }
  return kept;
}

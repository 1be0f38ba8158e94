import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../../models/errors.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import { levelsOfCriterion } from "../../models/evaluation/framework-of.ts";
import { basedOn, contentKey, objectId } from "../../models/input.ts";
import { loadValidation } from "../../models/permissions/loaders.ts";
import { clearAgreementDraft } from "../../models/validation/agreement-draft.ts";
import { decideOverRecord } from "../../models/validation/record.ts";
import { recordState } from "../../models/validation/record-state.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";
import { mirrorRecord } from "./mirror-record.ts";

/** How long a rationale may be, and what the validator reads beyond it (the draft's limit too). */
export const RATIONALE_MAX = 2000;
export const RATIONALE_TOO_LONG = "Keep the rationale under 2,000 characters.";

export const AGREED_LEVEL_MISSING = "Choose the agreed level.";

/** Why agreeing is refused once the outcome is recorded (the correction path is the outcome's). */
export const AGREED_AFTER_OUTCOME =
  "The outcome has been recorded, so the agreed judgements are final. To change the decision, record a correction of the outcome.";

export const AgreeJudgementInput = z.object({
  validationId: objectId(),
  criterionId: contentKey("Choose a criterion of this evaluation."),
  level: z
    .string({ message: AGREED_LEVEL_MISSING })
    .min(1, AGREED_LEVEL_MISSING)
    .max(64, "Choose a level of this criterion's scale."),
  rationale: z
    .string()
    .trim()
    .min(5, "Give a short rationale (at least a few words).")
    .max(RATIONALE_MAX, RATIONALE_TOO_LONG),
  /** The agreement on this criterion the validator saw (its sequence number; 0: none yet). */
  basedOn: basedOn(),
});
export type AgreeJudgementInput = z.infer<typeof AgreeJudgementInput>;

/**
 * An assigned validator agrees the judgement of one criterion, with a rationale; a later one is
 * a correction. Taken once over the agreement it corrects: a double-click or a retry records
 * one entry, and an agreement made over one the validator did not see is refused (409), as is
 * one arriving once the outcome is recorded, even at the same instant (ADR 068).
 */
export async function agreeJudgement(
  ctx: CommandContext,
  raw: Raw<typeof AgreeJudgementInput>,
): Promise<{ created: boolean }> {
  const { validation } = await loadValidation(ctx.actor, idIn(raw, "validationId"), "agree");
  const input = parse(AgreeJudgementInput, raw);
  const evaluation = await getEvaluation(validation.trustId, validation.evaluationId);
  if (!evaluation) throw new NotFoundError();
  const levels = levelsOfCriterion(evaluation, input.criterionId);
  if (!levels) throw new InvalidInputError("Choose a criterion of this evaluation.", "criterionId");
  if (!levels.includes(input.level))
    throw new InvalidInputError("Choose a level of this criterion's scale.", "level");

  const same = (e: { level: string; rationale: string }) =>
    e.level === input.level && e.rationale === input.rationale;
  const AGREED_AGAIN =
    "This judgement was agreed again while you were deciding: check the new agreement and try again.";
  // Decided over the whole record, and stored only right behind what it was decided over
  // (ADR 068): an agreement never lands after an outcome that did not count it.
  const decided = await decideOverRecord<"repeat" | "final">(
    validation.trustId,
    validation.id,
    (entries) => {
      const state = recordState(entries);
      const current = Object.hasOwn(state.agreed, input.criterionId)
        ? state.agreed[input.criterionId]
        : null;
      // The outcome was decided over these agreements: they are final (a change of mind corrects
      // the outcome, record-outcome.ts). The same agreement arriving again is not a new decision.
      if (state.outcome) {
        if (current && same(current)) return { answer: "final" };
        throw new ConflictError(AGREED_AFTER_OUTCOME);
      }
      const currentSeq = String(current?.agreedSeq ?? 0);
      const after = input.basedOn ?? currentSeq;
      // The same decision arriving again (a double-click, a retry, one of parallel requests).
      if (current && same(current)) return { answer: "repeat" };
      // Someone agreed this criterion since the page was loaded: the validator must look at the
      // newer agreement first.
      if (after !== currentSeq) throw new ConflictError(AGREED_AGAIN);
      return {
        append: {
          kind: "agreed",
          criterionId: input.criterionId,
          level: input.level,
          rationale: input.rationale,
          by: ctx.actor.userId,
        },
        guard: `agreed ${input.criterionId} after ${after}`,
      };
    },
  );
  // Once this decision is in the record (now, or by the same decision arriving before), the
  // validator's draft of it is spent, on every device they typed it on (save-agreement-draft.ts).
  const recorded = async (created: boolean) => {
    await clearAgreementDraft(validation, ctx.actor.userId, input.criterionId);
    return { created };
  };
  if ("answer" in decided) return decided.answer === "final" ? { created: false } : recorded(false);
  await recordAudit({
    trustId: validation.trustId,
    actorId: ctx.actor.userId,
    action: "judgementAgreed",
    subject: `validation:${validation.id}`,
    details: { criterionId: input.criterionId, level: input.level },
  });
  // Cleared before the record reaches the meeting's pages, which then start the next draft.
  const done = await recorded(true);
  await mirrorRecord(ctx.collab, validation);
  return done;
}

import { expect } from "vitest";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import { op } from "../../models/mongoose.ts";
import { AgreementDraftModel, agreementDraftId } from "../../models/validation/agreement-draft.ts";
import type { Validation } from "../../models/validation/validation.ts";
import { deviceOf, saveDraft } from "./agreement-draft-http.ts";
import type { HttpSession } from "./http.ts";

// A validator leaving a validation (taken off it, or their validator role taken away) takes
// their drafts of its agreements with them. What the tests of it share: two validators of one
// validation, the keeper and the leaver, each with a draft of each of two criteria.

/** The criteria the keeper and the leaver each keep a draft of. */
export const DRAFTED_CRITERIA = ["incl-1", "incl-2"];

/** What a save of the leaver's is refused with once they have left. */
export const NOT_YOURS = "You are not a validator of this validation, so the draft was not saved.";

export type AgreementDrafts = ReturnType<typeof agreementDraftsOf>;

/** The drafts of a validation's agreements: saved as the meeting page does, counted where kept. */
export function agreementDraftsOf(
  validation: Pick<Validation, "id">,
  evaluation: Pick<Evaluation, "levelsByCriterion">,
) {
  const draftPath = `/validations/${validation.id}/agreement-draft`;
  return {
    save: (device: HttpSession, criterionId: string, rationale: string) =>
      saveDraft(device, draftPath, criterionId, rationale),
    /** `userId`'s draft of a criterion, as stored. */
    storedOf: (userId: string, criterionId: string) =>
      AgreementDraftModel.findOne({
        _id: agreementDraftId(validation.id, criterionId, userId),
      }).lean(),
    /** How many drafts `userId` has stored of the validation (every criterion). */
    countOf: (userId: string) =>
      AgreementDraftModel.countDocuments({
        _id: op({
          $in: Object.keys(evaluation.levelsByCriterion).map((c) =>
            agreementDraftId(validation.id, c, userId),
          ),
        }),
      }),
  };
}

/**
 * The keeper and the leaver, each signed in on a device of their own, each with a draft of
 * every one of DRAFTED_CRITERIA saved: what taking the leaver off must clear, and leave the keeper.
 */
export async function keeperAndLeaverWithDrafts(
  serverUrl: string,
  drafts: AgreementDrafts,
  validators: { keeperId: string; leaverId: string },
) {
  const keeper = await deviceOf(serverUrl, validators.keeperId);
  const leaver = await deviceOf(serverUrl, validators.leaverId);
  for (const criterionId of DRAFTED_CRITERIA) {
    expect((await drafts.save(keeper, criterionId, `Keeper on ${criterionId}`)).status).toBe(200);
    expect((await drafts.save(leaver, criterionId, `Leaver on ${criterionId}`)).status).toBe(200);
  }
  expect(await drafts.countOf(validators.keeperId)).toBe(DRAFTED_CRITERIA.length);
  expect(await drafts.countOf(validators.leaverId)).toBe(DRAFTED_CRITERIA.length);
  return { keeper, leaver };
}

/**
 * Twenty saves of the leaver's, `spreadMs` apart, over the drafted criteria in turn: sent while
 * the leaver is being taken off, so that some are checked before that and stored after it.
 */
export function racingSaves(drafts: AgreementDrafts, leaver: HttpSession, spreadMs: number) {
  return Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * spreadMs));
      const criterionId = DRAFTED_CRITERIA[i % DRAFTED_CRITERIA.length];
      return drafts.save(leaver, criterionId, `Racing save ${i}`);
    }),
  );
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { op } from "../../models/mongoose.ts";
import { AgreementDraftModel, agreementDraftId } from "../../models/validation/agreement-draft.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildValidation, buildWorld } from "../support/factories.ts";
import type { HttpSession } from "../support/http.ts";
import {
  deviceOf as openDevice,
  saveDraft as saveDraftOver,
} from "../support/agreement-draft-http.ts";
import { startTestServer } from "../support/server.ts";

// A validator taken off a validation takes their drafts of its agreements with them: gone in
// the same request that unassigns them, and never brought back by a save racing it.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let draftPath: string;
let assignPath: string;
let keeperId: string;
let leaverId: string;

const CRITERIA = ["incl-1", "incl-2"];
const NOT_YOURS = "You are not a validator of this validation, so the draft was not saved.";

const deviceOf = (userId: string, path?: string) => openDevice(server.url, userId, path);
const saveDraft = (http: HttpSession, criterionId: string, rationale: string) =>
  saveDraftOver(http, draftPath, criterionId, rationale);

/** The drafts stored of this validation for `userId` (every criterion). */
const draftsOf = (userId: string) =>
  AgreementDraftModel.countDocuments({
    _id: op({
      $in: Object.keys(world.evaluation.levelsByCriterion).map((c) =>
        agreementDraftId(validation.id, c, userId),
      ),
    }),
  });

/** Both validators assigned afresh (as a trust admin would), each with a draft of each criterion. */
async function bothAssignedWithDrafts() {
  validation = await buildValidation(
    world.evaluation,
    [keeperId, leaverId],
    world.people.trustAdmin.id,
  );
  draftPath = `/validations/${validation.id}/agreement-draft`;
  const keeper = await deviceOf(keeperId);
  const leaver = await deviceOf(leaverId);
  for (const criterionId of CRITERIA) {
    expect((await saveDraft(keeper, criterionId, `Keeper on ${criterionId}`)).status).toBe(200);
    expect((await saveDraft(leaver, criterionId, `Leaver on ${criterionId}`)).status).toBe(200);
  }
  expect(await draftsOf(keeperId)).toBe(CRITERIA.length);
  expect(await draftsOf(leaverId)).toBe(CRITERIA.length);
  return { keeper, leaver };
}

/** The trust admin keeps only the keeper on the validation. */
async function unassignLeaver(admin: HttpSession) {
  const answer = await admin.post(assignPath, { intent: "assign", validatorIds: keeperId });
  expect(answer.status).toBe(200);
  expect(answer.html).toContain("Validators assigned.");
}

beforeAll(async () => {
  world = await buildWorld();
  await setEvaluationStatus(world.trust.id, world.evaluation.id, "submitted", {
    from: ["inProgress"],
  });
  keeperId = world.people.validator.id;
  leaverId = (await buildUser("validator", world.trust, undefined, "Lee Leaver")).id;
  server = await startTestServer();
  assignPath = `/evaluations/${world.evaluation.id}/validation`;
});
afterAll(() => server.close());

describe("unassigning a validator", () => {
  it("removes their drafts of the validation, keeps the other validator's, and refuses their next save", async () => {
    const { keeper, leaver } = await bothAssignedWithDrafts();
    await unassignLeaver(await deviceOf(world.people.trustAdmin.id, assignPath));

    expect(await draftsOf(leaverId)).toBe(0);
    expect(await draftsOf(keeperId)).toBe(CRITERIA.length);
    const kept = await AgreementDraftModel.findOne({
      _id: agreementDraftId(validation.id, "incl-1", keeperId),
    }).lean();
    expect(kept?.rationale).toBe("Keeper on incl-1");

    // Saving again, with the meeting still open: refused, saying why, and nothing is stored.
    const late = await saveDraft(leaver, "incl-1", "Still typing after being unassigned");
    expect(late.status).toBe(404);
    expect(late.body).toMatchObject({ intent: "draft", formError: NOT_YOURS });
    expect(await draftsOf(leaverId)).toBe(0);
    // The validator kept on carries on as before.
    expect((await saveDraft(keeper, "incl-1", "Keeper goes on")).status).toBe(200);
    expect(await draftsOf(keeperId)).toBe(CRITERIA.length);
  });

  it("leaves none of their drafts behind when twenty saves race the unassignment", async () => {
    const admin = await deviceOf(world.people.trustAdmin.id, assignPath);
    // Each round sends the twenty saves a few milliseconds apart while the unassignment is on
    // its way, more spread out each time, so that some are checked before it and stored after.
    for (const spreadMs of [1, 2, 3, 4, 5, 6, 8, 10]) {
      const { leaver } = await bothAssignedWithDrafts();
      const saves = Array.from({ length: 20 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * spreadMs));
        return saveDraft(leaver, CRITERIA[i % CRITERIA.length], `Racing save ${i}`);
      });
      const [answers] = await Promise.all([Promise.all(saves), unassignLeaver(admin)]);

      // Each save was kept before the unassignment (and cleared by it) or refused.
      for (const answer of answers) expect([200, 404]).toContain(answer.status);
      expect(await draftsOf(leaverId), `${spreadMs} ms apart`).toBe(0);
      expect(await draftsOf(keeperId)).toBe(CRITERIA.length);
    }
  });
});

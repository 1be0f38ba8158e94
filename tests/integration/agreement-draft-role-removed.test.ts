import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole, listMembershipsOfUser } from "../../models/membership/membership.ts";
import { op } from "../../models/mongoose.ts";
import type { Role } from "../../models/permissions/roles.ts";
import {
  AgreementDraftModel,
  agreementDraftId,
  saveAgreementDraft,
} from "../../models/validation/agreement-draft.ts";
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

// A validator whose validator role a trust admin takes away takes their drafts of the trust's
// agreements with them: gone in the same request that removes the role, and never brought back
// by a save racing it. Their drafts in another trust, and the other validator's, stay.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let elsewhere: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let validationElsewhere: Validation;
let draftPath: string;
let keeperId: string;
let leaverId: string;

const CRITERIA = ["incl-1", "incl-2"];
const NOT_YOURS = "You are not a validator of this validation, so the draft was not saved.";

const deviceOf = (userId: string, path?: string) => openDevice(server.url, userId, path);
const saveDraft = (http: HttpSession, criterionId: string, rationale: string) =>
  saveDraftOver(http, draftPath, criterionId, rationale);

/** The drafts stored of a validation for `userId` (every criterion). */
const draftsOf = (userId: string, of = validation, criteria = world.evaluation.levelsByCriterion) =>
  AgreementDraftModel.countDocuments({
    _id: op({ $in: Object.keys(criteria).map((c) => agreementDraftId(of.id, c, userId)) }),
  });

const membershipOf = async (userId: string, role: Role, trustId = world.trust.id) =>
  (await listMembershipsOfUser(userId)).find((m) => m.role === role && m.trustId === trustId);

/** The leaver holds the validator role (again), and both validators have a draft of each criterion. */
async function bothWithDrafts() {
  await grantRole(world.trust.id, { userId: leaverId, role: "validator" });
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

/** The trust admin takes one role of the leaver's away, on the trust's people page. */
async function removeLeaversRole(admin: HttpSession, role: Role, ending: string) {
  const membership = await membershipOf(leaverId, role);
  expect(membership, `the leaver is ${role}`).toBeDefined();
  const answer = await admin.post("/trust", {
    intent: "removeRole",
    membershipId: membership!.id,
    personId: leaverId,
  });
  expect(answer.status).toBe(200);
  expect(answer.html).toContain(ending);
}

beforeAll(async () => {
  world = await buildWorld();
  elsewhere = await buildWorld();
  keeperId = world.people.validator.id;
  leaverId = (await buildUser("validator", world.trust, undefined, "Lee Leaver")).id;
  validation = await buildValidation(
    world.evaluation,
    [keeperId, leaverId],
    world.people.trustAdmin.id,
  );
  draftPath = `/validations/${validation.id}/agreement-draft`;
  // The leaver also validates in another trust, where nothing changes.
  await grantRole(elsewhere.trust.id, { userId: leaverId, role: "validator" });
  validationElsewhere = await buildValidation(
    elsewhere.evaluation,
    [leaverId],
    elsewhere.people.trustAdmin.id,
  );
  await saveAgreementDraft(validationElsewhere, leaverId, {
    criterionId: "incl-1",
    level: "strong",
    rationale: "In the other trust",
    basedOn: 0,
  });
  server = await startTestServer();
});
afterAll(() => server.close());

const draftsElsewhere = () =>
  draftsOf(leaverId, validationElsewhere, elsewhere.evaluation.levelsByCriterion);

describe("taking the validator role away", () => {
  it("removes their drafts of the trust's validations, keeps everyone else's, and refuses their next save", async () => {
    const { keeper, leaver } = await bothWithDrafts();
    const admin = await deviceOf(world.people.trustAdmin.id, "/trust");

    // Another role of theirs going changes nothing: they may still draft.
    await grantRole(world.trust.id, {
      userId: leaverId,
      role: "schoolStaff",
      schoolId: world.otherSchool.id,
    });
    await removeLeaversRole(admin, "schoolStaff", "is no longer school staff here.");
    expect(await draftsOf(leaverId)).toBe(CRITERIA.length);

    await removeLeaversRole(admin, "validator", "is no longer validator here.");
    expect(await draftsOf(leaverId)).toBe(0);
    expect(await draftsOf(keeperId)).toBe(CRITERIA.length);
    expect(await draftsElsewhere()).toBe(1);
    const kept = await AgreementDraftModel.findOne({
      _id: agreementDraftId(validation.id, "incl-1", keeperId),
    }).lean();
    expect(kept?.rationale).toBe("Keeper on incl-1");

    // Saving again, with the meeting still open: refused, saying why, and nothing is stored.
    const late = await saveDraft(leaver, "incl-1", "Still typing after losing the role");
    expect(late.status).toBe(404);
    expect(late.body).toMatchObject({ intent: "draft", formError: NOT_YOURS });
    expect(await draftsOf(leaverId)).toBe(0);
    // The validator who keeps the role carries on as before.
    expect((await saveDraft(keeper, "incl-1", "Keeper goes on")).status).toBe(200);
    expect(await draftsOf(keeperId)).toBe(CRITERIA.length);
  });

  it("leaves none of their drafts behind when twenty saves race the removal", async () => {
    const admin = await deviceOf(world.people.trustAdmin.id, "/trust");
    // Each round sends the twenty saves a few milliseconds apart while the removal is on its
    // way, more spread out each time, so that some are checked before it and stored after.
    for (const spreadMs of [1, 2, 3, 4, 5, 6, 8, 10]) {
      const { leaver } = await bothWithDrafts();
      const saves = Array.from({ length: 20 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * spreadMs));
        return saveDraft(leaver, CRITERIA[i % CRITERIA.length], `Racing save ${i}`);
      });
      const [answers] = await Promise.all([
        Promise.all(saves),
        removeLeaversRole(admin, "validator", "is no longer validator here."),
      ]);

      // Each save was kept before the removal (and cleared by it) or refused.
      for (const answer of answers) expect([200, 404]).toContain(answer.status);
      expect(await draftsOf(leaverId), `${spreadMs} ms apart`).toBe(0);
      expect(await draftsOf(keeperId)).toBe(CRITERIA.length);
    }
    expect(await draftsElsewhere()).toBe(1);
  });
});

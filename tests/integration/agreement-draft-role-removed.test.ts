import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole, listMembershipsOfUser } from "../../models/membership/membership.ts";
import type { Role } from "../../models/permissions/roles.ts";
import { saveAgreementDraft } from "../../models/validation/agreement-draft.ts";
import type { AppServer } from "../../server/app.ts";
import { deviceOf } from "../support/agreement-draft-http.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildValidation, buildWorld } from "../support/factories.ts";
import type { HttpSession } from "../support/http.ts";
import {
  agreementDraftsOf,
  DRAFTED_CRITERIA,
  keeperAndLeaverWithDrafts,
  NOT_YOURS,
  racingSaves,
  type AgreementDrafts,
} from "../support/leaving-validator.ts";
import { startTestServer } from "../support/server.ts";

// A validator whose validator role a trust admin takes away takes their drafts of the trust's
// agreements with them: gone in the same request that removes the role, and never brought back
// by a save racing it. Their drafts in another trust, and the other validator's, stay.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let drafts: AgreementDrafts;
let draftsElsewhere: AgreementDrafts;
let keeperId: string;
let leaverId: string;

const membershipOf = async (userId: string, role: Role, trustId = world.trust.id) =>
  (await listMembershipsOfUser(userId)).find((m) => m.role === role && m.trustId === trustId);

/** The leaver holds the validator role (again), and both validators have a draft of each criterion. */
async function bothWithDrafts() {
  await grantRole(world.trust.id, { userId: leaverId, role: "validator" });
  return keeperAndLeaverWithDrafts(server.url, drafts, { keeperId, leaverId });
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
  const elsewhere = await buildWorld();
  keeperId = world.people.validator.id;
  leaverId = (await buildUser("validator", world.trust, undefined, "Lee Leaver")).id;
  const validation = await buildValidation(
    world.evaluation,
    [keeperId, leaverId],
    world.people.trustAdmin.id,
  );
  drafts = agreementDraftsOf(validation, world.evaluation);
  // The leaver also validates in another trust, where nothing changes.
  await grantRole(elsewhere.trust.id, { userId: leaverId, role: "validator" });
  const validationElsewhere = await buildValidation(
    elsewhere.evaluation,
    [leaverId],
    elsewhere.people.trustAdmin.id,
  );
  draftsElsewhere = agreementDraftsOf(validationElsewhere, elsewhere.evaluation);
  await saveAgreementDraft(validationElsewhere, leaverId, {
    criterionId: "incl-1",
    level: "strong",
    rationale: "In the other trust",
    basedOn: 0,
  });
  server = await startTestServer();
});
afterAll(() => server.close());

describe("taking the validator role away", () => {
  it("removes their drafts of the trust's validations, keeps everyone else's, and refuses their next save", async () => {
    const { keeper, leaver } = await bothWithDrafts();
    const admin = await deviceOf(server.url, world.people.trustAdmin.id, "/trust");

    // Another role of theirs going changes nothing: they may still draft.
    await grantRole(world.trust.id, {
      userId: leaverId,
      role: "schoolStaff",
      schoolId: world.otherSchool.id,
    });
    await removeLeaversRole(admin, "schoolStaff", "is no longer school staff here.");
    expect(await drafts.countOf(leaverId)).toBe(DRAFTED_CRITERIA.length);

    await removeLeaversRole(admin, "validator", "is no longer validator here.");
    expect(await drafts.countOf(leaverId)).toBe(0);
    expect(await drafts.countOf(keeperId)).toBe(DRAFTED_CRITERIA.length);
    expect(await draftsElsewhere.countOf(leaverId)).toBe(1);
    expect((await drafts.storedOf(keeperId, "incl-1"))?.rationale).toBe("Keeper on incl-1");

    // Saving again, with the meeting still open: refused, saying why, and nothing is stored.
    const late = await drafts.save(leaver, "incl-1", "Still typing after losing the role");
    expect(late.status).toBe(404);
    expect(late.body).toMatchObject({ intent: "draft", formError: NOT_YOURS });
    expect(await drafts.countOf(leaverId)).toBe(0);
    // The validator who keeps the role carries on as before.
    expect((await drafts.save(keeper, "incl-1", "Keeper goes on")).status).toBe(200);
    expect(await drafts.countOf(keeperId)).toBe(DRAFTED_CRITERIA.length);
  });

  it("leaves none of their drafts behind when twenty saves race the removal", async () => {
    const admin = await deviceOf(server.url, world.people.trustAdmin.id, "/trust");
    // Each round sends the twenty saves a few milliseconds apart while the removal is on its
    // way, more spread out each time, so that some are checked before it and stored after.
    for (const spreadMs of [1, 2, 3, 4, 5, 6, 8, 10]) {
      const { leaver } = await bothWithDrafts();
      const [answers] = await Promise.all([
        racingSaves(drafts, leaver, spreadMs),
        removeLeaversRole(admin, "validator", "is no longer validator here."),
      ]);

      // Each save was kept before the removal (and cleared by it) or refused.
      for (const answer of answers) expect([200, 404]).toContain(answer.status);
      expect(await drafts.countOf(leaverId), `${spreadMs} ms apart`).toBe(0);
      expect(await drafts.countOf(keeperId)).toBe(DRAFTED_CRITERIA.length);
    }
    expect(await draftsElsewhere.countOf(leaverId)).toBe(1);
  });
});

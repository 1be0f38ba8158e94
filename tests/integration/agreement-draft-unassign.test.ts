import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
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

// A validator taken off a validation takes their drafts of its agreements with them: gone in
// the same request that unassigns them, and never brought back by a save racing it.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let drafts: AgreementDrafts;
let assignPath: string;
let keeperId: string;
let leaverId: string;

/** Both validators assigned afresh (as a trust admin would), each with a draft of each criterion. */
async function bothAssignedWithDrafts() {
  const validation = await buildValidation(
    world.evaluation,
    [keeperId, leaverId],
    world.people.trustAdmin.id,
  );
  drafts = agreementDraftsOf(validation, world.evaluation);
  return keeperAndLeaverWithDrafts(server.url, drafts, { keeperId, leaverId });
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
    await unassignLeaver(await deviceOf(server.url, world.people.trustAdmin.id, assignPath));

    expect(await drafts.countOf(leaverId)).toBe(0);
    expect(await drafts.countOf(keeperId)).toBe(DRAFTED_CRITERIA.length);
    expect((await drafts.storedOf(keeperId, "incl-1"))?.rationale).toBe("Keeper on incl-1");

    // Saving again, with the meeting still open: refused, saying why, and nothing is stored.
    const late = await drafts.save(leaver, "incl-1", "Still typing after being unassigned");
    expect(late.status).toBe(404);
    expect(late.body).toMatchObject({ intent: "draft", formError: NOT_YOURS });
    expect(await drafts.countOf(leaverId)).toBe(0);
    // The validator kept on carries on as before.
    expect((await drafts.save(keeper, "incl-1", "Keeper goes on")).status).toBe(200);
    expect(await drafts.countOf(keeperId)).toBe(DRAFTED_CRITERIA.length);
  });

  it("leaves none of their drafts behind when twenty saves race the unassignment", async () => {
    const admin = await deviceOf(server.url, world.people.trustAdmin.id, assignPath);
    // Each round sends the twenty saves a few milliseconds apart while the unassignment is on
    // its way, more spread out each time, so that some are checked before it and stored after.
    for (const spreadMs of [1, 2, 3, 4, 5, 6, 8, 10]) {
      const { leaver } = await bothAssignedWithDrafts();
      const [answers] = await Promise.all([
        racingSaves(drafts, leaver, spreadMs),
        unassignLeaver(admin),
      ]);

      // Each save was kept before the unassignment (and cleared by it) or refused.
      for (const answer of answers) expect([200, 404]).toContain(answer.status);
      expect(await drafts.countOf(leaverId), `${spreadMs} ms apart`).toBe(0);
      expect(await drafts.countOf(keeperId)).toBe(DRAFTED_CRITERIA.length);
    }
  });
});

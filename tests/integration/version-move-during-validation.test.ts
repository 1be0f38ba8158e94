import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { readJudgements } from "../../collab/shapes/evaluation.ts";
import { allAuditOf } from "../../models/audit/audit.ts";
import { getEvaluation, moveToVersion } from "../../models/evaluation/evaluation.ts";
import {
  getFrameworkVersion,
  publishVersion,
  type FrameworkVersion,
} from "../../models/framework/framework.ts";
import { getSchool } from "../../models/school/school.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { eventually } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { judgeAndWait, submitForValidation } from "../support/judge.ts";
import { shownText } from "../support/page-text.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

/**
 * No move to a newer framework version while the evaluation is being validated (ADR 071). The
 * school judges 1.1 and 1.3 Met and submits; the trust assigns a validator and publishes version
 * 2, which rewords 1.3 (a move would clear its judgement). Until the validator records the
 * outcome, the leader is told why they cannot move, and a move asked for anyway is refused with
 * nothing changed; once it is recorded, the offer is back and the move is made.
 */
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let then: FrameworkVersion;
let next: FrameworkVersion;
let evaluationPath: string;
let upgradePath: string;

const KEPT = "sg-1"; // 1.1, Met: unchanged in version 2.
const REWORDED = "sg-3"; // 1.3, Met: reworded in version 2, so a move clears it.
const WAITS =
  "This evaluation is being validated. You can move it to v2 once the validation's outcome is recorded.";

async function as(userId: string, path: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

const pageText = async (userId: string, path: string) =>
  shownText((await (await as(userId, path)).get(path)).html);

/** The judgements in the evaluation's live document, as the server holds it now. */
async function liveJudgements(): Promise<Record<string, string>> {
  const doc = await server.collab.read(documentName("evaluation", world.evaluation.id));
  try {
    return readJudgements(doc);
  } finally {
    doc.destroy();
  }
}

async function upgradesAudited(): Promise<number> {
  const entries = await allAuditOf(world.trust.id);
  return entries.filter(
    (e) => e.action === "evaluationUpgraded" && e.subject === `evaluation:${world.evaluation.id}`,
  ).length;
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  evaluationPath = `/evaluations/${world.evaluation.id}`;
  upgradePath = `${evaluationPath}/upgrade`;
  then = (await getFrameworkVersion(world.trust.id, world.evaluation.frameworkVersionId))!;
  await judgeAndWait(server, world.evaluation, { [KEPT]: "met", [REWORDED]: "met" });
  ({ validation } = await submitForValidation(server, world));
  const content = structuredClone(then.content);
  const reworded = content.areas.flatMap((a) => a.criteria).find((c) => c.id === REWORDED)!;
  reworded.statement = "Pupils at risk get help on the day it is needed (2027 wording).";
  next = await publishVersion(world.trust.id, then.frameworkId, content);
  expect([then.version, next.version]).toEqual([1, 2]);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe("while the evaluation is being validated", () => {
  it("tells the leader why they cannot move, on the evaluation page and the upgrade page", async () => {
    const page = await pageText(world.people.schoolLeader.id, evaluationPath);
    expect(page).toContain(
      "Version v2 of this framework has been published. This evaluation uses v1.",
    );
    expect(page).toContain(WAITS);
    expect(page).not.toContain("See what changes and move to it");
    expect(page).toContain("See what changes");

    const preview = await pageText(world.people.schoolLeader.id, upgradePath);
    expect(preview).toContain("Move from v1 to v2");
    expect(preview).toContain("Reworded (1)");
    expect(preview).toContain(WAITS);
    expect(preview).not.toContain("Move to v2");
  });

  it("refuses a move asked for anyway with 409, and changes nothing", async () => {
    const leader = await as(world.people.schoolLeader.id, upgradePath);
    const refused = await leader.post(upgradePath, { versionId: next.id });
    expect(refused.status).toBe(409);
    expect(shownText(refused.html)).toContain(WAITS);
    // Again, as a double click would: the same answer.
    expect((await leader.post(upgradePath, { versionId: next.id })).status).toBe(409);

    const now = (await getEvaluation(world.trust.id, world.evaluation.id))!;
    expect(now.frameworkVersionId).toBe(then.id);
    expect(now.status).toBe("submitted");
    expect(now.levelsByCriterion).toEqual(world.evaluation.levelsByCriterion);
    expect(await liveJudgements()).toMatchObject({ [KEPT]: "met", [REWORDED]: "met" });
    expect(await upgradesAudited()).toBe(0);
  });

  it("writes no move even for a caller that read the evaluation before it was submitted", async () => {
    // The evaluation as read before submitting (status In progress): the store still refuses.
    const school = (await getSchool(world.trust.id, world.school.id))!;
    expect(await moveToVersion(world.evaluation, school, next)).toBeNull();
    const now = (await getEvaluation(world.trust.id, world.evaluation.id))!;
    expect(now.frameworkVersionId).toBe(then.id);
  });
});

describe("once the validation's outcome is recorded", () => {
  it("offers the move again, and makes it", async () => {
    const meetingPath = `/validations/${validation.id}/meeting`;
    const validator = await as(world.people.validator.id, meetingPath);
    const recorded = await validator.post(meetingPath, {
      intent: "outcome",
      result: "validated",
      basedOn: "0",
    });
    expect(recorded.status).toBe(200);
    await eventually(
      async () =>
        (await getEvaluation(world.trust.id, world.evaluation.id))!.status === "validated",
      10_000,
      "the validated evaluation",
    );

    const page = await pageText(world.people.schoolLeader.id, evaluationPath);
    expect(page).toContain("See what changes and move to it");
    expect(page).not.toContain(WAITS);
    const preview = await pageText(world.people.schoolLeader.id, upgradePath);
    expect(preview).toContain("Move to v2");
    expect(preview).not.toContain(WAITS);

    const leader = await as(world.people.schoolLeader.id, upgradePath);
    const moved = await leader.post(upgradePath, { versionId: next.id });
    expect(moved.status).toBe(302);
    expect((await getEvaluation(world.trust.id, world.evaluation.id))!.frameworkVersionId).toBe(
      next.id,
    );
    await eventually(
      async () => (await liveJudgements())[REWORDED] === undefined,
      10_000,
      "the reworded criterion's judgement cleared",
    );
    expect((await liveJudgements())[KEPT]).toBe("met");
    // Asked again (a double click): it is there already, so it moves once.
    expect((await leader.post(upgradePath, { versionId: next.id })).status).toBe(302);
    expect(await upgradesAudited()).toBe(1);
  });
});

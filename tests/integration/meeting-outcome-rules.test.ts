import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwardModel } from "../../models/award/award.ts";
import { startEvaluation } from "../../models/evaluation/evaluation.ts";
import { ensureStarterFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { recordProvisionalJudgement } from "../../models/validation/provisional.ts";
import { RecordEntryModel } from "../../models/validation/record.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { agreeJudgement } from "../../server/commands/agree-judgement.ts";
import { confirmJudgement } from "../../server/commands/confirm-judgement.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { judgeAndWait, submitForValidation } from "../support/judge.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// A validator's first validation meeting: the rule over criteria settled before the meeting,
// the award's start, agreeing after the outcome, and the outcome form's messages.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let meetingPath: string;

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(meetingPath);
  return http;
}

/** The text of every field error on the page, by the field it sits beside. */
function fieldErrors(html: string): string[] {
  return [...html.matchAll(/<p class="field-error"[^>]*>([^<]*)<\/p>/g)].map((m) =>
    m[1].replace(/&#x27;/g, "'"),
  );
}

const DAY = 24 * 3600_000;
const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld();
  const version = await ensureStarterFramework(
    world.trust.id,
    "inclusion-excellence",
    inclusionExcellence,
  );
  world.evaluation = await startEvaluation(world.school, version, {
    title: "Inclusion Excellence",
    createdBy: world.people.schoolLeader.id,
  });
  // The school judges every criterion Secure and submits.
  const ids = Object.keys(world.evaluation.levelsByCriterion);
  await judgeAndWait(server, world.evaluation, Object.fromEntries(ids.map((id) => [id, "secure"])));
  ({ validation } = await submitForValidation(server, world));
  meetingPath = `/validations/${validation.id}/meeting`;
  // The validator agrees with the school before the meeting on all but 1.1 and 1.2.
  for (const id of ids) {
    const level = id === "ie-1" ? "developing" : id === "ie-2" ? "leading" : "secure";
    await recordProvisionalJudgement(
      validation,
      { validatorId: world.people.validator.id, criterionId: id, level },
      world.evaluation.levelsByCriterion[id],
    );
  }
  await saveMeetingSchedule(
    validation,
    {
      scheduledAt: new Date(Date.now() - 3600_000),
      videoLink: "https://meet.example.org/rules",
      agendaCriterionIds: ["ie-1", "ie-2"],
    },
    ids,
    world.people.validator.id,
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("the validation meeting's outcome", () => {
  it("says 'Choose the agreed level.' when Agree is pressed with no level", async () => {
    const validator = await as(world.people.validator.id);
    const refused = await validator.post(meetingPath, {
      intent: "agree",
      criterionId: "ie-1",
      rationale: "Referral route in place, plans vary",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("Choose the agreed level.");
    expect(refused.html).not.toContain("Invalid input");
    expect(await RecordEntryModel.countDocuments({ validationId: validation.id })).toBe(0);
  });

  it("counts the open items it lists", async () => {
    const validator = (await loadActor(world.people.validator.id))!;
    const leader = (await loadActor(world.people.schoolLeader.id))!;
    const ctx = { actor: validator, collab: server.collab };
    await agreeJudgement(ctx, {
      validationId: validation.id,
      criterionId: "ie-1",
      level: "developing",
      rationale: "Referral route in place, plans vary",
    });
    await agreeJudgement(ctx, {
      validationId: validation.id,
      criterionId: "ie-2",
      level: "secure",
      rationale: "Secure, not yet leading beyond the school",
    });
    await confirmJudgement(
      { actor: leader, collab: server.collab },
      { validationId: validation.id, criterionId: "ie-1", agreedSeq: "1" },
    );
    // 1.2 is agreed but not confirmed: the only open item of the two on the agenda.
    const page = (await (await as(world.people.validator.id)).get(meetingPath)).html;
    expect(page).toContain("Still open on the agenda (1 criterion):");
    expect(page).toContain("agreed, not yet confirmed by the school: 1.2");
    await confirmJudgement(
      { actor: leader, collab: server.collab },
      { validationId: validation.id, criterionId: "ie-2", agreedSeq: "2" },
    );
  });

  it("counts criteria off the agenda, provisionally judged as submitted, at the submitted level", async () => {
    const page = (await (await as(world.people.validator.id)).get(meetingPath)).html;
    // Every criterion at least Developing: the rule recommends the award, with no "not agreed yet".
    expect(page).toMatch(/Recommendation from the framework&#x27;s rule: accredit/);
    expect(page).not.toContain("is not agreed yet");
  });

  it("shows every field's error at once, each saying what is wrong, and refuses an award starting long ago or far ahead", async () => {
    const validator = await as(world.people.validator.id);
    const deferred = await validator.post(meetingPath, { intent: "outcome", result: "deferred" });
    expect(deferred.status).toBe(400);
    expect(fieldErrors(deferred.html)).toEqual(
      expect.arrayContaining(["State the conditions.", "Give a review date."]),
    );
    const notYet = await validator.post(meetingPath, {
      intent: "outcome",
      result: "notYetAccredited",
      reason: "x",
    });
    expect(fieldErrors(notYet.html)).toEqual(
      expect.arrayContaining([
        "Say what must improve.",
        "The reason is too short: say in a few words (at least 5 characters) why this differs from the recommendation.",
      ]),
    );
    for (const startDate of ["1999-01-01", dayIn(-60), dayIn(400)]) {
      const refused = await validator.post(meetingPath, {
        intent: "outcome",
        result: "accredited",
        startDate,
      });
      expect(refused.status, startDate).toBe(400);
      expect(fieldErrors(refused.html).join(" "), startDate).toMatch(
        /The award cannot start (that long before the decision|more than a year ahead)/,
      );
    }
    expect(
      await RecordEntryModel.countDocuments({ validationId: validation.id, kind: "outcome" }),
    ).toBe(0);
    expect(await AwardModel.countDocuments({ validationId: validation.id })).toBe(0);
  });

  it("records the award as recommended with no reason, then refuses agreeing (409) and offers only the correction", async () => {
    const validator = await as(world.people.validator.id);
    const ok = await validator.post(meetingPath, {
      intent: "outcome",
      result: "accredited",
      startDate: dayIn(1),
      tier: "Bronze",
    });
    expect(ok.status).toBe(200);
    expect(ok.html).toContain("Certificate code QM-");

    const refused = await validator.post(meetingPath, {
      intent: "agree",
      criterionId: "ie-3",
      level: "leading",
      rationale: "Changed our minds after the outcome",
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(
      "The outcome has been recorded, so the agreed judgements are final. To change the decision, record a correction of the outcome.",
    );
    expect(
      await RecordEntryModel.countDocuments({ validationId: validation.id, kind: "agreed" }),
    ).toBe(2);

    const page = (await validator.get(meetingPath)).html;
    expect(page).toContain("<summary>Correct the outcome</summary>");
    expect(page).not.toMatch(/>Agree 1\.1</);
    expect(page).not.toMatch(/>Correct 1\.1</);
    const evaluationPage = (await validator.get(`/evaluations/${world.evaluation.id}/validation`))
      .html;
    expect(evaluationPage).not.toMatch(/>(Agree|Correct) 1\.\d</);
    expect(evaluationPage).toContain("The agreed judgements are final");
  });
});

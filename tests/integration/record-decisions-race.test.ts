import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwardModel } from "../../models/award/award.ts";
import { startEvaluation } from "../../models/evaluation/evaluation.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { ensureStarterFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { RecordEntryModel } from "../../models/validation/record.ts";
import type { AppServer } from "../../server/app.ts";
import { AGREED_AFTER_OUTCOME } from "../../server/commands/agree-judgement.ts";
import { CONFIRMED_AFTER_OUTCOME } from "../../server/commands/confirm-judgement.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { AWARD_START } from "../support/award-dates.ts";

// ADR 068: agreements, confirmations and the outcome are decided over the whole record and stored
// right behind what they were decided over. Fired together, an agreement is either counted by the
// outcome (stored before it) or refused (409); it is never stored after it. Once the outcome is
// recorded, the school can no longer confirm, and the pages no longer offer it.
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const PARALLEL = 20;
const ROUNDS = 3;

async function as(userId: string, path: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

const OUTCOME = {
  intent: "outcome",
  result: "accredited",
  startDate: AWARD_START,
  tier: "Bronze",
  reason: "Strong evidence seen in the meeting",
};

/** The HTML-escaped form of a message, as the page prints it. */
const escaped = (text: string) => text.replace(/'/g, "&#x27;");

const CONFIRM_FORM = /name="intent" value="confirm"/;

async function qualityMarkValidation(title: string) {
  const version = await ensureStarterFramework(
    world.trust.id,
    "inclusion-excellence",
    inclusionExcellence,
  );
  const evaluation = await startEvaluation(world.school, version, {
    title,
    createdBy: world.people.schoolLeader.id,
  });
  await setEvaluationStatus(world.trust.id, evaluation.id, "submitted", { from: ["inProgress"] });
  const validation = await buildValidation(
    evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  return { evaluation, validation, path: `/evaluations/${evaluation.id}/validation` };
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.close());

describe("agreements and the outcome arriving at the same instant", () => {
  it("stores every agreement before the outcome that counted it, or refuses it (409)", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { evaluation, validation, path } = await qualityMarkValidation(`Race ${round}`);
      const criteria = Object.keys(evaluation.levelsByCriterion);
      const corrected = criteria[0];
      const levels = evaluation.levelsByCriterion[corrected];
      const validator = await as(world.people.validator.id, path);
      // One agreement before the burst; the burst corrects it while agreeing others.
      const first = await validator.post(path, {
        intent: "agree",
        criterionId: corrected,
        level: levels[0],
        rationale: "Agreed before the outcome was discussed",
      });
      expect(first.status).toBe(200);

      // 20 at once: every fourth records the (same) outcome; the others agree a criterion of
      // their own or correct the first one, each a different decision.
      const requests = Array.from({ length: PARALLEL }, (_, i) => {
        if (i % 4 === 0) return { kind: "outcome" as const, fields: OUTCOME };
        const criterionId = i % 2 ? corrected : criteria[1 + (i % (criteria.length - 1))];
        const own = evaluation.levelsByCriterion[criterionId];
        return {
          kind: "agree" as const,
          fields: {
            intent: "agree",
            criterionId,
            level: own[i % own.length],
            rationale: `Round ${round}, request ${i}: seen in the meeting`,
          },
        };
      });
      const answers = await Promise.all(requests.map((r) => validator.post(path, r.fields)));

      const entries = await RecordEntryModel.find({ validationId: validation.id })
        .sort({ seq: 1 })
        .lean();
      expect(new Set(entries.map((e) => e.seq)).size, "one entry per sequence number").toBe(
        entries.length,
      );
      const outcomes = entries.filter((e) => e.kind === "outcome");
      expect(outcomes, `round ${round}: one outcome`).toHaveLength(1);
      const outcomeSeq = outcomes[0].seq;
      const stored = entries.filter((e) => e.kind === "agreed") as unknown as {
        seq: number;
        criterionId: string;
        level: string;
        rationale: string;
      }[];
      const after = stored.filter((e) => e.seq > outcomeSeq);
      expect(
        after.map((e) => `${e.criterionId} (entry ${e.seq}, outcome ${outcomeSeq})`),
        `round ${round}: agreements stored after the outcome`,
      ).toEqual([]);

      requests.forEach((request, i) => {
        const answer = answers[i];
        if (request.kind === "outcome") {
          expect(answer.status, `round ${round}, outcome ${i}`).toBe(200);
          return;
        }
        expect([200, 409], `round ${round}, agreement ${i}`).toContain(answer.status);
        const entry = stored.find((e) => e.rationale === request.fields.rationale);
        if (answer.status === 200) {
          // Recorded, so counted: it sits before the outcome.
          expect(entry, `round ${round}, agreement ${i} answered 200`).toBeDefined();
          expect(entry!.seq).toBeLessThan(outcomeSeq);
        } else {
          expect(answer.html).toContain(escaped(AGREED_AFTER_OUTCOME));
          expect(entry, `round ${round}, agreement ${i} refused but stored`).toBeUndefined();
        }
      });
      // The first agreement and every one answered 200: nothing else was stored.
      const recorded = answers.filter((a, i) => requests[i].kind === "agree" && a.status === 200);
      expect(stored).toHaveLength(1 + recorded.length);
      expect(await AwardModel.countDocuments({ validationId: validation.id })).toBe(1);
    }
  });

  it("makes exactly one outcome of 20 parallel recordings", async () => {
    const { validation, path } = await qualityMarkValidation("Twenty outcomes");
    const validator = await as(world.people.validator.id, path);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () => validator.post(path, OUTCOME)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(200));
    expect(
      await RecordEntryModel.countDocuments({ validationId: validation.id, kind: "outcome" }),
    ).toBe(1);
    expect(await AwardModel.countDocuments({ validationId: validation.id })).toBe(1);
  });
});

describe("confirming once the outcome is recorded", () => {
  it("is refused (409) with the reason, and the pages no longer offer it", async () => {
    const { evaluation, validation, path } = await qualityMarkValidation("Confirm late");
    const criterionId = Object.keys(evaluation.levelsByCriterion)[0];
    const level = evaluation.levelsByCriterion[criterionId][1];
    const meetingPath = `/validations/${validation.id}/meeting`;
    await saveMeetingSchedule(
      validation,
      {
        scheduledAt: new Date(Date.now() - 3600_000),
        videoLink: "https://meet.example.org/late",
        agendaCriterionIds: [criterionId],
      },
      Object.keys(evaluation.levelsByCriterion),
      world.people.validator.id,
    );
    const validator = await as(world.people.validator.id, path);
    const agreed = await validator.post(path, {
      intent: "agree",
      criterionId,
      level,
      rationale: "Seen in the books and the pupil voice",
    });
    expect(agreed.status).toBe(200);
    const agreedSeq = String(
      (await RecordEntryModel.findOne({ validationId: validation.id, kind: "agreed" }).lean())!.seq,
    );
    const leader = await as(world.people.schoolLeader.id, path);
    // Before the outcome, both pages offer the school leader the confirmation.
    expect((await leader.get(path)).html).toMatch(CONFIRM_FORM);
    const before = (await leader.get(meetingPath)).html;
    expect(before).toMatch(CONFIRM_FORM);
    expect(before).toContain("Agreed, awaiting confirmation");

    expect((await validator.post(path, OUTCOME)).status).toBe(200);

    const refused = await leader.post(path, { intent: "confirm", criterionId, agreedSeq });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain(escaped(CONFIRMED_AFTER_OUTCOME));
    const inMeeting = await leader.post(meetingPath, { intent: "confirm", criterionId, agreedSeq });
    expect(inMeeting.status).toBe(409);
    expect(inMeeting.html).toContain(escaped(CONFIRMED_AFTER_OUTCOME));
    expect(
      await RecordEntryModel.countDocuments({ validationId: validation.id, kind: "confirmed" }),
    ).toBe(0);

    const page = (await leader.get(path)).html;
    expect(page).not.toMatch(CONFIRM_FORM);
    expect(page).toContain("Not confirmed before the outcome was recorded");
    const meeting = (await leader.get(meetingPath)).html;
    expect(meeting).not.toMatch(CONFIRM_FORM);
    expect(meeting).toContain("not confirmed before the outcome was recorded");
    // The agenda says so too: the agreement waits for nobody now.
    expect(meeting).toContain("Agreed, not confirmed");
    expect(meeting).not.toContain("Agreed, awaiting confirmation");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetingPageData, preparePageData } from "../../app/components/meeting/meeting.server.ts";
import { formatMoment } from "../../models/dates.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { SnapshotSummary } from "../../models/snapshot/snapshot.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { recordProvisionalJudgement } from "../../models/validation/provisional.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import { useTestDatabase } from "../support/database.ts";
import { readFiltersDuring } from "../support/finds.ts";
import { buildEvaluation, buildValidation, buildWorld } from "../support/factories.ts";
import { judgeAndWait, submitForValidation } from "../support/judge.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

/**
 * The validator reviews what the school submitted (DOMAIN §3, ADR 062): the pre-review and the
 * meeting show each judgement as submitted, say where the school has changed it since, and
 * the default agenda compares the validator's provisional judgements with the submitted ones.
 */
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let snapshot: SnapshotSummary;
let submittedOn: string;

// 2.1: Expected standard when submitted, Strong standard now.
// 2.2: Expected standard when submitted and now.
// 2.3: Strong standard when submitted, cleared since.
const CHANGED = { id: "incl-1", code: "2.1" };
const SAME = { id: "incl-2", code: "2.2" };
const CLEARED = { id: "incl-3", code: "2.3" };

/** Judges criteria in the evaluation's live document (as its team would) and waits for the save. */
const judge = (evaluation: Evaluation, levels: Record<string, string | null>) =>
  judgeAndWait(server, evaluation, levels);

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

// Remix copies loader data into scripts: assert on what the page shows, not on that copy.
const shown = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** The text of the pre-review's row for one criterion. */
function rowOf(html: string, code: string): string {
  const rows = html.replace(/<script[\s\S]*?<\/script>/g, "").split("<tr");
  return shown(rows.find((r) => r.includes(`<span class="code">${code}</span>`)) ?? "");
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  await judge(world.evaluation, {
    [CHANGED.id]: "expected",
    [SAME.id]: "expected",
    [CLEARED.id]: "strong",
  });
  ({ snapshot, submittedOn, validation } = await submitForValidation(server, world));
  // The school carries on after submitting.
  await judge(world.evaluation, { [CHANGED.id]: "strong", [CLEARED.id]: null });
  const levels = world.evaluation.levelsByCriterion;
  for (const [criterionId, level] of [
    [CHANGED.id, "strong"],
    [SAME.id, "expected"],
    [CLEARED.id, "strong"],
  ])
    await recordProvisionalJudgement(
      validation,
      { validatorId: world.people.validator.id, criterionId, level },
      levels[criterionId],
    );
});
afterAll(async () => {
  await server.close();
});

describe("the validator's pre-review of a submitted evaluation", () => {
  it("gives each judgement as submitted, what it is now where it changed, and who submitted when", async () => {
    const validator = (await loadActor(world.people.validator.id))!;
    let data!: Awaited<ReturnType<typeof preparePageData>>;
    const reads = await readFiltersDuring(async () => {
      data = await preparePageData(validator, validation.id);
    });
    // The submission's judgements are in its row: one read by `evaluationId` through its index
    // (ADR 051), and no snapshot's document state.
    expect(
      reads
        .filter((r) => r.collection.startsWith("evaluationsnapshot"))
        .map((r) => [r.collection, r.keys]),
    ).toEqual([["evaluationsnapshots", ["evaluationId"]]]);
    const row = (id: string) => data.criteria.find((c) => c.id === id)!;
    expect(row(CHANGED.id)).toMatchObject({ schoolJudgement: "expected", liveJudgement: "strong" });
    expect(row(SAME.id)).toMatchObject({ schoolJudgement: "expected", liveJudgement: "expected" });
    expect(row(CLEARED.id)).toMatchObject({ schoolJudgement: "strong", liveJudgement: null });
    expect(data.submission).toMatchObject({
      id: snapshot.id,
      by: "Sam Leader",
      on: submittedOn,
    });
  });

  it("proposes the agenda where a provisional judgement differs from the submitted one", async () => {
    const validator = (await loadActor(world.people.validator.id))!;
    const data = await preparePageData(validator, validation.id);
    // 2.1 was submitted as Expected (Strong now, as the validator judges it); 2.3 was submitted
    // as Strong, as the validator judges it, and cleared since.
    expect(data.differing).toEqual([CHANGED.id]);
    expect(data.agenda).toEqual([CHANGED.id]);
  });

  it("says so on the page: submitted, now, when and by whom, with the way to compare", async () => {
    const http = await as(world.people.validator.id);
    const page = await http.get(`/validations/${validation.id}/prepare`);
    expect(page.status).toBe(200);
    const text = shown(page.html);
    expect(text).toContain("School's judgement as submitted");
    expect(text).toContain(`Submitted by Sam Leader on ${submittedOn}, `);
    expect(text).toContain("The school's judgements are shown as submitted");
    // The schedule form says what the agenda starts from: the submission, not the live work.
    expect(text).toContain(
      "by default, where your provisional judgement differs from the school's submitted one.",
    );
    expect(rowOf(page.html, CHANGED.code)).toContain(
      `Expected standard Now Strong standard: changed since submission on ${submittedOn}`,
    );
    expect(rowOf(page.html, CLEARED.code)).toContain(
      `Strong standard Now not judged: cleared since submission on ${submittedOn}`,
    );
    expect(rowOf(page.html, SAME.code)).toContain("Expected standard");
    expect(rowOf(page.html, SAME.code)).not.toContain("since submission");
    // The comparison of the submission with now, which the validator may open.
    const compare = `/evaluations/${world.evaluation.id}/history?a=${snapshot.id}&b=now`;
    expect(page.html).toContain(`href="${compare.replace("&", "&amp;")}"`);
    expect(text).toContain("Compare the submission with the evaluation now");
    const history = await http.get(compare);
    expect(history.status).toBe(200);
    expect(shown(history.html)).toContain("Expected standard → Strong standard");
  });
});

describe("the meeting page of a submitted evaluation", () => {
  it("shows the school's judgement as submitted beside the validator's, and what it is now", async () => {
    await saveMeetingSchedule(
      validation,
      {
        scheduledAt: new Date(Date.now() + 86_400_000),
        videoLink: "https://meet.example.org/review",
        agendaCriterionIds: [CHANGED.id],
      },
      Object.keys(world.evaluation.levelsByCriterion),
      world.people.validator.id,
    );
    const validator = (await loadActor(world.people.validator.id))!;
    const data = await meetingPageData(validator, validation.id);
    expect(data.submission).toMatchObject({ id: snapshot.id, on: submittedOn });
    const item = data.criteria.find((c) => c.criterion.id === CHANGED.id)!;
    expect(item).toMatchObject({ submittedJudgement: "expected", schoolJudgement: "strong" });

    // The item in focus, as the server draws it (the live document takes over in the browser).
    const page = await (
      await as(world.people.schoolLeader.id)
    ).get(`/validations/${validation.id}/meeting`);
    expect(page.status).toBe(200);
    const text = shown(page.html);
    expect(text).toContain(
      `School's judgement as submitted Expected standard Now Strong standard: changed since submission on ${submittedOn}`,
    );
  });
});

describe("the evaluation's validation tab", () => {
  it("shows the school's judgement as submitted beside the agreed one, and what it is now", async () => {
    const page = await (
      await as(world.people.schoolLeader.id)
    ).get(`/evaluations/${world.evaluation.id}/validation`);
    expect(page.status).toBe(200);
    expect(shown(page.html)).toContain("School's judgement as submitted");
    // Where it stands, and the way to compare, above the record.
    expect(shown(page.html)).toContain(
      `Submitted by Sam Leader on ${formatMoment(snapshot.createdAt)}. The validators review the judgements as submitted`,
    );
    expect(page.html).toContain(
      `href="/evaluations/${world.evaluation.id}/history?a=${snapshot.id}&amp;b=now"`,
    );
    expect(rowOf(page.html, CHANGED.code)).toContain(
      `Expected standard Now Strong standard: changed since submission on ${submittedOn}`,
    );
    expect(rowOf(page.html, CLEARED.code)).toContain(
      `Strong standard Now not judged: cleared since submission on ${submittedOn}`,
    );
    expect(rowOf(page.html, SAME.code)).not.toContain("since submission");
  });
});

describe("a second submission", () => {
  it("is what the validator reviews from then on", async () => {
    const leader = (await loadActor(world.people.schoolLeader.id))!;
    const again = await submitEvaluation(
      { actor: leader, collab: server.collab },
      { evaluationId: world.evaluation.id, basedOn: snapshot.id },
    );
    expect(again.created).toBe(true);
    const validator = (await loadActor(world.people.validator.id))!;
    const data = await preparePageData(validator, validation.id);
    expect(data.submission?.id).toBe(again.snapshot.id);
    const row = (id: string) => data.criteria.find((c) => c.id === id)!;
    expect(row(CHANGED.id)).toMatchObject({ schoolJudgement: "strong", liveJudgement: "strong" });
    expect(row(CLEARED.id)).toMatchObject({ schoolJudgement: null, liveJudgement: null });
    // 2.3 was not judged in this submission; the validator judges it Strong.
    expect(data.differing).toEqual([CLEARED.id]);
  });
});

describe("an evaluation with a validation but never submitted", () => {
  it("shows the school's judgements live, and says so", async () => {
    const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
    const unsubmitted = await buildValidation(
      evaluation,
      [world.people.validator.id],
      world.people.trustAdmin.id,
    );
    await judge(evaluation, { [CHANGED.id]: "expected" });
    await recordProvisionalJudgement(
      unsubmitted,
      { validatorId: world.people.validator.id, criterionId: CHANGED.id, level: "strong" },
      evaluation.levelsByCriterion[CHANGED.id],
    );
    const validator = (await loadActor(world.people.validator.id))!;
    const data = await preparePageData(validator, unsubmitted.id);
    expect(data.submission).toBeNull();
    expect(data.criteria.find((c) => c.id === CHANGED.id)).toMatchObject({
      schoolJudgement: "expected",
      liveJudgement: "expected",
    });
    expect(data.differing).toEqual([CHANGED.id]);

    const http = await as(world.people.validator.id);
    const prepare = shown((await http.get(`/validations/${unsubmitted.id}/prepare`)).html);
    expect(prepare).toContain(
      "The school has not submitted this evaluation yet: its judgements are shown as they are now (live), and may still change.",
    );
    expect(prepare).toContain("School's judgement (live)");
    expect(prepare).not.toContain("since submission");

    await saveMeetingSchedule(
      unsubmitted,
      {
        scheduledAt: new Date(Date.now() + 86_400_000),
        videoLink: "https://meet.example.org/review",
        agendaCriterionIds: [CHANGED.id],
      },
      Object.keys(evaluation.levelsByCriterion),
      world.people.validator.id,
    );
    const meeting = shown((await http.get(`/validations/${unsubmitted.id}/meeting`)).html);
    expect(meeting).toContain(
      "School's judgement Expected standard Not submitted yet: shown as it is now (live)",
    );
    const tab = shown(
      (
        await (
          await as(world.people.schoolLeader.id)
        ).get(`/evaluations/${evaluation.id}/validation`)
      ).html,
    );
    expect(tab).toContain("Not submitted yet. When the team is ready, submit the evaluation");
    expect(tab).toContain("School's judgement (live)");
  });
});

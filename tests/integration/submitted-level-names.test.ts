import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { meetingPageData, preparePageData } from "../../app/components/meeting/meeting.server.ts";
import { documentName } from "../../collab/document-name.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";
import { getEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { createSnapshot, listSnapshotsOfEvaluation } from "../../models/snapshot/snapshot.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { buildProjection } from "../../models/evaluation/projection.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildValidation, buildWorld } from "../support/factories.ts";
import { submitForValidation } from "../support/judge.ts";
import { HttpSession } from "../support/http.ts";
import { upgradeMidValidation } from "../support/move-mid-validation.ts";
import { moveToRenamedScales } from "../support/renamed-scales.ts";
import { cellText, rowText, shownText } from "../support/page-text.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

/**
 * A submitted judgement keeps the name its level had when it was submitted (ADR 063). The
 * school then moves the evaluation to a framework version that renames "Strong standard" and
 * "Met" and drops "Exceptional": the pre-review, the meeting, the validation tab and the
 * history comparison still read the submission as it was, never "Not judged" or the new name.
 */
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let submittedOn: string;

const MET = { id: "sg-1", code: "1.1" }; // Met: its scale's keys stay, the label changes.
const STRONG = { id: "incl-1", code: "2.1" }; // Strong standard: renamed, cleared by the move.
const EXCEPTIONAL = { id: "incl-2", code: "2.2" }; // Exceptional: the level is dropped.

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

async function judge(evaluation: Evaluation, levels: Record<string, string>) {
  await server.collab.change(documentName("evaluation", evaluation.id), (doc) => {
    for (const [criterionId, level] of Object.entries(levels))
      setJudgement(doc, criterionId, level);
  });
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  await judge(world.evaluation, {
    [MET.id]: "met",
    [STRONG.id]: "strong",
    [EXCEPTIONAL.id]: "exceptional",
  });
  ({ submittedOn, validation } = await submitForValidation(server, world));
  // The move clears the judgements of criteria whose scale changed: only {MET} stays.
  await moveToRenamedScales(server, world.evaluation, world.people.schoolLeader.id, MET.id);
});
afterAll(async () => {
  await server.close();
});

describe("a submission", () => {
  it("keeps each judgement's level name and colour as the scale had them", async () => {
    const [snapshot] = await listSnapshotsOfEvaluation(world.trust.id, world.evaluation.id);
    expect(snapshot.judgements).toEqual(
      expect.arrayContaining([
        { criterionId: MET.id, level: "met", label: "Met", colour: expect.any(String) },
        { criterionId: STRONG.id, level: "strong", label: "Strong standard", colour: "#0f6e5a" },
        {
          criterionId: EXCEPTIONAL.id,
          level: "exceptional",
          label: "Exceptional",
          colour: "#5b3a99",
        },
      ]),
    );
  });
});

describe("after the framework renames and drops levels", () => {
  it("the pre-review names each submitted judgement as it was submitted", async () => {
    const validator = (await loadActor(world.people.validator.id))!;
    const data = await preparePageData(validator, validation.id);
    const row = (id: string) => data.criteria.find((c) => c.id === id)!;
    expect(row(MET.id)).toMatchObject({ schoolJudgement: "met", schoolJudgementLabel: "Met" });
    expect(row(STRONG.id)).toMatchObject({ schoolJudgementLabel: "Strong standard" });
    expect(row(EXCEPTIONAL.id)).toMatchObject({ schoolJudgementLabel: "Exceptional" });

    const page = await (
      await as(world.people.validator.id)
    ).get(`/validations/${validation.id}/prepare`);
    expect(page.status).toBe(200);
    // The school's cell (the validator's own choice offers the levels as they are now).
    expect(cellText(page.html, MET.code, 0)).toContain("Met");
    expect(cellText(page.html, MET.code, 0)).not.toContain("Met in full");
    expect(rowText(page.html, STRONG.code)).toContain(
      `Strong standard Now not judged: cleared since submission on ${submittedOn}`,
    );
    expect(rowText(page.html, EXCEPTIONAL.code)).toContain(
      `Exceptional Now not judged: cleared since submission on ${submittedOn}`,
    );
  });

  it("the meeting shows the submitted level as it was named, on its colour", async () => {
    await saveMeetingSchedule(
      validation,
      {
        scheduledAt: new Date(Date.now() + 86_400_000),
        videoLink: "https://meet.example.org/review",
        agendaCriterionIds: [STRONG.id, EXCEPTIONAL.id],
      },
      Object.keys((await getEvaluation(world.trust.id, world.evaluation.id))!.levelsByCriterion),
      world.people.validator.id,
    );
    const validator = (await loadActor(world.people.validator.id))!;
    const data = await meetingPageData(validator, validation.id);
    const item = (id: string) => data.criteria.find((c) => c.criterion.id === id)!;
    expect(item(EXCEPTIONAL.id).submittedLevel).toEqual({
      key: "exceptional",
      label: "Exceptional",
      colour: "#5b3a99",
    });
    expect(item(STRONG.id).submittedLevel).toMatchObject({ label: "Strong standard" });

    // The item in focus (the first on the agenda), as the server draws it.
    const page = await (
      await as(world.people.schoolLeader.id)
    ).get(`/validations/${validation.id}/meeting`);
    expect(page.status).toBe(200);
    expect(shownText(page.html)).toContain(
      `School's judgement as submitted Strong standard Now not judged: cleared since submission on ${submittedOn}`,
    );
    expect(page.html).toContain('style="background-color:#0f6e5a">Strong standard<');
  });

  it("the evaluation's validation tab does too", async () => {
    const page = await (
      await as(world.people.schoolLeader.id)
    ).get(`/evaluations/${world.evaluation.id}/validation`);
    expect(page.status).toBe(200);
    expect(cellText(page.html, MET.code, 0)).toContain("Met");
    expect(cellText(page.html, MET.code, 0)).not.toContain("Met in full");
    expect(rowText(page.html, STRONG.code)).toContain(
      `Strong standard Now not judged: cleared since submission on ${submittedOn}`,
    );
    expect(rowText(page.html, EXCEPTIONAL.code)).toContain(
      `Exceptional Now not judged: cleared since submission on ${submittedOn}`,
    );
  });

  it("the history comparison and the trend name the submission as it was", async () => {
    const [snapshot] = await listSnapshotsOfEvaluation(world.trust.id, world.evaluation.id);
    const page = await (
      await as(world.people.schoolLeader.id)
    ).get(`/evaluations/${world.evaluation.id}/history?a=${snapshot.id}&b=now`);
    expect(page.status).toBe(200);
    const text = shownText(page.html);
    // Cleared since: the submission's side of the comparison.
    expect(text).toContain("Was Strong standard");
    // The trend table's column for this evaluation, as submitted.
    expect(cellText(page.html, STRONG.code, 0)).toBe("Strong standard");
    expect(cellText(page.html, EXCEPTIONAL.code, 0)).toBe("Exceptional");
    expect(text).not.toContain("Strong (2027 wording)");
  });
});

describe("a submission made before level names were kept", () => {
  it("reads with the scale's names now, and by its key where the scale has dropped the level", async () => {
    const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
    const judgements = { [MET.id]: "met", [EXCEPTIONAL.id]: "exceptional" };
    // A row as submissions were written before ADR 063: level keys, no names.
    await createSnapshot({
      trustId: world.trust.id,
      schoolId: world.school.id,
      evaluationId: evaluation.id,
      kind: "submission",
      state: Y.encodeStateAsUpdate(new Y.Doc()),
      frameworkVersionId: evaluation.frameworkVersionId,
      projection: buildProjection(judgements, evaluation.levelsByCriterion),
      judgements,
      levelsByCriterion: evaluation.levelsByCriterion,
      levelNames: {},
      createdBy: world.people.schoolLeader.id,
      guard: "submission after none",
    });
    await setEvaluationStatus(world.trust.id, evaluation.id, "submitted", { from: ["inProgress"] });
    const older = await buildValidation(
      evaluation,
      [world.people.validator.id],
      world.people.trustAdmin.id,
    );
    const latest = (await getEvaluation(world.trust.id, world.evaluation.id))!.frameworkVersionId;
    await upgradeMidValidation(server, evaluation, world.people.schoolLeader.id, latest);
    const validator = (await loadActor(world.people.validator.id))!;
    const data = await preparePageData(validator, older.id);
    const row = (id: string) => data.criteria.find((c) => c.id === id)!;
    expect(row(MET.id)).toMatchObject({ schoolJudgementLabel: "Met in full" });
    expect(row(EXCEPTIONAL.id)).toMatchObject({
      schoolJudgement: "exceptional",
      schoolJudgementLabel: "exceptional",
    });
  });
});

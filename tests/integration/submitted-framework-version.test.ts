import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetingPageData } from "../../app/components/meeting/meeting.server.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import { getFrameworkVersion, type FrameworkVersion } from "../../models/framework/framework.ts";
import type { Criterion, FrameworkContent } from "../../models/framework/types.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { SnapshotSummary } from "../../models/snapshot/snapshot.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { judgeAndWait, submitForValidation } from "../support/judge.ts";
import { shownText } from "../support/page-text.ts";
import { pdfText } from "../support/pdf-text.ts";
import { moveToRenamedScales } from "../support/renamed-scales.ts";
import { askForReport, downloadReport } from "../support/report-requests.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

/**
 * "As submitted" means as submitted, against the framework version the submission was made
 * against. After submitting, the school moves the evaluation to a version that removes 1.2,
 * rewords 1.3 (its statement and a descriptor), rewrites a descriptor of 2.2 and drops
 * "Exceptional". The evaluation report as submitted prints the first version's areas, criteria
 * and descriptors; the history comparison shows the removed criterion and the dropped level
 * rather than leaving them out; the meeting's descriptors in play are the first version's.
 */
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let snapshot: SnapshotSummary;
let then: FrameworkVersion;
let now: FrameworkVersion;

const MET = { id: "sg-1", code: "1.1" }; // Met, still judged after the move.
const REMOVED = { id: "sg-2", code: "1.2" }; // Met; the move removes the criterion.
const REWORDED = { id: "sg-3", code: "1.3" }; // Met; the move rewords it (and clears it).
const EXCEPTIONAL = { id: "incl-2", code: "2.2" }; // Exceptional; the move drops the level.

const NEW_STATEMENT = "Pupils at risk get help on the day it is needed (2027 wording).";
const NEW_MET = "Every referral is escalated within a day (2027 descriptor).";
const NEW_STRONG = "Adaptive teaching is consistent in every lesson (2027 descriptor).";

function criterionIn(content: FrameworkContent, id: string): Criterion {
  return content.areas.flatMap((a) => a.criteria).find((c) => c.id === id)!;
}

/** What the next version changes besides the scales' names (tests/support/renamed-scales.ts). */
function rework(content: FrameworkContent) {
  for (const area of content.areas)
    area.criteria = area.criteria.filter((c) => c.id !== REMOVED.id);
  const reworded = criterionIn(content, REWORDED.id);
  reworded.statement = NEW_STATEMENT;
  reworded.descriptors.met = NEW_MET;
  criterionIn(content, EXCEPTIONAL.id).descriptors.strong = NEW_STRONG;
}

const statementThen = (id: string) => criterionIn(then.content, id).statement;
const descriptorThen = (id: string, level: string) =>
  criterionIn(then.content, id).descriptors[level];

async function as(userId: string, page?: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  if (page) await http.get(page);
  return http;
}

/** Asks for the evaluation report through the server, as the page's form does; its text. */
async function evaluationReport(version?: string): Promise<string> {
  const http = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
  const answer = await askForReport(http, {
    kind: "evaluation",
    subjectId: world.evaluation.id,
    ...(version ? { version } : {}),
  });
  expect(answer.status).toBe(303);
  const pdf = await downloadReport(server.url, http, answer.jobId!);
  return (await pdfText(pdf)).replace(/\s+/g, " ");
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  then = (await getFrameworkVersion(world.trust.id, world.evaluation.frameworkVersionId))!;
  await judgeAndWait(server, world.evaluation, {
    [MET.id]: "met",
    [REMOVED.id]: "met",
    [REWORDED.id]: "met",
    [EXCEPTIONAL.id]: "exceptional",
  });
  ({ snapshot, validation } = await submitForValidation(server, world));
  // The move clears the judgements of removed, reworded and rescaled criteria: {MET} stays.
  await moveToRenamedScales(server, world.evaluation, world.people.schoolLeader.id, MET.id, rework);
  const moved = (await getEvaluation(world.trust.id, world.evaluation.id))!;
  now = (await getFrameworkVersion(world.trust.id, moved.frameworkVersionId))!;
  expect([then.version, now.version]).toEqual([1, 2]);
});
afterAll(async () => {
  await server?.close();
});

describe("the evaluation report as submitted", () => {
  it("prints the areas, criteria and descriptors of the version submitted against", async () => {
    const text = await evaluationReport(snapshot.id);
    expect(text).toContain("As submitted");
    expect(text).toContain(`(version ${then.version})`);
    // Removed since: still printed, with its judgement.
    expect(text).toContain(`${REMOVED.code} ${statementThen(REMOVED.id)} Judgement: Met`);
    // Reworded since: in its words then, with the descriptor it was judged by.
    expect(text).toContain(`${REWORDED.code} ${statementThen(REWORDED.id)} Judgement: Met`);
    expect(text).toContain(`What Met looks like: ${descriptorThen(REWORDED.id, "met")}`);
    expect(text).not.toContain(NEW_STATEMENT);
    expect(text).not.toContain(NEW_MET);
    // A level dropped since: named and described as then.
    expect(text).toContain(
      `What Exceptional looks like: ${descriptorThen(EXCEPTIONAL.id, "exceptional")}`,
    );
  });

  it("while the report as now prints the current version", async () => {
    const text = await evaluationReport();
    expect(text).toContain(`(version ${now.version})`);
    expect(text).toContain(`${REWORDED.code} ${NEW_STATEMENT}`);
    expect(text).not.toContain(statementThen(REMOVED.id));
  });
});

describe("the validation meeting", () => {
  /** The agenda as the validator saves it; the item in focus is its first, in framework order. */
  async function agenda(criterionIds: string[]) {
    await saveMeetingSchedule(
      validation,
      {
        scheduledAt: new Date(Date.now() + 86_400_000),
        videoLink: "https://meet.example.org/review",
        agendaCriterionIds: criterionIds,
      },
      Object.keys((await getEvaluation(world.trust.id, world.evaluation.id))!.levelsByCriterion),
      world.people.validator.id,
    );
  }

  /** The item in focus's descriptors, as the server draws them: in play, then every level. */
  async function descriptorsShown(): Promise<{ inPlay: string; every: string }> {
    const page = await (
      await as(world.people.schoolLeader.id)
    ).get(`/validations/${validation.id}/meeting`);
    expect(page.status).toBe(200);
    const text = shownText(page.html);
    const section = text.slice(
      text.indexOf("What the levels in play look like"),
      text.indexOf("The school's narrative"),
    );
    const [inPlay, every] = section.split("Every level");
    return { inPlay, every };
  }

  const note = () =>
    `As version ${then.version} of the framework describes them: the version the school submitted against (the evaluation has since moved to version ${now.version}).`;

  it("describes the levels in play as the version the school submitted against did", async () => {
    await agenda([EXCEPTIONAL.id, REWORDED.id]);
    const validator = (await loadActor(world.people.validator.id))!;
    const data = await meetingPageData(validator, validation.id);
    const item = (id: string) => data.criteria.find((c) => c.criterion.id === id)!;
    expect(item(REWORDED.id).asSubmitted).toMatchObject({
      version: then.version,
      versionNow: now.version,
      descriptors: { met: descriptorThen(REWORDED.id, "met") },
    });

    // 1.3, reworded since: the descriptor the school judged itself by, the level named then.
    const { inPlay, every } = await descriptorsShown();
    expect(inPlay).toContain(note());
    expect(inPlay).toContain(
      `Met (the school's as submitted) ${descriptorThen(REWORDED.id, "met")}`,
    );
    expect(inPlay).not.toContain(NEW_MET);
    expect(every).not.toContain(NEW_MET);
  });

  it("describes a level the framework has dropped since, as submitted", async () => {
    await agenda([EXCEPTIONAL.id]);
    const { inPlay, every } = await descriptorsShown();
    expect(inPlay).toContain(note());
    expect(inPlay).toContain(
      `Exceptional (the school's as submitted) ${descriptorThen(EXCEPTIONAL.id, "exceptional")}`,
    );
    expect(every).toContain(descriptorThen(EXCEPTIONAL.id, "strong"));
    expect(every).not.toContain(NEW_STRONG);
  });
});

describe("the history comparison across the move", () => {
  const removedLine = () =>
    `No longer in the framework (1) ${REMOVED.code} ${statementThen(REMOVED.id)} Met → no longer in the framework (removed in version ${now.version})`;
  const droppedLevel = `Exceptional → Not judged (level removed in version 2)`;

  it("shows a judgement at a dropped level and one of a removed criterion, submission against now", async () => {
    const page = await (
      await as(world.people.schoolLeader.id)
    ).get(`/evaluations/${world.evaluation.id}/history?a=${snapshot.id}&b=now`);
    expect(page.status).toBe(200);
    const text = shownText(page.html);
    expect(text).toContain(droppedLevel);
    expect(text).toContain(removedLine());
    // Reworded and cleared by the move: in its words now, named as submitted.
    expect(text).toContain(`${REWORDED.code} ${NEW_STATEMENT} Was Met`);
  });

  it("and between two snapshots, one either side of the move", async () => {
    const leader = (await loadActor(world.people.schoolLeader.id))!;
    const { snapshot: second } = await submitEvaluation(
      { actor: leader, collab: server.collab },
      { evaluationId: world.evaluation.id, basedOn: snapshot.id },
    );
    const page = await (
      await as(world.people.schoolLeader.id)
    ).get(`/evaluations/${world.evaluation.id}/history?a=${snapshot.id}&b=${second.id}`);
    expect(page.status).toBe(200);
    const text = shownText(page.html);
    expect(text).toContain(droppedLevel);
    expect(text).toContain(removedLine());
    // Judged Met in both: the new version's name for it does not make it a change.
    expect(text).toContain("1 judgement unchanged.");
  });
});

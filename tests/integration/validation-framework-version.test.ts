import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import { getFrameworkVersion, type FrameworkVersion } from "../../models/framework/framework.ts";
import type { Criterion, FrameworkContent } from "../../models/framework/types.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { agreeJudgement } from "../../server/commands/agree-judgement.ts";
import { validationReportData } from "../../server/reports/validation-data.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { judgeAndWait, submitForValidation } from "../support/judge.ts";
import { pdfText } from "../support/pdf-text.ts";
import { moveToRenamedScales } from "../support/renamed-scales.ts";
import { askForReport, downloadReport } from "../support/report-requests.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

/**
 * A validation belongs to the framework version the school submitted against. After the school
 * submits and a validator is assigned, the trust publishes a version that renames a criterion
 * (1.3's statement and a descriptor), adds a criterion and renames levels, and the evaluation
 * moves to it. The validation report (its agreed judgements, the meeting's record) still lists
 * the submitted version's areas, criteria and levels: the renamed criterion in its words then,
 * not the added one, and the version number it was submitted against.
 */
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let then: FrameworkVersion;
let now: FrameworkVersion;

const MET = { id: "sg-1", code: "1.1" }; // Met; still judged after the move.
const RENAMED = { id: "sg-3", code: "1.3" }; // Met; the new version renames it.
const STRONG = { id: "incl-1", code: "2.1" }; // Strong standard; agreed after the move.
const ADDED: Criterion = {
  id: "sg-added",
  code: "1.9",
  statement: "Online safety is taught in every year group (added in 2027).",
  descriptors: {
    met: "Every year group has online safety lessons (2027).",
    "not-met": "Some year groups have none (2027).",
  },
  evidenceExpectations: ["Curriculum map"],
};
const NEW_STATEMENT = "Pupils at risk are helped the same day (renamed in 2027).";
const NEW_MET = "Every concern escalated within the day (2027 descriptor).";

function criterionIn(content: FrameworkContent, id: string): Criterion {
  return content.areas.flatMap((a) => a.criteria).find((c) => c.id === id)!;
}

function rework(content: FrameworkContent) {
  const renamed = criterionIn(content, RENAMED.id);
  renamed.statement = NEW_STATEMENT;
  renamed.descriptors.met = NEW_MET;
  const area = content.areas.find((a) => a.criteria.some((c) => c.id === RENAMED.id))!;
  area.criteria.push(ADDED);
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  then = (await getFrameworkVersion(world.trust.id, world.evaluation.frameworkVersionId))!;
  await judgeAndWait(server, world.evaluation, {
    [MET.id]: "met",
    [RENAMED.id]: "met",
    [STRONG.id]: "strong",
  });
  ({ validation } = await submitForValidation(server, world));
  await moveToRenamedScales(server, world.evaluation, world.people.schoolLeader.id, MET.id, rework);
  const moved = (await getEvaluation(world.trust.id, world.evaluation.id))!;
  now = (await getFrameworkVersion(world.trust.id, moved.frameworkVersionId))!;
  expect([then.version, now.version]).toEqual([1, 2]);
  expect(criterionIn(now.content, ADDED.id)).toBeTruthy();
  // The meeting, held after the move, agrees 2.1 (its level renamed by the new version).
  const validator = (await loadActor(world.people.validator.id))!;
  await agreeJudgement(
    { actor: validator, collab: server.collab },
    {
      validationId: validation.id,
      criterionId: STRONG.id,
      level: "strong",
      rationale: "Strong adaptive teaching seen in every phase",
    },
  );
  // And a criterion the evaluation gained with the move: the record keeps it, so does the report.
  await agreeJudgement(
    { actor: validator, collab: server.collab },
    {
      validationId: validation.id,
      criterionId: ADDED.id,
      level: "met",
      rationale: "Online safety lessons seen in every year group",
    },
  );
});
afterAll(async () => {
  await server?.close();
});

describe("the validation report after the evaluation has moved to a newer version", () => {
  it("lists the criteria and levels of the version the school submitted against", async () => {
    const leader = (await loadActor(world.people.schoolLeader.id))!;
    const data = await validationReportData(leader, server.collab, {
      validationId: validation.id,
    });
    expect(data.frameworkVersion).toBe(then.version);
    const thenAreas = then.content.areas.filter((a) => world.evaluation.areaIds.includes(a.id));
    expect(data.areas.map((a) => a.title)).toEqual([
      ...thenAreas.map((a) => a.title),
      `Criteria added since submission (version ${now.version})`,
    ]);
    const criteria = data.areas.slice(0, -1).flatMap((a) => a.criteria);
    expect(criteria.map((c) => c.code)).toEqual(
      thenAreas.flatMap((a) => a.criteria).map((c) => c.code),
    );
    expect(criteria.map((c) => c.statement)).not.toContain(ADDED.statement);
    // The added criterion, agreed in the meeting, is kept: after the others, in its own words.
    expect(data.areas.at(-1)!.criteria).toEqual([
      expect.objectContaining({
        code: ADDED.code,
        statement: ADDED.statement,
        schoolJudgement: null,
        agreed: expect.objectContaining({
          level: expect.objectContaining({ label: "Met in full" }),
        }),
      }),
    ]);
    expect(criteria.find((c) => c.code === RENAMED.code)).toMatchObject({
      statement: criterionIn(then.content, RENAMED.id).statement,
      schoolJudgement: { label: "Met" },
      schoolJudgementNow: expect.stringContaining("Now not judged: cleared since submission"),
    });
    expect(criteria.map((c) => c.statement)).not.toContain(NEW_STATEMENT);
    // Agreed after the move: kept, and named as the version submitted against names the level.
    expect(criteria.find((c) => c.code === STRONG.code)).toMatchObject({
      schoolJudgement: { label: "Strong standard" },
      agreed: { level: { label: "Strong standard" } },
    });
  });

  it("prints them so in the PDF", async () => {
    const http = new HttpSession(server.url);
    http.setCookie(await cookieFor(world.people.schoolLeader.id));
    await http.get(`/evaluations/${world.evaluation.id}/validation`);
    const answer = await askForReport(http, { kind: "validation", subjectId: validation.id });
    expect(answer.status).toBe(303);
    const pdf = await downloadReport(server.url, http, answer.jobId!);
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    expect(text).toContain(`(version ${then.version})`);
    expect(text).toContain(
      `${RENAMED.code} ${criterionIn(then.content, RENAMED.id).statement} School's judgement as submitted: Met`,
    );
    expect(text).not.toContain(NEW_STATEMENT);
    expect(text).toContain("Agreed: Strong standard");
    // The added criterion only after the submitted version's criteria, under its own heading.
    const added = text.indexOf(`Criteria added since submission (version ${now.version})`);
    expect(added).toBeGreaterThan(text.indexOf("9.4 "));
    expect(text.indexOf(ADDED.statement)).toBeGreaterThan(added);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwardModel, listAwardsOfEvaluation } from "../../models/award/award.ts";
import { formatDay } from "../../models/dates.ts";
import { getEvaluation, startEvaluation } from "../../models/evaluation/evaluation.ts";
import { ensureStarterFramework, publishVersion } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import type { Criterion } from "../../models/framework/types.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { recordProvisionalJudgement } from "../../models/validation/provisional.ts";
import { listRecordEntries } from "../../models/validation/record.ts";
import { expiryFrom } from "../../models/validation/record-state.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { agreeJudgement } from "../../server/commands/agree-judgement.ts";
import { confirmJudgement } from "../../server/commands/confirm-judgement.ts";
import { renderReportPdf } from "../../server/reports/pdf/render.tsx";
import { validationReportData } from "../../server/reports/validation-data.ts";
import { eventually } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { judgeAndWait, submitForValidation } from "../support/judge.ts";
import { upgradeMidValidation } from "../support/move-mid-validation.ts";
import { pdfText } from "../support/pdf-text.ts";
import { askForReport, downloadReport } from "../support/report-requests.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

/**
 * A validation's decision belongs to the framework version the school submitted against (ADR
 * 070). The school judges every criterion of Inclusion Excellence version 1 Secure and submits;
 * the validator agrees with each before the meeting. Then the trust publishes version 2, renamed,
 * valid 24 months instead of 36, with a criterion 1.9 added, and the school moves to it (as it
 * could before ADR 071: data made then); the
 * meeting agrees 1.9 at Emerging and the school confirms it. Against version 2 the rule would say
 * "not yet" (1.9 is below Developing); against version 1, which the school submitted, it says
 * accredit (Silver), so the award needs no reason, lasts 36 months, and its certificate names
 * version 1.
 */
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let meetingPath: string;
let validationPath: string;

const NAME_NOW = "Inclusion Excellence (2027 edition)";
const ADDED: Criterion = {
  id: "ie-added",
  code: "1.9",
  statement: "Pupils with SEND take part in every trip and club (added in 2027).",
  descriptors: {
    emerging: "A few pupils with SEND join trips and clubs.",
    developing: "Many pupils with SEND join trips and clubs.",
    secure: "Pupils with SEND join trips and clubs as often as their peers.",
    leading: "The school shares its inclusive enrichment with other schools.",
  },
  evidenceExpectations: ["Club registers"],
};

const DAY = 24 * 3600_000;
const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function as(userId: string, path: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld();
  const then = await ensureStarterFramework(
    world.trust.id,
    "inclusion-excellence",
    inclusionExcellence,
  );
  world.evaluation = await startEvaluation(world.school, then, {
    title: "Inclusion Excellence",
    createdBy: world.people.schoolLeader.id,
  });
  const ids = Object.keys(world.evaluation.levelsByCriterion);
  await judgeAndWait(server, world.evaluation, Object.fromEntries(ids.map((id) => [id, "secure"])));
  ({ validation } = await submitForValidation(server, world));
  meetingPath = `/validations/${validation.id}/meeting`;
  validationPath = `/evaluations/${world.evaluation.id}/validation`;
  // The validator agrees with the school on every criterion before the meeting.
  for (const id of ids)
    await recordProvisionalJudgement(
      validation,
      { validatorId: world.people.validator.id, criterionId: id, level: "secure" },
      world.evaluation.levelsByCriterion[id],
    );

  // Version 2: renamed, shorter validity, one criterion more; the school moves to it.
  const content = structuredClone(then.content);
  content.name = NAME_NOW;
  content.validityMonths = 24;
  content.areas[0].criteria.push(ADDED);
  const now = await publishVersion(world.trust.id, then.frameworkId, content);
  // As before ADR 071, which now refuses a move while the evaluation is being validated.
  expect(
    await upgradeMidValidation(server, world.evaluation, world.people.schoolLeader.id, now.id),
  ).toEqual({ moved: true });
  await eventually(
    async () =>
      (await getEvaluation(world.trust.id, world.evaluation.id))!.frameworkVersionId === now.id,
    10_000,
    "the upgraded evaluation",
  );
  const moved = (await getEvaluation(world.trust.id, world.evaluation.id))!;
  expect(moved.projection.judgements).toHaveLength(ids.length);

  // The meeting, after the move, agrees the added criterion at Emerging; the school confirms.
  await saveMeetingSchedule(
    validation,
    {
      scheduledAt: new Date(Date.now() - 3600_000),
      videoLink: "https://meet.example.org/versions",
      agendaCriterionIds: [ADDED.id],
    },
    Object.keys(moved.levelsByCriterion),
    world.people.validator.id,
  );
  const validator = (await loadActor(world.people.validator.id))!;
  await agreeJudgement(
    { actor: validator, collab: server.collab },
    {
      validationId: validation.id,
      criterionId: ADDED.id,
      level: "emerging",
      rationale: "Only a few pupils with SEND join clubs so far",
    },
  );
  const [agreed] = await listRecordEntries(world.trust.id, validation.id);
  const leader = (await loadActor(world.people.schoolLeader.id))!;
  await confirmJudgement(
    { actor: leader, collab: server.collab },
    { validationId: validation.id, criterionId: ADDED.id, agreedSeq: String(agreed.seq) },
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("the outcome after the evaluation has moved to a newer framework version", () => {
  it("recommends from the submitted version's rule in the meeting and on the validation page", async () => {
    for (const path of [meetingPath, validationPath]) {
      const page = (await (await as(world.people.validator.id, path)).get(path)).html;
      expect(page, path).toMatch(
        /Recommendation from the framework&#x27;s rule: accredit \(Silver\)/,
      );
      expect(page, path).not.toContain("1.9 is at Emerging");
      expect(page, path).toContain("valid 36 months");
      expect(page, path).toContain(
        "The outcome is decided against version 1 of the framework, which the school submitted; its evaluation has moved to version 2 since.",
      );
    }
  });

  it("records the award as recommended, with no reason, against the submitted version", async () => {
    const validator = await as(world.people.validator.id, meetingPath);
    const startDate = dayIn(1);
    const ok = await validator.post(meetingPath, {
      intent: "outcome",
      result: "accredited",
      startDate,
      tier: "Silver",
    });
    expect(ok.html).not.toContain("This differs from the recommendation");
    expect(ok.status).toBe(200);
    const [award] = await listAwardsOfEvaluation(world.trust.id, world.evaluation.id);
    expect(award).toMatchObject({
      frameworkName: inclusionExcellence.name,
      frameworkVersion: 1,
      tier: "Silver",
      startDate,
      expiryDate: expiryFrom(startDate, 36),
    });
  });

  it("names the submitted version on the certificate, its PDF and the validation report", async () => {
    const [award] = await listAwardsOfEvaluation(world.trust.id, world.evaluation.id);
    const leader = await as(world.people.schoolLeader.id, `/awards/${award.id}/certificate`);
    const page = (await leader.get(`/awards/${award.id}/certificate`)).html;
    expect(page).toContain("Framework version 1");
    expect(page).not.toContain("2027 edition");
    const pdf = await fetch(`${server.url}/awards/${award.id}/certificate.pdf`, {
      headers: { cookie: await cookieFor(world.people.schoolLeader.id) },
    });
    expect(pdf.status).toBe(200);
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, " ");
    expect(text).toContain(`${inclusionExcellence.name} Silver tier Framework version 1`);
    expect(text).not.toContain("2027 edition");
    const verified = (await new HttpSession(server.url).get(`/verify?code=${award.code}`)).html;
    expect(verified).toContain("<dt>Framework version</dt><dd>1</dd>");

    const report = await validationReportData(
      (await loadActor(world.people.schoolLeader.id))!,
      server.collab,
      { validationId: validation.id },
    );
    expect(report).toMatchObject({
      frameworkName: inclusionExcellence.name,
      frameworkVersion: 1,
      award: { markName: inclusionExcellence.name, frameworkVersion: 1, tier: "Silver" },
    });
    // The added criterion's agreement is kept, after the others: recorded, not counted.
    expect(report.areas.at(-1)).toMatchObject({
      title: "Criteria added since submission (version 2)",
      criteria: [{ code: ADDED.code, agreed: { level: { label: "Emerging" } } }],
    });
    // The report's award line names the version as its cover does ("version 1").
    await leader.get(validationPath);
    const asked = await askForReport(leader, { kind: "validation", subjectId: validation.id });
    expect(asked.status).toBe(303);
    const reportPdf = await downloadReport(server.url, leader, asked.jobId!);
    const printed = (await pdfText(reportPdf)).replace(/\s+/g, " ");
    expect(printed).toContain(`${inclusionExcellence.name} (version 1)`);
    expect(printed).toContain(
      `Award: ${inclusionExcellence.name}, version 1 (Silver), valid until ${formatDay(award.expiryDate)}. Certificate code ${award.code}.`,
    );
  });

  it("prints no version in the report's award line for an award made before awards recorded it", async () => {
    const [award] = await listAwardsOfEvaluation(world.trust.id, world.evaluation.id);
    // As awards made before ADR 070 are stored: without the field.
    await AwardModel.updateOne({ _id: award.id }, { $unset: { frameworkVersion: 1 } });
    const report = await validationReportData(
      (await loadActor(world.people.schoolLeader.id))!,
      server.collab,
      { validationId: validation.id },
    );
    expect(report.award).toMatchObject({ frameworkVersion: null });
    const printed = (await pdfText(await renderReportPdf(report))).replace(/\s+/g, " ");
    expect(printed).toContain(
      `Award: ${inclusionExcellence.name} (Silver), valid until ${formatDay(award.expiryDate)}. Certificate code ${award.code}.`,
    );
    expect(printed).not.toMatch(/Award: [^.]*version/);
  });
});

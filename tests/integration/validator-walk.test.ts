import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparePageData } from "../../app/components/meeting/meeting.server.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { formatDay } from "../../models/dates.ts";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { lastBookableDay, toLondonLocal } from "../../models/meeting/schedule.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { EvaluationSnapshotModel } from "../../models/snapshot/snapshot.ts";
import { findMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { agreeJudgement } from "../../server/commands/agree-judgement.ts";
import { confirmJudgement } from "../../server/commands/confirm-judgement.ts";
import { recordOutcome } from "../../server/commands/record-outcome.ts";
import { validationReportData } from "../../server/reports/validation-data.ts";
import { useTestDatabase } from "../support/database.ts";
import {
  buildAward,
  buildStarterFramework,
  buildUser,
  buildValidation,
  buildWorld,
} from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { pdfText } from "../support/pdf-text.ts";
import { askForReport, downloadReport } from "../support/report-requests.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// What a validator's first walk through their part found wrong: the meeting's date, the agenda
// on the page before the meeting, the certificate of the award they gave, a GET of the submit
// address, and who took part in the validation report.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let preparePath: string;

const VIDEO = "https://meet.example.org/walk";
const DAY = 24 * 3600_000;

async function as(userId: string, page = "/home") {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(page);
  return http;
}

/** Posts the schedule form as a browser does: the agenda's ticks are repeated fields. */
async function schedule(http: HttpSession, scheduledAt: string, agenda: string[]) {
  const body = new URLSearchParams([
    ["intent", "schedule"],
    ["scheduledAt", scheduledAt],
    ["videoLink", VIDEO],
    ...agenda.map((id) => ["agendaCriterionIds", id]),
    ["csrf", http.csrf],
  ]);
  const response = await fetch(server.url + preparePath, {
    method: "POST",
    body,
    headers: {
      cookie: http.cookieHeader,
      origin: server.url,
      "content-type": "application/x-www-form-urlencoded",
    },
    redirect: "manual",
  });
  return { status: response.status, html: await response.text() };
}

/** The message shown next to a form field (the error its input is described by), or null. */
function fieldError(html: string, name: string): string | null {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? "";
  const ids = /aria-describedby="([^"]+)"/.exec(input)?.[1].split(" ") ?? [];
  for (const id of ids) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const error = new RegExp(`<p class="field-error" id="${escaped}">([^<]*)</p>`).exec(html);
    if (error) return error[1];
  }
  return null;
}

/** The page's status message (what saving said), in plain text. */
function statusOf(html: string): string {
  const status = /<p role="status" class="notice">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
  return status.replace(/<[^>]*>/g, "").replace(/&#x27;/g, "'");
}

/** Whether the agenda's checkbox for a criterion is ticked on the page as served. */
function ticked(html: string, criterionId: string): boolean {
  const box = new RegExp(
    `<input[^>]*name="agendaCriterionIds"[^>]*value="${criterionId}"[^>]*>`,
  ).exec(html)?.[0];
  if (!box) throw new Error(`no agenda checkbox for ${criterionId}`);
  return /\schecked(=|\s|>|\/)/.test(box);
}

/** A date and time `days` from now, as the form's field holds it. */
const inDays = (days: number) => toLondonLocal(new Date(Date.now() + days * DAY));

beforeAll(async () => {
  world = await buildWorld();
  validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  preparePath = `/validations/${validation.id}/prepare`;
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("the meeting's date", () => {
  it("is refused more than two years ahead (year 9999 too), next to the field, changing nothing", async () => {
    const validator = await as(world.people.validator.id, preparePath);
    for (const far of ["9999-12-31T10:00", inDays(2 * 366 + 2)]) {
      const refused = await schedule(validator, far, []);
      expect(refused.status, far).toBe(400);
      expect(fieldError(refused.html, "scheduledAt"), far).toBe(
        `The date must be within the next 2 years: ${formatDay(lastBookableDay())} at the latest`,
      );
      expect(refused.html).not.toContain("The meeting is scheduled");
    }
    // The past is still refused, as before.
    const past = await schedule(validator, "2020-01-01T09:00", []);
    expect(fieldError(past.html, "scheduledAt")).toBe("The date and time must not be in the past");
    expect(await findMeetingSchedule(world.trust.id, validation.id)).toBeNull();
    expect(
      await AuditModel.countDocuments({ trustId: world.trust.id, action: "meetingScheduled" }),
    ).toBe(0);

    // Up to two years ahead is a date a trust books.
    const within = await schedule(validator, inDays(2 * 365 - 2), []);
    expect(within.status).toBe(200);
    expect(await findMeetingSchedule(world.trust.id, validation.id)).not.toBeNull();
  });
});

describe("the agenda, saved with the schedule", () => {
  it("says plainly when no criterion is on it", async () => {
    const validator = await as(world.people.validator.id, preparePath);
    const saved = await schedule(validator, inDays(7), []);
    expect(saved.status).toBe(200);
    expect(statusOf(saved.html)).toBe(
      "The meeting is scheduled, but no criteria are on the agenda: the meeting agrees judgements only for criteria on its agenda, and the framework's recommendation counts only agreed judgements the school has confirmed. Tick the criteria to discuss below and save again.",
    );
    const one = Object.keys(world.evaluation.levelsByCriterion)[0];
    const withOne = await schedule(validator, inDays(7), [one]);
    expect(statusOf(withOne.html)).toBe(
      "The meeting is scheduled, with 1 criterion on the agenda.",
    );
  });

  it("keeps proposing a criterion whose provisional judgement came to differ after it was saved, and says when a save leaves one out", async () => {
    const validator = await as(world.people.validator.id, preparePath);
    const [kept, differing] = ["incl-1", "incl-2"];
    const code = "2.2";
    expect((await schedule(validator, inDays(7), [kept])).status).toBe(200);

    // The validator's provisional judgement differs from the school's (not judged) after the save.
    const provisional = await validator.post(preparePath, {
      intent: "provisional",
      criterionId: differing,
      level: "strong",
    });
    expect(provisional.status).toBe(200);

    // Opened afresh (a reload): still ticked for the agenda, though the saved agenda is unchanged.
    const reloaded = (await validator.get(preparePath)).html;
    expect(ticked(reloaded, differing)).toBe(true);
    expect(ticked(reloaded, kept)).toBe(true);
    expect(reloaded).toContain("The agenda has changes that are not saved yet.");
    const actor = (await loadActor(world.people.validator.id))!;
    const data = await preparePageData(actor, validation.id);
    expect(data.agenda).toEqual([kept]);
    expect(data.proposed).toEqual([kept, differing]);

    // Saved with it unticked on purpose: the save says so, and the page no longer proposes it.
    const leftOut = await schedule(validator, inDays(7), [kept]);
    expect(statusOf(leftOut.html)).toBe(
      `The meeting is scheduled, with 1 criterion on the agenda. ${code} differs from the school's judgement but is not on the agenda.`,
    );
    const after = (await validator.get(preparePath)).html;
    expect(ticked(after, differing)).toBe(false);
    expect(after).not.toContain("The agenda has changes that are not saved yet.");

    // A new differing judgement is proposed again; saved ticked, it is on the agenda.
    await validator.post(preparePath, {
      intent: "provisional",
      criterionId: differing,
      level: "exceptional",
    });
    expect(ticked((await validator.get(preparePath)).html, differing)).toBe(true);
    const both = await schedule(validator, inDays(7), [kept, differing]);
    expect(statusOf(both.html)).toBe("The meeting is scheduled, with 2 criteria on the agenda.");
    expect((await findMeetingSchedule(world.trust.id, validation.id))!.agendaCriterionIds).toEqual([
      kept,
      differing,
    ]);
  });
});

describe("the certificate of an award the validation gave", () => {
  it("opens, read-only, for the validation's validator; another validator and another school's head get 404", async () => {
    const version = await buildStarterFramework(world.trust);
    const award = await buildAward({
      trustId: world.trust.id,
      schoolId: world.school.id,
      evaluationId: world.evaluation.id,
      validationId: validation.id,
      frameworkId: version.frameworkId,
      frameworkName: "Inclusion Excellence",
      tier: null,
      startDate: "2027-01-01",
      expiryDate: "2030-01-01",
    });
    const page = `/awards/${award.id}/certificate`;
    const validator = await as(world.people.validator.id);
    const shown = await validator.get(page);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain(award.code);
    expect(shown.html).toContain(world.school.name);
    // Read-only, and its way back is the validation, not a school page they may not open.
    expect(shown.html).not.toContain("Start renewal");
    expect(shown.html).toContain(`href="/validations/${validation.id}/meeting"`);
    expect(shown.html).not.toContain(`href="/schools/${world.school.id}"`);
    const pdf = await validator.get(`${page}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.response.headers.get("content-type")).toBe("application/pdf");
    expect((await validator.get(`/awards/${award.id}/renew`)).status).toBe(404);

    const otherValidator = await buildUser("validator", world.trust, undefined, "Other Validator");
    const otherHead = await buildUser("schoolLeader", world.trust, world.otherSchool, "Other Head");
    for (const person of [otherValidator, otherHead]) {
      const http = await as(person.id);
      expect((await http.get(page)).status, person.name).toBe(404);
      expect((await http.get(`${page}.pdf`)).status, person.name).toBe(404);
    }
  });
});

describe("a GET of the submit address", () => {
  it("takes a browser on to the evaluation page, tells anything else 405, and changes nothing", async () => {
    const submit = `/evaluations/${world.evaluation.id}/submit`;
    const leader = await as(world.people.schoolLeader.id);
    const before = await EvaluationModel.findById(world.evaluation.id).lean();
    const browser = await fetch(server.url + submit, {
      headers: {
        cookie: leader.cookieHeader,
        accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      },
      redirect: "manual",
    });
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toBe(`/evaluations/${world.evaluation.id}`);
    const other = await fetch(server.url + submit, {
      headers: { cookie: leader.cookieHeader },
      redirect: "manual",
    });
    expect(other.status).toBe(405);
    expect(other.headers.get("allow")).toBe("POST");
    expect(
      await EvaluationSnapshotModel.countDocuments({ evaluationId: world.evaluation.id }),
    ).toBe(0);
    expect((await EvaluationModel.findById(world.evaluation.id).lean())!.status).toBe(
      before!.status,
    );
    expect(
      await AuditModel.countDocuments({
        action: "evaluationSubmitted",
        subject: `evaluation:${world.evaluation.id}`,
      }),
    ).toBe(0);
  });
});

describe("the validation report's who took part", () => {
  it("names the school's people who confirmed, the validator who agreed and recorded the outcome", async () => {
    const held = await buildWorld();
    const version = await buildStarterFramework(held.trust);
    const criterion = version.content.areas.find((a) => a.scaleKey === "ofsted-5")!.criteria[0];
    const heldValidation = await buildValidation(
      held.evaluation,
      [held.people.validator.id],
      held.people.trustAdmin.id,
    );
    const validator = (await loadActor(held.people.validator.id))!;
    const leader = (await loadActor(held.people.schoolLeader.id))!;
    await agreeJudgement(
      { actor: validator, collab: server.collab },
      {
        validationId: heldValidation.id,
        criterionId: criterion.id,
        level: "expected",
        rationale: "Secure at expected",
      },
    );
    await confirmJudgement(
      { actor: leader, collab: server.collab },
      { validationId: heldValidation.id, criterionId: criterion.id, agreedSeq: "1" },
    );
    await recordOutcome(
      { actor: validator, collab: server.collab },
      { validationId: heldValidation.id, result: "validated" },
    );

    const data = await validationReportData(leader, server.collab, {
      validationId: heldValidation.id,
    });
    expect(data.validators).toEqual([
      `${held.people.validator.name} (agreed 1 judgement; recorded the outcome)`,
    ]);
    expect(data.forTheSchool).toEqual([
      `${held.people.schoolLeader.name} (confirmed 1 agreed judgement)`,
    ]);
    expect(data.observers).toBeNull();

    const http = await as(
      held.people.schoolLeader.id,
      `/evaluations/${held.evaluation.id}/validation`,
    );
    const answer = await askForReport(http, { kind: "validation", subjectId: heldValidation.id });
    expect(answer.status).toBe(303);
    const text = (await pdfText(await downloadReport(server.url, http, answer.jobId!))).replace(
      /\s+/g,
      " ",
    );
    expect(text).toContain(
      `For the school: ${held.people.schoolLeader.name} (confirmed 1 agreed judgement)`,
    );
    expect(text).toContain(
      `Validator: ${held.people.validator.name} (agreed 1 judgement; recorded the outcome)`,
    );
    expect(text).toContain("the meeting does not record who observed it");
  });
});

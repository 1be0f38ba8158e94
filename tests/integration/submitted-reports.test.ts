import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoment } from "../../models/dates.ts";
import type { SnapshotSummary } from "../../models/snapshot/snapshot.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
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
 * The PDFs read a submission as the pages do (ADRs 062, 063). The validation report prints the
 * school's judgement as submitted, and what it is now where the school has changed it since;
 * the evaluation report printed "as submitted" names each judgement as the submission kept it,
 * after the evaluation has moved to a version that renames "Strong standard" and "Met" and
 * drops "Exceptional".
 */
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let snapshot: SnapshotSummary;
let submittedOn: string;

const MET = { id: "sg-1", code: "1.1" }; // Met, renamed "Met in full" by the upgrade.
const STRONG = { id: "incl-1", code: "2.1" }; // Strong standard, renamed; cleared by the upgrade.
const EXCEPTIONAL = { id: "incl-2", code: "2.2" }; // Exceptional: the upgrade drops the level.
const CHANGED = { id: "incl-3", code: "2.3" }; // Expected standard, then Strong standard after.

async function as(userId: string, page: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(page);
  return http;
}

/** Asks for a report through the server, as the page's form does, and reads its text. */
async function reportText(
  http: HttpSession,
  fields: { kind: string; subjectId: string; version?: string },
): Promise<string> {
  const answer = await askForReport(http, fields);
  expect(answer.status).toBe(303);
  const pdf = await downloadReport(server.url, http, answer.jobId!);
  return (await pdfText(pdf)).replace(/\s+/g, " ");
}

/** What the validation report prints about one criterion, from its code to the next's. */
function criterionIn(text: string, code: string, nextCode: string): string {
  const from = text.indexOf(`${code} `, text.indexOf("Agreed judgements"));
  return text.slice(from, text.indexOf(`${nextCode} `, from + code.length));
}

async function validationReport() {
  const leader = await as(
    world.people.schoolLeader.id,
    `/evaluations/${world.evaluation.id}/validation`,
  );
  return reportText(leader, { kind: "validation", subjectId: validation.id });
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  await judgeAndWait(server, world.evaluation, {
    [MET.id]: "met",
    [STRONG.id]: "strong",
    [EXCEPTIONAL.id]: "exceptional",
    [CHANGED.id]: "expected",
  });
  ({ snapshot, submittedOn, validation } = await submitForValidation(server, world));
  // The school carries on after submitting.
  await judgeAndWait(server, world.evaluation, { [CHANGED.id]: "strong" });
});
afterAll(async () => {
  await server?.close();
});

describe("the validation report", () => {
  it("prints the school's judgement as submitted, and what it is now where it has changed", async () => {
    const text = await validationReport();
    expect(criterionIn(text, CHANGED.code, "2.4")).toContain(
      `School's judgement as submitted: Expected standard Now Strong standard: changed since submission on ${submittedOn}`,
    );
    expect(text).toContain(
      `Submitted ${formatMoment(snapshot.createdAt)} by ${world.people.schoolLeader.name}`,
    );
    expect(criterionIn(text, STRONG.code, EXCEPTIONAL.code)).toContain(
      "School's judgement as submitted: Strong standard Not agreed",
    );
    expect(text.match(/changed since submission/g)).toHaveLength(1);
  });
});

describe("after the evaluation moves to a version that renames and drops levels", () => {
  beforeAll(async () => {
    // The move clears the judgements of criteria whose scale changed: only {MET} stays.
    await moveToRenamedScales(server, world.evaluation, world.people.schoolLeader.id, MET.id);
  });

  it("the evaluation report as submitted names each judgement as it was submitted", async () => {
    const staff = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    const then = await reportText(staff, {
      kind: "evaluation",
      subjectId: world.evaluation.id,
      version: snapshot.id,
    });
    expect(then).toContain("As submitted");
    expect(then).toContain("Judgement: Exceptional");
    expect(then).toContain("Judgement: Strong standard");
    expect(then).not.toContain("Strong (2027 wording)");
    expect(then).toContain("Judgement: Met");
    expect(then).not.toContain("Met in full");
    expect(then).toContain("Judgement: Expected standard");

    // The report as it is now speaks the new version's words.
    const now = await reportText(staff, { kind: "evaluation", subjectId: world.evaluation.id });
    expect(now).toContain("Judgement: Met in full");
    expect(now).not.toContain("Judgement: Exceptional");
  });

  it("the validation report names them so too, with the scale's words for what they are now", async () => {
    const text = await validationReport();
    expect(criterionIn(text, EXCEPTIONAL.code, CHANGED.code)).toContain(
      `School's judgement as submitted: Exceptional Now not judged: cleared since submission on ${submittedOn}`,
    );
    expect(criterionIn(text, STRONG.code, EXCEPTIONAL.code)).toContain(
      `School's judgement as submitted: Strong standard Now not judged: cleared since submission on ${submittedOn}`,
    );
    expect(criterionIn(text, MET.code, "1.2")).toContain("School's judgement as submitted: Met ");
    expect(text).not.toContain("Met in full");
    expect(text).not.toContain("Strong (2027 wording)");
  });
});

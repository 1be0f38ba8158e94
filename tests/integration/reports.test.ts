import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTES_FIELD } from "../../app/components/meeting/whiteboard-shape.ts";
import { documentName } from "../../collab/document-name.ts";
import { judgementsOf, narrativeField } from "../../collab/shapes/evaluation.ts";
import { attachEvidence } from "../../collab/shapes/evidence.ts";
import { addAction, addForce, linkForce, setActionField } from "../../collab/shapes/plan.ts";
import { ensureCycle } from "../../models/cycle/cycle.ts";
import { addEvidenceLink } from "../../models/evidence/evidence.ts";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { loadActor } from "../../models/membership/membership.ts";
import {
  expireReportJobs,
  ReportJobModel,
  requestReportJob,
} from "../../models/report/report-job.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { agreeJudgement } from "../../server/commands/agree-judgement.ts";
import { confirmJudgement } from "../../server/commands/confirm-judgement.ts";
import { recordOutcome } from "../../server/commands/record-outcome.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import { useTestDatabase } from "../support/database.ts";
import {
  buildSchool,
  buildStarterFramework,
  buildTrust,
  buildUser,
  buildValidation,
  buildWorld,
} from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { levelAt, seedInsight } from "../support/insight-world.ts";
import { pdfText } from "../support/pdf-text.ts";
import { askForReport, downloadReport } from "../support/report-requests.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

/** Requests sent at once where a report must be made once only (a double-click, retries). */
const PARALLEL = 20;

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let cycleId: string;
let strangers: { otherTrustAdmin: string; unassignedValidator: string };

const schema = getSchema([StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] } })]);
const NARRATIVE_SENTENCE = "Pupils with SEND are identified within their first half-term.";
const BULLET = "Termly plan reviews with every family";
const ACTION = "Weekly phonics catch-up groups";
const MINUTES = "The school will share its audit with Hillcrest.";

/** The evaluation's first criterion judged on five levels (Inclusion's first), and its area's levels. */
async function firstCriterion() {
  const version = await buildStarterFramework(world.trust);
  const area = version.content.areas.find((a) => a.scaleKey === "ofsted-5")!;
  return { criterion: area.criteria[0], area };
}

async function as(userId: string, page = "/home") {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(page);
  return http;
}

const ask = askForReport;
const download = (http: HttpSession, jobId: string) => downloadReport(server.url, http, jobId);

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  const { criterion } = await firstCriterion();
  const link = await addEvidenceLink(world.evaluation, {
    uploadedBy: world.people.staff.id,
    url: "https://school.example/send-audit",
    title: "SEND audit 2026",
  });
  await server.collab.change(documentName("evaluation", world.evaluation.id), (doc) => {
    judgementsOf(doc).set(criterion.id, "strong");
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Early help" }] },
          { type: "paragraph", content: [{ type: "text", text: NARRATIVE_SENTENCE }] },
          {
            type: "bulletList",
            content: [
              {
                type: "listItem",
                content: [{ type: "paragraph", content: [{ type: "text", text: BULLET }] }],
              },
            ],
          },
        ],
      },
      doc.getXmlFragment(narrativeField(criterion.id)),
    );
    addForce(doc, criterion.id, "helping", "Experienced SENCO", 4);
    addForce(doc, criterion.id, "helping", "Supportive governors", 3);
    const turnover = addForce(doc, criterion.id, "hindering", "High staff turnover", 5);
    addForce(doc, criterion.id, "hindering", "Limited specialist space", 4);
    const action = addAction(doc, criterion.id, ACTION);
    setActionField(doc, action, "ownerId", world.people.staff.id);
    setActionField(doc, action, "due", "2027-03-31");
    setActionField(doc, action, "status", "inProgress");
    linkForce(doc, action, turnover, true);
    attachEvidence(doc, criterion.id, link.id);
  });

  validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  const validator = (await loadActor(world.people.validator.id))!;
  const leader = (await loadActor(world.people.schoolLeader.id))!;
  await agreeJudgement(
    { actor: validator, collab: server.collab },
    {
      validationId: validation.id,
      criterionId: criterion.id,
      level: "expected",
      rationale: "Plans are reviewed, not yet consistently",
    },
  );
  await confirmJudgement(
    { actor: leader, collab: server.collab },
    { validationId: validation.id, criterionId: criterion.id, agreedSeq: "1" },
  );
  await recordOutcome(
    { actor: validator, collab: server.collab },
    { validationId: validation.id, result: "validated" },
  );
  await server.collab.change(documentName("meeting", validation.id), (doc) => {
    prosemirrorJSONToYXmlFragment(
      schema,
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: MINUTES }] }] },
      doc.getXmlFragment(MINUTES_FIELD),
    );
  });

  const version = await buildStarterFramework(world.trust);
  const { cycle } = await ensureCycle(version, {
    name: "Autumn 2026",
    dueDate: null,
    createdBy: world.people.trustAdmin.id,
  });
  cycleId = cycle.id;
  await EvaluationModel.updateOne({ _id: world.evaluation.id }, { $set: { cycleId } });

  const otherTrust = await buildTrust();
  await buildSchool(otherTrust);
  strangers = {
    otherTrustAdmin: (await buildUser("trustAdmin", otherTrust)).id,
    unassignedValidator: (await buildUser("validator", world.trust)).id,
  };
});
afterAll(async () => {
  await server?.close();
});

describe("the evaluation report", () => {
  it("prints the narrative as rich text, a list, the force-field totals and the action plan", async () => {
    const staff = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    const answer = await ask(staff, { kind: "evaluation", subjectId: world.evaluation.id });
    expect(answer.status).toBe(303);
    expect(answer.jobId).not.toBeNull();
    const text = (await pdfText(await download(staff, answer.jobId!))).replace(/\s+/g, " ");
    expect(text).toContain(NARRATIVE_SENTENCE);
    expect(text).toContain(`• ${BULLET}`);
    expect(text).toContain("Helping total 7 · Hindering total 9");
    expect(text).toContain(ACTION);
    expect(text).toContain("High staff turnover");
    expect(text).toContain("Strong standard");
    expect(text).toContain("SEND audit 2026");
    expect(text).toContain(world.school.name);
  });

  it("is for everyone who may read the evaluation, and a 404 for everyone else", async () => {
    await EvaluationModel.updateOne(
      { _id: world.evaluation.id },
      { $set: { validatorIds: [world.people.validator.id] } },
    );
    const may = [
      world.people.schoolLeader.id,
      world.people.trustLeader.id,
      world.people.trustAdmin.id,
      world.people.validator.id,
    ];
    for (const userId of may) {
      const http = await as(userId, `/evaluations/${world.evaluation.id}`);
      const answer = await ask(http, { kind: "evaluation", subjectId: world.evaluation.id });
      expect(answer.status, userId).toBe(303);
      await download(http, answer.jobId!);
    }
    const mayNot = [
      world.people.otherStaff.id,
      strangers.unassignedValidator,
      strangers.otherTrustAdmin,
    ];
    for (const userId of mayNot) {
      const http = await as(userId);
      const answer = await ask(
        http,
        { kind: "evaluation", subjectId: world.evaluation.id },
        "0123456789abcdef01234567",
      );
      expect(answer.status, userId).toBe(404);
    }
  });

  it("makes one job for a double-click, shown to nobody but the person who asked", async () => {
    const staff = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        ask(staff, { kind: "evaluation", subjectId: world.evaluation.id }),
      ),
    );
    const ids = new Set(answers.map((a) => a.jobId));
    expect(ids.size).toBe(1);
    const [jobId] = [...ids];
    expect(await ReportJobModel.countDocuments({ _id: jobId })).toBe(1);
    expect(await ReportJobModel.countDocuments({ requestKey: new RegExp(staff.requestId) })).toBe(
      1,
    );
    await download(staff, jobId!);

    // Someone else who may read the evaluation still cannot see this person's report.
    const colleague = await as(world.people.staff2.id);
    expect((await colleague.get(`/reports/${jobId}`)).status).toBe(404);
    const stolen = await fetch(`${server.url}/reports/${jobId}/download`, {
      headers: { cookie: colleague.cookieHeader },
    });
    expect(stolen.status).toBe(404);
    expect((await colleague.get("/reports")).html).not.toContain(jobId!);
  });

  it("prints the evaluation as submitted, or as it is now", async () => {
    const leader = (await loadActor(world.people.schoolLeader.id))!;
    const { snapshot } = await submitEvaluation(
      { actor: leader, collab: server.collab },
      { evaluationId: world.evaluation.id },
    );
    const { criterion } = await firstCriterion();
    const LATER = "Written after the submission: the new nurture room opened.";
    await server.collab.change(documentName("evaluation", world.evaluation.id), (doc) => {
      prosemirrorJSONToYXmlFragment(
        schema,
        { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: LATER }] }] },
        doc.getXmlFragment(narrativeField(criterion.id)),
      );
    });
    const staff = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    expect(staff.requestId).not.toBe("");
    const page = (await staff.get(`/evaluations/${world.evaluation.id}`)).html;
    expect(page).toContain(`value="${snapshot.id}"`);

    const submitted = await ask(staff, {
      kind: "evaluation",
      subjectId: world.evaluation.id,
      version: snapshot.id,
    });
    const then = (await pdfText(await download(staff, submitted.jobId!))).replace(/\s+/g, " ");
    expect(then).toContain("As submitted");
    expect(then).toContain(NARRATIVE_SENTENCE);
    expect(then).not.toContain(LATER);

    const now = await ask(staff, { kind: "evaluation", subjectId: world.evaluation.id });
    expect(now.jobId).not.toBe(submitted.jobId);
    const live = (await pdfText(await download(staff, now.jobId!))).replace(/\s+/g, " ");
    expect(live).toContain("As now (live)");
    expect(live).toContain(LATER);
  });

  it("refuses a submission that is not this evaluation's, next to the field", async () => {
    const staff = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    const answer = await ask(staff, {
      kind: "evaluation",
      subjectId: world.evaluation.id,
      version: "0123456789abcdef01234567",
    });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain("Choose one of the submissions.");
  });
});

describe("the validation report", () => {
  it("names who agreed and confirmed, the outcome, the validator and the minutes", async () => {
    const leader = await as(
      world.people.schoolLeader.id,
      `/evaluations/${world.evaluation.id}/validation`,
    );
    const answer = await ask(leader, { kind: "validation", subjectId: validation.id });
    expect(answer.status).toBe(303);
    const text = (await pdfText(await download(leader, answer.jobId!))).replace(/\s+/g, " ");
    expect(text).toContain("Agreed: Expected standard");
    expect(text).toContain("Plans are reviewed, not yet consistently");
    expect(text).toContain(`Confirmed by ${world.people.schoolLeader.name}`);
    expect(text).toContain(`Agreed by ${world.people.validator.name}`);
    expect(text).toContain("Validated");
    expect(text).toContain(`Validator: ${world.people.validator.name}`);
    expect(text).toContain("the meeting does not record who observed it");
    expect(text).toContain(MINUTES);
  });

  it("is offered on the meeting page, and a 404 for people who may not read the validation", async () => {
    const validator = await as(world.people.validator.id, `/validations/${validation.id}/meeting`);
    const page = await validator.get(`/validations/${validation.id}/meeting`);
    expect(page.html).toContain("Download validation report (PDF)");
    const answer = await ask(validator, { kind: "validation", subjectId: validation.id });
    expect(answer.status).toBe(303);
    await download(validator, answer.jobId!);
    for (const userId of [world.people.otherStaff.id, strangers.unassignedValidator]) {
      const http = await as(userId);
      const refused = await ask(
        http,
        { kind: "validation", subjectId: validation.id },
        "0123456789abcdef01234568",
      );
      expect(refused.status, userId).toBe(404);
    }
  });
});

describe("the trust overview report", () => {
  it("holds the schools' names and levels, in words of support, for trust leaders and admins", async () => {
    for (const userId of [world.people.trustLeader.id, world.people.trustAdmin.id]) {
      const http = await as(userId, `/cycles/${cycleId}`);
      expect((await http.get(`/cycles/${cycleId}`)).html).toContain(
        "Download trust overview report (PDF)",
      );
      const answer = await ask(http, { kind: "trust", subjectId: cycleId });
      expect(answer.status).toBe(303);
      const text = (await pdfText(await download(http, answer.jobId!))).replace(/\s+/g, " ");
      expect(text).toContain(world.school.name);
      expect(text).toContain("Trust overview report");
      expect(text).toContain("Inclusion");
      expect(text).not.toMatch(/\b(rank|ranked|ranking|league|worst|best|failing|bottom|top)\b/i);
    }
  });

  it("is a 404 for school leaders, staff and validators", async () => {
    for (const userId of [
      world.people.schoolLeader.id,
      world.people.staff.id,
      world.people.validator.id,
      strangers.otherTrustAdmin,
    ]) {
      const http = await as(userId);
      const answer = await ask(
        http,
        { kind: "trust", subjectId: cycleId },
        "0123456789abcdef01234569",
      );
      expect(answer.status, userId).toBe(404);
    }
  });

  it("says what the heat map and Stack pages say: not applicable, partly judged, not judged yet", async () => {
    const trust = await buildTrust();
    const primary = await buildSchool(trust, {
      name: "Hillcrest Primary School",
      hasEarlyYears: true,
      hasSixthForm: false,
    });
    const secondary = await buildSchool(trust, {
      name: "Oakfield Academy",
      phase: "secondary",
      hasEarlyYears: false,
      hasSixthForm: true,
    });
    const leader = await buildUser("trustLeader", trust);
    const version = await buildStarterFramework(trust);
    const { cycles } = await seedInsight({
      version,
      schools: [primary, secondary],
      cycleNames: ["Spring 2027"],
      createdBy: leader.id,
      judge: ({ school, area, scale, criterionId }) => {
        // Each school judges what applies to it; Hillcrest half of Inclusion, none of Achievement.
        if (area.appliesTo === "earlyYears" && school.id !== primary.id) return {};
        if (area.appliesTo === "sixthForm" && school.id !== secondary.id) return {};
        if (school.id === primary.id && ["incl-3", "incl-4"].includes(criterionId)) return {};
        if (school.id === primary.id && area.id === "achievement") return {};
        return { self: levelAt(scale, 2) };
      },
    });
    const cycle = cycles[0].id;
    const http = await as(leader.id, `/insight/heat-map?cycle=${cycle}`);
    const heatPage = (await http.get(`/insight/heat-map?cycle=${cycle}`)).html;
    const stackPage = (await http.get(`/insight/stack?cycle=${cycle}`)).html;
    const answer = await ask(http, { kind: "trust", subjectId: cycle });
    const text = (await pdfText(await download(http, answer.jobId!))).replace(/\s+/g, " ");
    const stackText = text.slice(text.indexOf("The Stack: how many schools sit at each level"));
    const heatText = text.slice(0, text.indexOf("The Stack: how many schools sit at each level"));

    // The heat map: Hillcrest's sixth form and Oakfield's early years do not apply.
    const notApplicable = heatPage.match(/<td class="heat-cell heat-na">Not applicable<\/td>/g);
    expect(notApplicable).toHaveLength(2);
    expect(heatText.match(/Not applicable/g)).toHaveLength(2);
    expect(text).not.toContain("Not yet placed");
    // Hillcrest's Inclusion rests on 2 of its 4 criteria; its Achievement is not judged yet.
    expect(heatPage).toContain('<span class="heat-partial">2 of 4 judged</span>');
    expect(heatText).toContain("2 of 4 judged");
    expect(heatPage).toContain(">Not judged yet<");
    expect(heatText.match(/Not judged yet/g)).toHaveLength(1);

    // The Stack: the same note, and the schools it does not apply to are in no count.
    const notes = [...stackPage.matchAll(/<p class="muted">(Not applicable at [^<]*)<\/p>/g)];
    expect(notes.map((m) => m[1])).toEqual([
      "Not applicable at 1 of the 2 schools.",
      "Not applicable at 1 of the 2 schools.",
    ]);
    for (const area of ["Early years", "Sixth form"]) {
      const from = stackText.indexOf(`${area} Not applicable at 1 of the 2 schools.`);
      expect(from, area).toBeGreaterThan(0);
      const section = stackText.slice(from, stackText.indexOf(`${area} overall`, from) + 200);
      expect(section, area).toContain("Expected standard 1");
      expect(section, area).not.toMatch(/judged/i);
    }
    // Achievement: one school at Expected standard, one not judged yet, as on the page.
    expect(stackText).toContain("Expected standard 1 · Not judged yet 1");
    expect(stackText).not.toContain("not yet judged");

    // Inclusion: Hillcrest is counted at Expected standard on 2 of its 4 criteria, named as on
    // the Stack page, and its count says so.
    const partly =
      "1 school's level for the area rests on some of its criteria only: Hillcrest Primary School (2 of 4 judged).";
    expect(stackPage.replace(/&#x27;/g, "'")).toContain(partly);
    expect(stackText).toContain(partly);
    expect(stackText).toContain("Expected standard 2 (1 partly judged)");
    expect(stackText.match(/rests? on some of (its|their) criteria only/g)).toHaveLength(1);
  });

  describe("counting whose judgement the page showed", () => {
    // Hillcrest judged itself at the expected level and was agreed Strong in Inclusion;
    // Oakfield judged itself as needing attention and has nothing agreed yet.
    let leader: string;
    let cycle: string;

    beforeAll(async () => {
      const trust = await buildTrust();
      const hillcrest = await buildSchool(trust, { name: "Hillcrest Primary School" });
      const oakfield = await buildSchool(trust, { name: "Oakfield Academy" });
      leader = (await buildUser("trustLeader", trust)).id;
      const version = await buildStarterFramework(trust);
      const { cycles } = await seedInsight({
        version,
        schools: [hillcrest, oakfield],
        cycleNames: ["Summer 2027"],
        createdBy: leader,
        judge: ({ schoolIndex, area, scale }) => {
          if (scale.levels.length === 2) return { self: "met" };
          if (schoolIndex === 1) return { self: levelAt(scale, 1) };
          return {
            self: levelAt(scale, 2),
            agreed: area.id === "inclusion" ? levelAt(scale, 3) : null,
          };
        },
      });
      cycle = cycles[0].id;
    });

    it("carries the basis from the page, says which it used, and counts by it", async () => {
      const http = await as(leader, `/insight/stack?cycle=${cycle}&source=agreed`);
      for (const view of ["/insight", "/insight/stack", "/insight/heat-map"]) {
        const page = (await http.get(`${view}?cycle=${cycle}&source=agreed`)).html;
        expect(page, view).toContain(
          `name="requestId" value="${http.requestId}"/><input type="hidden" name="source" value="agreed"/>`,
        );
      }
      const texts: Record<string, string> = {};
      const names: Record<string, string | null | undefined> = {};
      for (const source of ["self", "agreed", "latest"]) {
        const answer = await ask(http, { kind: "trust", subjectId: cycle, source });
        expect(answer.status, source).toBe(303);
        texts[source] = (await pdfText(await download(http, answer.jobId!))).replace(/\s+/g, " ");
        names[source] = (await ReportJobModel.findById(answer.jobId).lean())?.fileName;
      }

      expect(texts.agreed).toContain("Whose judgement counts Agreed in validation");
      // The heat map's explanation speaks of agreement too, as its cells do.
      expect(texts.agreed).toContain("A note such as “2 of 4 agreed” under a level");
      expect(texts.self).toContain("A note such as “2 of 4 judged” under a level");
      expect(texts.agreed).toContain("Not agreed yet");
      expect(texts.agreed).not.toContain("Needs attention");
      expect(texts.agreed).toContain(
        "Hillcrest Primary School: Inclusion, Strong standard (agreed 3 Mar 2027)",
      );
      // Nothing of Oakfield's is agreed: nobody needs support by agreed judgements.
      expect(texts.agreed).toContain("No pairing to suggest by agreed judgements");

      expect(texts.self).toContain("Whose judgement counts The school's self-evaluation");
      expect(texts.self).not.toContain("Strong standard");
      expect(texts.self).not.toContain("Not agreed yet");
      expect(texts.self).toContain("No centre of expertise by the schools' self-evaluations yet");

      expect(texts.latest).toContain(
        "Whose judgement counts Latest available (agreed where there is one)",
      );
      expect(texts.latest).toContain(
        "Hillcrest Primary School is Strong standard in Inclusion (agreed 3 Mar 2027); Oakfield Academy's Inclusion is Needs attention",
      );

      expect(names.agreed).toMatch(/ - Summer 2027 - agreed judgements\.pdf$/);
      expect(names.self).toMatch(/ - Summer 2027 - self-evaluations\.pdf$/);
    });

    it("makes one job for a double-click, for the basis asked", async () => {
      const http = await as(leader, `/insight/stack?cycle=${cycle}&source=self`);
      const answers = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          ask(http, { kind: "trust", subjectId: cycle, source: "self" }),
        ),
      );
      const ids = new Set(answers.map((a) => a.jobId));
      expect(ids.size).toBe(1);
      const [jobId] = [...ids];
      expect(await ReportJobModel.countDocuments({ requestKey: new RegExp(http.requestId) })).toBe(
        1,
      );
      expect((await ReportJobModel.findById(jobId).lean())?.source).toBe("self");
      await download(http, jobId!);
    });

    it("refuses a basis that is not one, next to the field, never a 500", async () => {
      const http = await as(leader, `/insight/stack?cycle=${cycle}`);
      for (const source of ["everyone", "SELF"]) {
        const answer = await ask(http, { kind: "trust", subjectId: cycle, source });
        expect(answer.status, source).toBe(400);
        expect(answer.html, source).toContain("Choose whose judgement the report counts.");
      }
      // The cycle's own page offers no choice: the latest available, as before.
      const plain = await ask(http, { kind: "trust", subjectId: cycle });
      expect(plain.status).toBe(303);
      expect((await ReportJobModel.findById(plain.jobId).lean())?.source).toBe("latest");
    });
  });
});

describe("the report's own page", () => {
  it("shows progress while the report is made, then a download link", async () => {
    const staff = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    const answer = await ask(staff, { kind: "evaluation", subjectId: world.evaluation.id });
    await download(staff, answer.jobId!);
    const page = await staff.get(`/reports/${answer.jobId}`);
    expect(page.status).toBe(200);
    const visible = page.html.replace(/<script[\s\S]*?<\/script>/g, "");
    expect(visible).toContain("Your report is ready");
    expect(visible).toContain(`/reports/${answer.jobId}/download`);
    expect((await staff.get("/reports")).html).toContain(world.school.name);
  });

  it("shows the stage and a progress bar while a report is being made", async () => {
    const { job } = await requestReportJob({
      trustId: world.trust.id,
      kind: "evaluation",
      subjectId: world.evaluation.id,
      version: "now",
      requestedBy: world.people.staff.id,
      requestId: "aaaaaaaaaaaaaaaaaaaaaaaa",
    });
    await ReportJobModel.updateOne(
      { _id: job.id },
      { $set: { status: "running", stage: "Laying out the pages", progress: 0.4 } },
    );
    const staff = await as(world.people.staff.id);
    const page = await staff.get(`/reports/${job.id}`);
    const visible = page.html.replace(/<script[\s\S]*?<\/script>/g, "");
    expect(visible).toContain("Preparing your report");
    expect(visible).toMatch(/<progress[^>]*max="1"[^>]*value="0.4"/);
    expect(visible).toContain("Laying out the pages…");
    expect(visible).toContain("Check again");

    // Its server stopped (no news for minutes): the person is told, and can ask again.
    await ReportJobModel.updateOne(
      { _id: job.id },
      { $set: { updatedAt: new Date(Date.now() - 10 * 60_000) } },
    );
    const stalled = (await staff.get(`/reports/${job.id}`)).html;
    expect(stalled).toContain("The report could not be made");
    expect(stalled).toContain("Ask for it again.");
  });

  it("forgets reports after a day, PDFs included", async () => {
    const staff = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    const answer = await ask(staff, { kind: "evaluation", subjectId: world.evaluation.id });
    await download(staff, answer.jobId!);
    await ReportJobModel.updateOne(
      { _id: answer.jobId },
      { $set: { createdAt: new Date(Date.now() - 25 * 60 * 60_000) } },
    );
    expect((await staff.get(`/reports/${answer.jobId}`)).status).toBe(404);
    expect(await expireReportJobs()).toBeGreaterThanOrEqual(1);
    expect(await ReportJobModel.countDocuments({ _id: answer.jobId })).toBe(0);
  });

  it("answers a form that is not one of its reports with a message, never a 500", async () => {
    const staff = await as(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    const answer = await ask(staff, { kind: "payroll", subjectId: world.evaluation.id });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain("Choose a report.");
    const noId = await staff.post("/reports", {
      kind: "evaluation",
      subjectId: world.evaluation.id,
      requestId: "",
    });
    expect(noId.status).toBe(400);
  });
});

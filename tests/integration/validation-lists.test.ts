import { describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";
import { ensureCycle } from "../../models/cycle/cycle.ts";
import {
  EvaluationModel,
  startEvaluation,
  type Evaluation,
} from "../../models/evaluation/evaluation.ts";
import { ensureStarterFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { assignValidators } from "../../server/commands/assign-validators.ts";
import { recordOutcome } from "../../server/commands/record-outcome.ts";
import { scheduleMeeting } from "../../server/commands/schedule-meeting.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildStarterFramework } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { cookieFor } from "../support/sessions.ts";
import { useWorldAndServer, type World } from "../support/world-and-server.ts";

// The lists people start from: the trust admin's way to a submitted evaluation that has no
// validator yet, a headteacher's award after accreditation, and a finished validation's meeting.

useTestDatabase();
const the = useWorldAndServer();

/** What a page shows as text (loader data copied into scripts left out). */
async function pageText(userId: string, path: string): Promise<{ text: string; html: string }> {
  const http = new HttpSession(the.server.url);
  http.setCookie(await cookieFor(userId));
  const { status, html } = await http.get(path);
  expect(status, path).toBe(200);
  const page = html.replace(/<script[\s\S]*?<\/script>/g, "");
  const text = page
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
  return { text, html: page };
}

async function ctxOf(userId: string) {
  return { actor: (await loadActor(userId))!, collab: the.server.collab };
}

/** The team judges one criterion and the school's leader submits. */
async function submit(world: World, evaluation: Evaluation) {
  const [criterionId, levels] = Object.entries(evaluation.levelsByCriterion)[0];
  await the.server.collab.change(documentName("evaluation", evaluation.id), (doc) =>
    setJudgement(doc, criterionId, levels[0]),
  );
  await submitEvaluation(await ctxOf(world.people.schoolLeader.id), {
    evaluationId: evaluation.id,
    basedOn: "none",
  });
}

describe("a submitted evaluation waiting for a validator", () => {
  it("is listed for the trust admin on /validations, the cycle and home, with the way to assign one", async () => {
    const { world } = the;
    const { admin, leader, validator, head } = {
      admin: world.people.trustAdmin.id,
      leader: world.people.trustLeader.id,
      validator: world.people.validator.id,
      head: world.people.schoolLeader.id,
    };
    const version = await buildStarterFramework(world.trust);
    const { cycle } = await ensureCycle(version, {
      name: "Autumn 2026",
      dueDate: null,
      createdBy: admin,
    });
    await EvaluationModel.updateOne({ _id: world.evaluation.id }, { $set: { cycleId: cycle.id } });
    const assign = `/evaluations/${world.evaluation.id}/validation#assign-heading`;

    // Nothing submitted yet: an empty state that says what will appear.
    const before = await pageText(admin, "/validations");
    expect(before.text).toContain("Waiting for a validator");
    expect(before.text).toContain("No submitted evaluation is waiting for a validator.");
    expect((await pageText(admin, `/cycles/${cycle.id}`)).text).toContain("Not submitted yet");

    await submit(world, world.evaluation);

    const waiting = await pageText(admin, "/validations");
    expect(waiting.text).toContain(`${world.school.name}: ${world.evaluation.title}`);
    expect(waiting.text).toContain(version.content.name);
    expect(waiting.text).toMatch(/Submitted \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d/);
    expect(waiting.html).toContain(`href="${assign}"`);
    expect(waiting.text).toContain(`Assign a validator for ${world.school.name}`);
    expect(waiting.text).not.toContain("No submitted evaluation is waiting for a validator.");

    const cyclePage = await pageText(admin, `/cycles/${cycle.id}`);
    expect(cyclePage.text).toContain("Validator");
    expect(cyclePage.text).toContain("Waiting for a validator");
    expect(cyclePage.html).toContain(`href="${assign}"`);

    const adminHome = await pageText(admin, "/home");
    expect(adminHome.text).toContain("Waiting for a validator.");
    expect(adminHome.html).toContain(`href="${assign}"`);
    expect((await pageText(head, "/home")).text).toContain(
      "Waiting for the trust to assign a validator.",
    );

    // Only those who may assign validators are offered it.
    for (const person of [leader, validator]) {
      const page = await pageText(person, "/validations");
      expect(page.text).not.toContain("Waiting for a validator");
      expect(page.html).not.toContain(assign);
    }
    const leaderCycle = await pageText(leader, `/cycles/${cycle.id}`);
    expect(leaderCycle.text).toContain("Waiting for a validator");
    expect(leaderCycle.html).not.toContain(assign);

    // Once assigned, it leaves the group; the cycle names the validator.
    await assignValidators(await ctxOf(admin), {
      evaluationId: world.evaluation.id,
      validatorIds: [validator],
    });
    const assigned = await pageText(admin, "/validations");
    expect(assigned.text).toContain("No submitted evaluation is waiting for a validator.");
    expect(assigned.html).not.toContain(assign);
    const named = await pageText(admin, `/cycles/${cycle.id}`);
    expect(named.text).toContain(world.people.validator.name);
    expect(named.html).not.toContain(assign);
  });
});

describe("after the outcome is recorded", () => {
  it("says the outcome instead of offering the meeting's call, and home keeps the school's award", async () => {
    const { world } = the;
    const admin = world.people.trustAdmin.id;
    const validator = world.people.validator.id;
    const head = world.people.schoolLeader.id;
    const mark = await ensureStarterFramework(
      world.trust.id,
      "inclusion-excellence",
      inclusionExcellence,
    );
    const evaluation = await startEvaluation(world.school, mark, {
      title: "Inclusion Excellence 2026–27",
      createdBy: head,
    });
    await submit(world, evaluation);
    const validation = await assignValidators(await ctxOf(admin), {
      evaluationId: evaluation.id,
      validatorIds: [validator],
    });
    // The meeting is set for a day still to come; the outcome is recorded before it.
    await scheduleMeeting(await ctxOf(validator), {
      validationId: validation.id,
      scheduledAt: `${new Date().getFullYear() + 1}-12-10T14:00`,
      videoLink: "https://meet.example.org/inclusion-validation",
      agendaCriterionIds: [],
    });
    const upcoming = await pageText(validator, "/validations");
    expect(upcoming.text).toContain("Join the video call");

    const { award } = await recordOutcome(await ctxOf(validator), {
      validationId: validation.id,
      result: "accredited",
      startDate: new Date().toISOString().slice(0, 10),
      reason: "Strong, consistent evidence across every area seen in the meeting.",
      basedOn: "0",
    });
    expect(award).not.toBeNull();

    for (const person of [validator, admin]) {
      for (const path of ["/validations", "/home"]) {
        const page = await pageText(person, path);
        expect(page.text, `${path} as ${person}`).not.toContain("Join the video call");
        expect(page.text, `${path} as ${person}`).not.toMatch(/Meeting: \w+day/);
      }
      const list = await pageText(person, "/validations");
      expect(list.text).toMatch(/Outcome: Accredited on \d{1,2} [A-Z][a-z]+ \d{4}/);
    }

    // The school moves on to its next self-evaluation; home still shows what it achieved.
    const home = await pageText(head, "/home");
    expect(home.text).toContain(world.evaluation.title);
    expect(home.text).toContain("Awards held");
    expect(home.text).toContain(award!.frameworkName);
    expect(home.text).toMatch(/Valid until \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(home.html).toContain(`href="/awards/${award!.id}/certificate"`);
  });
});

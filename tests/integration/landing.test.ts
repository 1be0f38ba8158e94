import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Award } from "../../models/award/award.ts";
import { formatMeetingTime } from "../../models/dates.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildAward, buildUser, buildValidation, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Every role lands somewhere useful (issue 9): validators on their validations and next
// meeting, schools on their awards, and breadcrumbs only where the reader may go.
useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let current: Award;
let past: Award;
const meetingAt = new Date(Date.now() + 3 * 24 * 3600_000);
const VIDEO = "https://meet.example.org/riverside-validation";

async function page(userId: string, path: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  const answer = await http.get(path);
  // Remix copies loader data into scripts: look only at what the page shows.
  return { ...answer, shown: answer.html.replace(/<script[\s\S]*?<\/script>/g, "") };
}

beforeAll(async () => {
  world = await buildWorld();
  validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  await saveMeetingSchedule(
    validation,
    { scheduledAt: meetingAt, videoLink: VIDEO, agendaCriterionIds: [] },
    Object.keys(world.evaluation.levelsByCriterion),
    world.people.validator.id,
  );
  const award = (startDate: string, expiryDate: string) =>
    buildAward({
      trustId: world.trust.id,
      schoolId: world.school.id,
      evaluationId: world.evaluation.id,
      validationId: validation.id,
      frameworkId: world.evaluation.frameworkId,
      frameworkName: "Inclusion Excellence",
      tier: null,
      startDate,
      expiryDate,
    });
  // A corrected outcome: the first award is superseded by the second (same validation).
  past = await award("2026-01-10", "2029-01-10");
  current = await award("2026-02-10", "2029-02-10");
  server = await startTestServer();
});
afterAll(() => server.close());

describe("a validator", () => {
  it("lands on their validations with the next meeting's time (UK) and the ways to join", async () => {
    const home = await page(world.people.validator.id, "/home");
    expect(home.status).toBe(200);
    expect(home.shown).not.toContain("not a member of any school");
    expect(home.shown).toMatch(/<h1[^>]*>Your validations<\/h1>/);
    expect(home.shown).toContain("Next meeting");
    expect(home.shown).toContain(formatMeetingTime(meetingAt));
    expect(home.shown).toContain(`href="/validations/${validation.id}/meeting"`);
    expect(home.shown).toContain(`href="${VIDEO}"`);
    expect(home.shown).toContain(`${world.school.name}: ${world.evaluation.title}`);
    // One menu item for them, not "Your validations" and "Validations" side by side.
    const menu = /<nav aria-label="Main">.*?<\/nav>/s.exec(home.shown)![0];
    expect(menu.match(/href="\/(home|validations)"/g)).toEqual(['href="/home"']);
  });

  it("sees each validation's school, evaluation, status, meeting date and links in the list", async () => {
    const list = await page(world.people.validator.id, "/validations");
    expect(list.status).toBe(200);
    expect(list.shown).toContain(`${world.school.name}: ${world.evaluation.title}`);
    // Nobody has worked in it yet: "Not started", as the school's own page says.
    expect(list.shown).toContain('<span class="badge">Not started</span>');
    expect(list.shown).toContain(formatMeetingTime(meetingAt));
    expect(list.shown).toContain(`href="/evaluations/${world.evaluation.id}/validation"`);
    expect(list.shown).toContain(`href="/validations/${validation.id}/meeting"`);
    expect(list.shown).toContain(`href="${VIDEO}"`);
  });

  it("is told plainly when nothing is assigned yet", async () => {
    const newcomer = await buildUser("validator", world.trust);
    const home = await page(newcomer.id, "/home");
    expect(home.status).toBe(200);
    expect(home.shown).toContain("No evaluation is assigned to you yet");
    expect(home.shown).not.toContain("not a member of any school");
  });

  it("gets breadcrumbs without a link to the school page they may not open", async () => {
    const schoolLink = `href="/schools/${world.school.id}"`;
    for (const path of [
      `/evaluations/${world.evaluation.id}`,
      `/evaluations/${world.evaluation.id}/actions`,
      `/evaluations/${world.evaluation.id}/history`,
    ]) {
      const asValidator = await page(world.people.validator.id, path);
      expect(asValidator.status).toBe(200);
      expect(asValidator.shown).toContain(world.school.name);
      expect(asValidator.shown).not.toContain(schoolLink);
      expect((await page(world.people.validator.id, `/schools/${world.school.id}`)).status).toBe(
        404,
      );
      const asStaff = await page(world.people.staff.id, path);
      expect(asStaff.shown).toContain(schoolLink);
    }
  });
});

describe("a school", () => {
  it("sees its next validation meeting on its home card", async () => {
    const home = await page(world.people.schoolLeader.id, "/home");
    expect(home.shown).toContain("Validation meeting:");
    expect(home.shown).toContain(formatMeetingTime(meetingAt));
    expect(home.shown).toContain(`href="/validations/${validation.id}/meeting"`);
  });

  it("finds its awards, current and past, with certificates, on its school page", async () => {
    const school = await page(world.people.staff.id, `/schools/${world.school.id}`);
    expect(school.status).toBe(200);
    expect(school.shown).toMatch(/<h2[^>]*>Awards<\/h2>/);
    expect(school.shown).toContain(`href="/awards/${current.id}/certificate"`);
    expect(school.shown).toContain(`href="/awards/${past.id}/certificate"`);
    expect(school.shown).toContain("View certificate");
    expect(school.shown).toContain("Current");
    expect(school.shown).toContain("Superseded");
  });

  it("sees the award on the evaluation that earned it; readers who may not see awards do not", async () => {
    const evaluation = await page(world.people.staff.id, `/evaluations/${world.evaluation.id}`);
    expect(evaluation.shown).toContain("Award:");
    expect(evaluation.shown).toContain(`href="/awards/${current.id}/certificate"`);
    expect(evaluation.shown).not.toContain(`href="/awards/${past.id}/certificate"`);
    const asValidator = await page(
      world.people.validator.id,
      `/evaluations/${world.evaluation.id}`,
    );
    expect(asValidator.shown).not.toContain("/certificate");
  });

  it("with no award yet, says how one comes", async () => {
    const school = await page(world.people.otherStaff.id, `/schools/${world.otherSchool.id}`);
    expect(school.shown).toContain("No awards yet.");
    expect(school.shown).not.toContain("View certificate");
  });
});

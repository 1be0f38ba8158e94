import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import {
  pathOf,
  signInWithCode,
  signedInPage,
  signedOutPage,
  useBrowser,
} from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { TEST_PASSWORD, buildAward, buildValidation, buildWorld } from "../support/factories.ts";
import { ensureSecondFactor } from "../support/second-factor.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
// 10:00 UK time (winter) on a day well ahead.
const MEETING = new Date("2030-03-05T10:00:00Z");

beforeAll(async () => {
  world = await buildWorld();
  validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  await saveMeetingSchedule(
    validation,
    { scheduledAt: MEETING, videoLink: "https://meet.example.org/v", agendaCriterionIds: [] },
    Object.keys(world.evaluation.levelsByCriterion),
    world.people.validator.id,
  );
  await buildAward({
    trustId: world.trust.id,
    schoolId: world.school.id,
    evaluationId: world.evaluation.id,
    validationId: validation.id,
    frameworkId: world.evaluation.frameworkId,
    frameworkName: "Inclusion Excellence",
    tier: null,
    startDate: "2026-09-01",
    expiryDate: "2029-09-01",
  });
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("where each role lands", () => {
  it("takes a validator from sign-in to their validations, with the next meeting and its links", async () => {
    await ensureSecondFactor(world.people.validator.id);
    const page = await signedOutPage();
    await page.goto(`${server.url}/sign-in`);
    await signInWithCode(page, world.people.validator.email, TEST_PASSWORD);
    expect(pathOf(page)).toBe("/home");
    await page.getByRole("heading", { level: 1, name: "Your validations" }).waitFor();
    const next = page.locator(".next-meeting");
    await next.getByText("Tuesday 5 March 2030 at 10:00 (UK time)").waitFor();
    expect(
      await next
        .getByRole("link", { name: `Meeting page for ${world.school.name}` })
        .getAttribute("href"),
    ).toBe(`/validations/${validation.id}/meeting`);
    expect(
      await next
        .getByRole("link", {
          name: `Join the video call for ${world.school.name} (opens in a new tab)`,
        })
        .getAttribute("href"),
    ).toBe("https://meet.example.org/v");
    // Their preparation (schedule, pre-review, agenda) is one step from here too.
    expect(
      await next
        .getByRole("link", { name: `Before the meeting with ${world.school.name}` })
        .getAttribute("href"),
    ).toBe(`/validations/${validation.id}/prepare`);
    expect(await page.getByText("not a member of any school").count()).toBe(0);

    // The school is not theirs to open: the evaluation's breadcrumb names it without a link.
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}`);
    await page.getByRole("heading", { level: 1, name: world.evaluation.title }).waitFor();
    await page.getByText(world.school.name, { exact: true }).first().waitFor();
    expect(await page.getByRole("link", { name: world.school.name }).count()).toBe(0);
  });

  it("shows a school its award on the evaluation and its school page, each linking the certificate", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}`);
    const notice = page.getByRole("note", { name: "Award" });
    await notice.getByText("Award: Inclusion Excellence").waitFor();
    await notice.getByRole("link", { name: "View certificate for Inclusion Excellence" }).click();
    await page.getByRole("article", { name: "Certificate of accreditation" }).waitFor();

    await page.goto(`${server.url}/schools/${world.school.id}`);
    const awards = page.getByRole("region", { name: "Awards" });
    await awards.getByRole("heading", { name: "Inclusion Excellence" }).waitFor();
    await awards.getByText("Current").waitFor();
    await awards.getByRole("link", { name: "View certificate for Inclusion Excellence" }).waitFor();
  });
});

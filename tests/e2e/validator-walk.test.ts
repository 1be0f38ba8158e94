import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, preloadAxe, settle } from "../support/axe.ts";
import { allowBrowserConsoleError, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import {
  buildAward,
  buildStarterFramework,
  buildValidation,
  buildWorld,
} from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// A validator's first walk: the agenda's ticks on the page before the meeting survive a reload,
// the meeting's date is kept to the next two years, the menu and the breadcrumbs say where they
// go, the certificate of the award they gave opens, and a GET of the submit address goes on.

useTestDatabase();
useBrowser();

let server: AppServer;
const KEPT = { id: "sg-1", code: "1.1" };
const DIFFERING = { id: "incl-1", code: "2.1", area: "Inclusion" };
const PHONE = { width: 390, height: 844 };
const SLOW = { timeout: 30_000 };

/** A world with its validator assigned, the meeting scheduled or not. */
async function validationWorld(agenda: string[] | null) {
  const world = await buildWorld();
  const validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  if (agenda)
    await saveMeetingSchedule(
      validation,
      {
        scheduledAt: new Date(Date.now() + 7 * 86_400_000),
        videoLink: "https://meet.example.org/walk",
        agendaCriterionIds: agenda,
      },
      Object.keys(world.evaluation.levelsByCriterion),
      world.people.validator.id,
    );
  return { world, validation };
}

/** `userId`'s page at `path`, scripts running, axe ready. */
async function open(userId: string, path: string, viewport = PHONE): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await preloadAxe(page.context());
  await page.setViewportSize(viewport);
  // Leaving with the agenda unsaved asks first (use-warn-unsent.ts): a reload here means it.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${server.url}${path}`, SLOW);
  await page.waitForLoadState("networkidle", SLOW);
  return page;
}

const preparePath = (validation: Validation) => `/validations/${validation.id}/prepare`;

/** The folded area's summary line ("4 criteria, 1 on the agenda, 1 differs …"). */
const areaSummary = (page: Page, title: string) =>
  page
    .locator("details.pre-review-area")
    .filter({ has: page.getByRole("heading", { name: title, exact: true }) })
    .locator("summary");

/** Each breadcrumb trail on the page as its text (steps and their "/" separators, unspaced). */
const trails = (page: Page) =>
  page
    .getByRole("navigation", { name: "Breadcrumb" })
    .evaluateAll((navs) => navs.map((nav) => (nav.textContent ?? "").replace(/\s+/g, " ").trim()));

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("the agenda on the page before a scheduled meeting", () => {
  it("keeps a differing judgement's tick through a reload, and the next save keeps it", async () => {
    const { validation } = await validationWorld([KEPT.id]);
    const page = await open(validation.validatorIds[0], preparePath(validation));
    const summary = areaSummary(page, DIFFERING.area);
    if ((await summary.locator("xpath=..").getAttribute("open")) === null) await summary.click();
    const choice = page.getByRole("combobox", {
      name: `Provisional judgement for ${DIFFERING.code}`,
    });
    await choice.selectOption({ label: "Strong standard" });
    await choice
      .locator("xpath=ancestor::form")
      .getByRole("status")
      .filter({ hasText: "Saved" })
      .waitFor(SLOW);
    const tick = page.getByRole("checkbox", { name: `${DIFFERING.code} on the agenda` });
    await expect.poll(() => tick.isChecked(), SLOW).toBe(true);

    await page.reload(SLOW);
    await page.waitForLoadState("networkidle", SLOW);
    // Still ticked, its area open and counted, and the page says it is not saved yet.
    expect(await tick.isChecked()).toBe(true);
    expect(await summary.textContent()).toContain(
      "4 criteria, 1 on the agenda, 1 differs from the school's judgement",
    );
    await page.getByText("The agenda has changes that are not saved yet.").waitFor();
    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);

    await page.getByRole("button", { name: "Save the schedule and agenda" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "The meeting is scheduled, with 2 criteria on the agenda." })
      .waitFor(SLOW);
    await page.reload(SLOW);
    await page.waitForLoadState("networkidle", SLOW);
    expect(await tick.isChecked()).toBe(true);
    expect(
      await page.getByRole("checkbox", { name: `${KEPT.code} on the agenda` }).isChecked(),
    ).toBe(true);
    expect(await page.getByText("The agenda has changes that are not saved yet.").count()).toBe(0);
  });
});

describe("the meeting's date and an empty agenda", () => {
  it("refuses year 9999 beside the field, and says plainly when no criterion is on the agenda", async () => {
    const { validation } = await validationWorld(null);
    const page = await open(validation.validatorIds[0], preparePath(validation));
    const when = page.getByLabel("Date and time (UK time)");
    await when.fill("9999-12-31T10:00");
    await page.getByLabel("Video call link").fill("https://meet.example.org/walk");
    allowBrowserConsoleError(/status of 400/);
    await page.getByRole("button", { name: "Save the schedule", exact: true }).click();
    await page
      .getByText(/^The date must be within the next 2 years: .* at the latest$/)
      .waitFor(SLOW);
    expect(await when.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await when.getAttribute("aria-describedby")) ?? "";
    const described = await page.evaluate(
      (ids) => ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? ""),
      describedBy,
    );
    expect(described.join(" ")).toContain("The date must be within the next 2 years");
    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);

    // A date next week, nothing ticked: saved, and said plainly.
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await when.fill(`${nextWeek}T10:00`);
    await page.getByRole("button", { name: "Save the schedule", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "The meeting is scheduled, but no criteria are on the agenda" })
      .waitFor(SLOW);
    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);
  });
});

describe("a validator's menu and breadcrumbs", () => {
  it("names the menu item for the validations it opens", async () => {
    const { world } = await validationWorld([KEPT.id]);
    const validator = world.people.validator.id;
    const page = await open(validator, "/home", { width: 1280, height: 900 });
    const menu = page.getByRole("navigation", { name: "Main" });
    await menu.getByRole("link", { name: "Your validations", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Your validations" }).waitFor(SLOW);
    expect(await menu.getByRole("link", { name: "Schools", exact: true }).count()).toBe(0);
    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);
  });

  it("ends no breadcrumb trail in a separator", async () => {
    const { world, validation } = await validationWorld([KEPT.id]);
    const page = await open(world.people.validator.id, "/home", { width: 1280, height: 900 });
    for (const path of [preparePath(validation), `/evaluations/${world.evaluation.id}`]) {
      await page.goto(`${server.url}${path}`, SLOW);
      await page.getByRole("navigation", { name: "Breadcrumb" }).first().waitFor(SLOW);
      const read = await trails(page);
      expect(read.length, path).toBeGreaterThan(0);
      for (const trail of read) expect(trail, path).not.toMatch(/\/$/);
    }
    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);
  });
});

describe("the certificate of the award a validator gave", () => {
  it("opens for them from its address, read-only, with a way back to the validation", async () => {
    const { world, validation } = await validationWorld([KEPT.id]);
    const version = await buildStarterFramework(world.trust);
    const award = await buildAward({
      trustId: world.trust.id,
      schoolId: world.school.id,
      evaluationId: world.evaluation.id,
      validationId: validation.id,
      frameworkId: version.frameworkId,
      frameworkName: "Inclusion Excellence",
      tier: "Gold",
      startDate: "2027-01-15",
      expiryDate: "2030-01-15",
    });
    const page = await open(world.people.validator.id, `/awards/${award.id}/certificate`);
    const certificate = page.getByRole("article", { name: "Certificate of accreditation" });
    await certificate.getByText(world.school.name).waitFor(SLOW);
    await certificate.getByText(award.code, { exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Download PDF" }).isVisible()).toBe(true);
    expect(await page.getByText("Start renewal").count()).toBe(0);
    const trail = page.getByRole("navigation", { name: "Breadcrumb" });
    await trail.getByRole("link", { name: `${world.school.name}: validation meeting` }).waitFor();
    expect(await trails(page)).toEqual([`Validations/${world.school.name}: validation meeting`]);
    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);
  });
});

describe("a GET of the submit address", () => {
  it("goes on to the evaluation page, where submitting happens", async () => {
    const { world } = await validationWorld(null);
    const page = await open(
      world.people.schoolLeader.id,
      `/evaluations/${world.evaluation.id}/submit`,
    );
    expect(new URL(page.url()).pathname).toBe(`/evaluations/${world.evaluation.id}`);
    await page.getByRole("heading", { level: 1, name: world.evaluation.title }).waitFor(SLOW);
    expect(await page.getByText("Method Not Allowed").count()).toBe(0);
    await settle(page, 300, 3000);
    expect(await checkPage(page)).toEqual([]);
  });
});

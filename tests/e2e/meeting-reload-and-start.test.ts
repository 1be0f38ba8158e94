import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import { recordProvisionalJudgement } from "../../models/validation/provisional.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { pressAcrossTakeOver, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// What a first walk of the live meeting met: "Saving…" (and the browser's "leave site?") after
// a reload though nothing was typed, and the validator's provisional judgement withheld from the
// school's open page after the meeting had started.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let meetingPath: string;

const ITEM = { id: "incl-1", code: "2.1" };

async function schedule(scheduledAt: Date) {
  await saveMeetingSchedule(
    validation,
    {
      scheduledAt,
      videoLink: "https://meet.example.org/validation",
      agendaCriterionIds: [ITEM.id],
    },
    Object.keys(world.evaluation.levelsByCriterion),
    world.people.validator.id,
  );
}

beforeAll(async () => {
  world = await buildWorld();
  validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  server = await startTestServer();
  await recordProvisionalJudgement(
    validation,
    { validatorId: world.people.validator.id, criterionId: ITEM.id, level: "strong" },
    world.evaluation.levelsByCriterion[ITEM.id],
  );
  await schedule(new Date(Date.now() - 60_000));
  meetingPath = `/validations/${validation.id}/meeting`;
});

afterAll(async () => {
  await server?.close();
});

async function openMeeting(userId: string): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url + meetingPath);
  await page.getByRole("tab", { name: "Minutes" }).waitFor();
  return page;
}

const saveIndicator = (page: Page) => page.locator(".workspace-bar").getByRole("status");

/** Would leaving the page now raise the browser's "leave site?" prompt? */
const asksBeforeLeaving = (page: Page) =>
  page.evaluate(() => {
    const leaving = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(leaving);
    return leaving.defaultPrevented;
  });

/** Reloads, and says whether the leaving page asked first. */
async function reload(page: Page): Promise<boolean> {
  let asked = false;
  const onDialog = (dialog: { type(): string; accept(): Promise<void> }) => {
    if (dialog.type() === "beforeunload") asked = true;
    void dialog.accept();
  };
  page.on("dialog", onDialog);
  await page.reload();
  page.off("dialog", onDialog);
  await page.getByRole("tab", { name: "Minutes" }).waitFor();
  return asked;
}

describe("reloading the meeting when nothing was typed", () => {
  it("says Saved within seconds and never asks before leaving, after the validator brought everyone to an item", async () => {
    const page = await openMeeting(world.people.validator.id);
    await page.getByRole("button", { name: "Bring everyone to this item" }).click();
    await page.getByText("Everyone is on this item").waitFor();
    await expect.poll(() => saveIndicator(page).textContent(), { timeout: 10_000 }).toBe("Saved");

    for (let round = 0; round < 2; round++) {
      // Leaving right after the click (the page's own edit is saved) asks nothing.
      expect(await reload(page), `round ${round}: leave-page prompt`).toBe(false);
      await expect.poll(() => saveIndicator(page).textContent(), { timeout: 4_000 }).toBe("Saved");
      expect(await asksBeforeLeaving(page), `round ${round}: asks before leaving`).toBe(false);
    }
    expect(await checkPage(page)).toEqual([]);
  });
});

describe("the meeting's start, for the school with the page open", () => {
  it("shows the validator's provisional judgement once the start time passes, without a reload", async () => {
    const startsAt = new Date(Date.now() + 8_000);
    await schedule(startsAt);
    const page = await openMeeting(world.people.schoolLeader.id);
    const card = page
      .getByRole("term")
      .filter({ hasText: "Validator's provisional judgement" })
      .locator("xpath=..");
    await expect.poll(() => card.textContent()).toContain("Shown when the meeting starts");
    await expect.poll(() => page.locator(".meeting-when").textContent()).toMatch(/^Starts /);

    await page.waitForTimeout(Math.max(0, startsAt.getTime() - Date.now()));
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain("Strong standard");
    await expect.poll(() => page.locator(".meeting-when").textContent()).toMatch(/^Started /);
    expect(await checkPage(page)).toEqual([]);
  });
});

describe("the meeting's page as its scripts take over", () => {
  it("a link pressed on the page as served still counts", async () => {
    const page = await signedInPage(server.url, world.people.validator.id);
    await page.setViewportSize({ width: 1280, height: 900 });
    await pressAcrossTakeOver(
      page,
      server.url + meetingPath,
      page.getByRole("link", { name: "Before the meeting: schedule and pre-review" }),
      page.getByRole("tab", { name: "Minutes" }),
    );
    await page.waitForURL(`${server.url}/validations/${validation.id}/prepare`);
  });

  it("keeps the minutes just under the live bar, which replaced its placeholder, as people join", async () => {
    const barHeights = (page: Page) =>
      page.evaluate(() => {
        const root = document.querySelector<HTMLElement>(".meeting-page")!;
        const bar = root.querySelector<HTMLElement>(".workspace-bar")!;
        return { kept: root.style.getPropertyValue("--meeting-bar-height"), bar: bar.offsetHeight };
      });
    const validator = await openMeeting(world.people.validator.id);
    await expect.poll(async () => (await barHeights(validator)).kept).not.toBe("");
    let heights = await barHeights(validator);
    expect(heights.bar).toBeGreaterThan(0);
    expect(heights.kept).toBe(`${heights.bar}px`);

    await openMeeting(world.people.schoolLeader.id);
    await validator.locator(".workspace-bar").getByText(world.people.schoolLeader.name).waitFor();
    heights = await barHeights(validator);
    expect(heights.kept).toBe(`${heights.bar}px`);
  });
});

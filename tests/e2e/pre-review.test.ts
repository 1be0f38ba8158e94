import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, horizontalOverflow, preloadAxe, settle } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// The validator's pre-review before the meeting: on a phone each criterion is a card whose
// controls all fit the screen, and the page says where the agenda's ticks come from.

useTestDatabase();
useBrowser();

let server: AppServer;
const FIRST = { id: "sg-1", code: "1.1" };
const SECOND = { id: "incl-1", code: "2.1" };
const PHONE = { width: 390, height: 844 };

/** A validator assigned to a fresh school's evaluation, on its "Before the meeting" page. */
async function preparePage(options: { agenda: string[] | null }) {
  const world = await buildWorld();
  const validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  if (options.agenda)
    await saveMeetingSchedule(
      validation,
      {
        scheduledAt: new Date(Date.now() + 86_400_000),
        videoLink: "https://meet.example.org/pre-review",
        agendaCriterionIds: options.agenda,
      },
      Object.keys(world.evaluation.levelsByCriterion),
      world.people.validator.id,
    );
  const page = await signedInPage(server.url, world.people.validator.id);
  await preloadAxe(page.context());
  await page.setViewportSize(PHONE);
  await page.goto(`${server.url}/validations/${validation.id}/prepare`);
  await page.waitForLoadState("networkidle");
  return page;
}

/** Where a control is drawn, and whether all of it is inside the viewport's width. */
async function inView(page: Page, control: ReturnType<Page["getByRole"]>) {
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  const width = page.viewportSize()!.width;
  return { box, fits: box !== null && box.x >= 0 && box.x + box.width <= width };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("the pre-review on a phone", () => {
  it("shows each criterion as a card: nothing scrolls sideways, every control is in view and works", async () => {
    const page = await preparePage({ agenda: null });
    const box = page.getByRole("region", { name: "Criteria to pre-review" });
    await box.waitFor();
    expect(await horizontalOverflow(page)).toBeNull();
    const boxWidths = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(boxWidths[0]).toBeLessThanOrEqual(boxWidths[1]);

    for (const { code } of [FIRST, SECOND]) {
      const row = page.getByRole("row").filter({ hasText: code });
      const controls = [
        row.getByRole("combobox", { name: `Provisional judgement for ${code}` }),
        row.getByRole("button", { name: `Save ${code}` }),
        row.getByRole("checkbox", { name: `${code} on the agenda` }),
      ];
      for (const control of controls) {
        const { box: where, fits } = await inView(page, control);
        expect({ code, where, fits }).toMatchObject({ code, fits: true });
      }
      // Each cell says what it is: its column's heading is drawn in the card.
      for (const heading of ["Your provisional judgement", "On the agenda"])
        expect(await row.getByText(heading, { exact: true }).isVisible()).toBe(true);
      // The criterion's statement reads across the card, not a word a line.
      const statement = await row.getByRole("rowheader").boundingBox();
      expect(statement!.width).toBeGreaterThan(PHONE.width / 2);
    }

    // A level chosen on the card is saved, and ticks its criterion for the agenda.
    const choice = page.getByRole("combobox", { name: `Provisional judgement for ${SECOND.code}` });
    await choice.selectOption({ label: "Strong standard" });
    await choice
      .locator("xpath=ancestor::form")
      .getByRole("status")
      .filter({ hasText: "Saved" })
      .waitFor();
    const second = page.getByRole("checkbox", { name: `${SECOND.code} on the agenda` });
    await expect.poll(() => second.isChecked(), { timeout: 10_000 }).toBe(true);
    // The agenda's box ticks by hand, and its visible heading ticks it too.
    const first = page.getByRole("checkbox", { name: `${FIRST.code} on the agenda` });
    await first.check();
    expect(await first.isChecked()).toBe(true);
    await page
      .getByRole("row")
      .filter({ hasText: FIRST.code })
      .getByText("On the agenda", { exact: true })
      .click();
    expect(await first.isChecked()).toBe(false);

    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);
  });

  it("keeps the table on a tablet", async () => {
    const page = await preparePage({ agenda: null });
    await page.setViewportSize({ width: 768, height: 1024 });
    const table = page.getByRole("table");
    await table.getByRole("columnheader", { name: "Your provisional judgement" }).waitFor();
    expect(await table.getByRole("columnheader").first().isVisible()).toBe(true);
    // The headings are the table's, not drawn again in each cell.
    const row = table.getByRole("row").filter({ hasText: SECOND.code });
    expect(await row.getByText("Your provisional judgement", { exact: true }).isVisible()).toBe(
      false,
    );
    expect(await table.evaluate((el) => getComputedStyle(el).display)).toBe("table");
    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);
  });
});

describe("where the agenda's ticks come from", () => {
  const ticksFromSchedule = /The agenda saved with the schedule \((\d+) criteria\) is ticked;/;
  const ticksForYou = "is ticked for the agenda for you";

  it("says the saved agenda is ticked when the meeting is scheduled", async () => {
    const page = await preparePage({ agenda: [FIRST.id, SECOND.id] });
    const explanation = page.getByText(ticksFromSchedule);
    await explanation.waitFor();
    expect((await explanation.textContent())?.match(ticksFromSchedule)?.[1]).toBe("2");
    expect(await page.getByText(ticksForYou).count()).toBe(0);
    expect(
      await page.getByRole("checkbox", { name: `${FIRST.code} on the agenda` }).isChecked(),
    ).toBe(true);
    expect(
      await page.getByText("where the agenda saved with the schedule is ticked").isVisible(),
    ).toBe(true);
  });

  it("says a differing judgement is ticked for you before there is a schedule", async () => {
    const page = await preparePage({ agenda: null });
    await page.getByText(ticksForYou).waitFor();
    expect(await page.getByText(ticksFromSchedule).count()).toBe(0);
  });
});

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, horizontalOverflow, preloadAxe, settle } from "../support/axe.ts";
import { allowBrowserConsoleError, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// The validator's pre-review before the meeting: on a phone each criterion is a card whose
// controls all fit the screen, areas fold so the page stays short, and the page says where the
// agenda's ticks come from.

useTestDatabase();
useBrowser();

let server: AppServer;
const FIRST = { id: "sg-1", code: "1.1", area: "Safeguarding" };
const SECOND = { id: "incl-1", code: "2.1", area: "Inclusion" };
const PHONE = { width: 390, height: 844 };

/** A validator assigned to a fresh school's evaluation, on its "Before the meeting" page. */
async function preparePage(options: { agenda: string[] | null; scripts?: boolean }) {
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
  const page = await signedInPage(server.url, world.people.validator.id, {
    scripts: options.scripts,
  });
  await preloadAxe(page.context());
  await page.setViewportSize(PHONE);
  await page.goto(`${server.url}/validations/${validation.id}/prepare`);
  await page.waitForLoadState("networkidle");
  return page;
}

/** An area of the pre-review (a disclosure), and its heading, which folds and unfolds it. */
function area(page: Page, title: string) {
  const details = page.locator("details.pre-review-area").filter({
    has: page.getByRole("heading", { name: title, exact: true }),
  });
  return {
    details,
    summary: details.locator("summary"),
    isOpen: () => details.getAttribute("open").then((o) => o !== null),
  };
}

/** Unfolds an area by its heading, where it is folded. */
async function unfold(page: Page, title: string) {
  const { summary, isOpen } = area(page, title);
  if (!(await isOpen())) await summary.click();
}

/**
 * What Chromium tells a screen reader about an area's heading (its accessibility tree): the
 * role, the name, and whether it is expanded.
 */
async function announced(page: Page, title: string) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const node = nodes.find(
    (n) => n.role?.value === "DisclosureTriangle" && String(n.name?.value).startsWith(title),
  );
  return {
    role: node?.role?.value,
    name: node?.name?.value,
    expanded: node?.properties?.find((p) => p.name === "expanded")?.value.value,
  };
}

/** How tall the page is, in CSS pixels. */
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

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
    await unfold(page, SECOND.area);
    const boxes = page.getByRole("region", { name: /^Criteria to pre-review in / });
    await boxes.first().waitFor();
    expect(await horizontalOverflow(page)).toBeNull();
    for (const box of await boxes.all()) {
      const boxWidths = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(boxWidths[0]).toBeLessThanOrEqual(boxWidths[1]);
    }

    for (const { code } of [FIRST, SECOND]) {
      const row = page.getByRole("row").filter({ hasText: code });
      const controls = [
        row.getByRole("combobox", { name: `Provisional judgement for ${code}` }),
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
    await unfold(page, SECOND.area);
    const table = page.getByRole("table", { name: FIRST.area });
    await table.getByRole("columnheader", { name: "Your provisional judgement" }).waitFor();
    expect(await table.getByRole("columnheader").first().isVisible()).toBe(true);
    // Each area's table has the same columns, lined up from one area to the next.
    const columnsOf = (title: string) =>
      page
        .getByRole("table", { name: title })
        .getByRole("columnheader")
        .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().left)));
    expect(await columnsOf(SECOND.area)).toEqual(await columnsOf(FIRST.area));
    // The headings are the table's, not drawn again in each cell.
    const row = table.getByRole("row").filter({ hasText: FIRST.code });
    expect(await row.getByText("Your provisional judgement", { exact: true }).isVisible()).toBe(
      false,
    );
    expect(await table.evaluate((el) => getComputedStyle(el).display)).toBe("table");
    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);
  });

  it("folds area by area: folded, the page is short and each area's heading says what it holds", async () => {
    const page = await preparePage({ agenda: null });
    const summaries = page.locator("details.pre-review-area > summary");
    await summaries.first().waitFor();
    const titles = await page.locator(".pre-review-area-title").allTextContents();
    expect(titles).toEqual([
      "Safeguarding",
      "Inclusion",
      "Curriculum and teaching",
      "Achievement",
      "Attendance and behaviour",
      "Personal development and well-being",
      "Early years",
      "Leadership and governance",
    ]);
    // Nothing judged yet: the first area is open, to start with; the others are folded.
    expect(await area(page, FIRST.area).isOpen()).toBe(true);
    expect(await area(page, SECOND.area).isOpen()).toBe(false);

    // Every area open: a card per criterion, as tall as the page was before areas folded.
    for (const title of titles) await unfold(page, title);
    const unfolded = await pageHeight(page);
    expect(unfolded).toBeGreaterThan(10_000);
    for (const title of titles) await area(page, title).summary.click();
    for (const title of titles) expect(await area(page, title).isOpen()).toBe(false);
    const folded = await pageHeight(page);
    expect(folded).toBeLessThan(3_000);
    expect(folded).toBeLessThan(unfolded / 4);
    expect(await horizontalOverflow(page)).toBeNull();

    // Folded, an area still says how many criteria it has, ticked and differing.
    const inclusion = area(page, SECOND.area).summary;
    expect(await inclusion.textContent()).toContain(
      "4 criteria, 0 on the agenda, 0 differ from the school's judgement",
    );
    await inclusion.click();
    await page
      .getByRole("combobox", { name: `Provisional judgement for ${SECOND.code}` })
      .selectOption({ label: "Strong standard" });
    await inclusion.click();
    await expect
      .poll(() => inclusion.textContent(), { timeout: 10_000 })
      .toContain("4 criteria, 1 on the agenda, 1 differs from the school's judgement");

    await settle(page, 50, 500);
    expect(await checkPage(page)).toEqual([]);
  });

  it("folds and unfolds an area by keyboard, heard as expanded or collapsed", async () => {
    const page = await preparePage({ agenda: null });
    const { summary, isOpen } = area(page, SECOND.area);
    const combobox = page.getByRole("combobox", {
      name: `Provisional judgement for ${SECOND.code}`,
    });
    await summary.waitFor();
    // Reached with Tab from the area before it, like any control.
    await area(page, FIRST.area).summary.click();
    await page.keyboard.press("Tab");
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await announced(page, SECOND.area)).toEqual({
      role: "DisclosureTriangle",
      name: "Inclusion 4 criteria, 0 on the agenda, 0 differ from the school's judgement",
      expanded: false,
    });
    expect(await combobox.isVisible()).toBe(false);

    await page.keyboard.press("Enter");
    await expect.poll(isOpen).toBe(true);
    expect(await announced(page, SECOND.area)).toMatchObject({ expanded: true });
    expect(await combobox.isVisible()).toBe(true);

    await page.keyboard.press("Space");
    await expect.poll(isOpen).toBe(false);
    expect(await combobox.isVisible()).toBe(false);
  });

  it("keeps a tick and a provisional judgement through folding, saving and a reload", async () => {
    const page = await preparePage({ agenda: [SECOND.id] });
    const safeguarding = area(page, FIRST.area);
    await unfold(page, FIRST.area);
    const tick = page.getByRole("checkbox", { name: `${FIRST.code} on the agenda` });
    await tick.check();
    const choice = page.getByRole("combobox", { name: "Provisional judgement for 1.2" });
    await choice.selectOption({ label: "Not met" });
    await choice
      .locator("xpath=ancestor::form")
      .getByRole("status")
      .filter({ hasText: "Saved" })
      .waitFor();

    // Folded and unfolded: both are as they were.
    await safeguarding.summary.click();
    expect(await safeguarding.isOpen()).toBe(false);
    expect(await safeguarding.summary.textContent()).toContain("on the agenda");
    await safeguarding.summary.click();
    expect(await tick.isChecked()).toBe(true);
    expect(await choice.inputValue()).not.toBe("");

    // Saved with its area folded, the tick still goes with the schedule form.
    await safeguarding.summary.click();
    await page.getByRole("button", { name: "Save the schedule and agenda" }).click();
    await page.getByRole("status").filter({ hasText: "The meeting is scheduled" }).waitFor();
    await page.reload();
    await page.waitForLoadState("networkidle");
    // An area with a criterion on the agenda is open when the page opens.
    expect(await safeguarding.isOpen()).toBe(true);
    expect(await tick.isChecked()).toBe(true);
    expect(
      await page.getByRole("checkbox", { name: `${SECOND.code} on the agenda` }).isChecked(),
    ).toBe(true);
    expect(await choice.inputValue()).not.toBe("");
    expect(await choice.locator("option:checked").textContent()).toBe("Not met");
  });
});

describe("saving a provisional judgement", () => {
  it("saves as it is chosen where scripts run, with no button to press", async () => {
    const page = await preparePage({ agenda: null });
    const row = page.getByRole("row").filter({ hasText: FIRST.code });
    await row.getByRole("combobox", { name: `Provisional judgement for ${FIRST.code}` }).waitFor();
    // Drawn by the server for a page without scripts, gone once the page's scripts run.
    await expect
      .poll(() => page.getByRole("button", { name: /^Save \d+\.\d+$/ }).count(), {
        timeout: 10_000,
      })
      .toBe(0);
  });

  it("has a button on each row where scripts do not run, and its areas still fold", async () => {
    const page = await preparePage({ agenda: null, scripts: false });
    const row = page.getByRole("row").filter({ hasText: FIRST.code });
    const save = row.getByRole("button", { name: `Save ${FIRST.code}` });
    const { fits } = await inView(page, save);
    expect(fits).toBe(true);
    expect(
      await page.locator("details.pre-review-area button", { hasText: /^Save / }).count(),
    ).toBe(31);
    // The areas fold without scripts too.
    const { summary, isOpen } = area(page, FIRST.area);
    await summary.click();
    expect(await isOpen()).toBe(false);
    await summary.click();
    expect(await isOpen()).toBe(true);
    // (axe, which runs in the page, needs scripts: the same page is checked with them above.)
    expect(await horizontalOverflow(page)).toBeNull();
  });

  it("saves a provisional judgement with its row's button where scripts do not run", async () => {
    const page = await preparePage({ agenda: null, scripts: false });
    const row = () => page.getByRole("row").filter({ hasText: FIRST.code });
    const choice = () =>
      row().getByRole("combobox", { name: `Provisional judgement for ${FIRST.code}` });
    await choice().selectOption({ label: "Not met" });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      row()
        .getByRole("button", { name: `Save ${FIRST.code}` })
        .click(),
    ]);
    expect(answer.status()).toBe(200);
    await page.waitForLoadState("domcontentloaded");
    // The page drawn again says so in the row, with the level chosen…
    expect(await row().getByRole("status").textContent()).toBe("Saved");
    expect(await choice().locator("option:checked").textContent()).toBe("Not met");
    // …and it is kept: opened afresh, the level is still there.
    await page.goto(page.url());
    expect(await choice().locator("option:checked").textContent()).toBe("Not met");
    expect(await row().getByRole("status").textContent()).toBe("");

    // A level the scale does not have is refused next to the field, and changes nothing.
    await choice().evaluate((select: HTMLSelectElement) => {
      select.options[select.selectedIndex].value = "no-such-level";
    });
    allowBrowserConsoleError(/status of 400/);
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      row()
        .getByRole("button", { name: `Save ${FIRST.code}` })
        .click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.waitForLoadState("domcontentloaded");
    expect(await row().getByRole("alert").textContent()).toBe(
      "Choose one of the criterion's levels.",
    );
    expect(await choice().getAttribute("aria-invalid")).toBe("true");
    expect(await row().getByRole("status").textContent()).toBe("");
    await page.goto(page.url());
    expect(await choice().locator("option:checked").textContent()).toBe("Not met");
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

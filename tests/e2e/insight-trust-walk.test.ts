import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureStarterFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import type { School } from "../../models/school/school.ts";
import type { Trust } from "../../models/trust/trust.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, preloadAxe, settle } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildSchool, buildStarterFramework, buildTrust, buildUser } from "../support/factories.ts";
import { levelAt, seedInsight } from "../support/insight-world.ts";
import { startTestServer } from "../support/server.ts";

// A trust's school-improvement lead's first walk through Insight, in a trust like the demo's:
// two primaries without a sixth form, a secondary without early years, an all-through school
// with both; one cycle of the Ofsted framework so far (Oakfield needs support in Inclusion,
// Meadowbank is Strong in it), and a quality mark sent out in two cycles.
useTestDatabase();
useBrowser();

let server: AppServer;
let trust: Trust;
let leader: string;
let admin: string;
let riversideHead: string;
let riverside: School;

beforeAll(async () => {
  server = await startTestServer();
  trust = await buildTrust();
  leader = (await buildUser("trustLeader", trust, undefined, "David Okafor")).id;
  admin = (await buildUser("trustAdmin", trust, undefined, "Priya Shah")).id;
  riverside = await buildSchool(trust, { name: "Riverside Primary Academy" });
  const hillcrest = await buildSchool(trust, { name: "Hillcrest Primary School" });
  const oakfield = await buildSchool(trust, {
    name: "Oakfield Academy",
    phase: "secondary",
    hasEarlyYears: false,
    hasSixthForm: true,
  });
  const meadowbank = await buildSchool(trust, {
    name: "Meadowbank School",
    phase: "allThrough",
    hasSixthForm: true,
  });
  riversideHead = (await buildUser("schoolLeader", trust, riverside, "Sam Taylor")).id;
  const schools = [riverside, hillcrest, oakfield, meadowbank];
  await seedInsight({
    version: await ensureStarterFramework(trust.id, "inclusion-excellence", inclusionExcellence),
    schools,
    cycleNames: ["Inclusion Excellence 2025–26", "Inclusion Excellence 2026–27"],
    createdBy: admin,
    judge: ({ scale }) => ({ self: levelAt(scale, 2) }),
  });
  await seedInsight({
    version: await buildStarterFramework(trust),
    schools,
    cycleNames: ["Self-evaluation 2026–27"],
    createdBy: admin,
    judge: ({ school, area, scale }) => {
      if (area.id === "early-years" && !school.hasEarlyYears) return {};
      if (area.id === "sixth-form" && !school.hasSixthForm) return {};
      if (scale.levels.length === 2) return { self: "met" };
      if (area.id === "inclusion")
        return { self: levelAt(scale, school === oakfield ? 1 : school === meadowbank ? 3 : 2) };
      return { self: levelAt(scale, 2) };
    },
  });
});
afterAll(async () => {
  await server?.close();
});

/** axe, sideways scrolling and the other page checks at a laptop's, a tablet's and a phone's width. */
async function expectCleanPage(page: Page) {
  const problems: string[] = [];
  for (const width of [1280, 820, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await settle(page, 100, 1500);
    for (const problem of await checkPage(page, { tablesMayScroll: width < 1280 }))
      problems.push(`${page.url()} at ${width} px: ${problem}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(problems.join("\n\n")).toBe("");
}

describe("a school's own place", () => {
  it("says Not applicable for an area the school does not have, on a phone", async () => {
    const page = await signedInPage(server.url, riversideHead);
    await preloadAxe(page.context());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/insight`);
    const row = page.getByRole("row", { name: /^Sixth form/ });
    await row.waitFor();
    expect(await row.getByRole("cell").allInnerTexts()).toEqual([
      "Not applicable",
      "Not compared: this area is only for schools with a sixth form.",
    ]);
    await expectCleanPage(page);
  });
});

describe("the heat map on a tablet", () => {
  it("says it scrolls sideways, keeps the school names in view, and shows where more lies", async () => {
    const page = await signedInPage(server.url, leader);
    await preloadAxe(page.context());
    await page.setViewportSize({ width: 820, height: 1000 });
    await page.goto(`${server.url}/insight/heat-map`);
    const box = page.getByRole("region", { name: "Each school's level in each area" });
    await box.waitFor({ timeout: 30_000 });
    const hint = page.getByText(
      "Scroll the table sideways for more areas; the school names stay in view.",
    );
    await hint.waitFor();
    // The hint is what a screen reader hears on reaching the table's box.
    await expect
      .poll(() =>
        box.evaluate((el) => {
          const ids = (el.getAttribute("aria-describedby") ?? "").split(" ");
          return ids.map((id) => document.getElementById(id)?.textContent).join(" ");
        }),
      )
      .toContain("Scroll the table sideways for more areas");
    // A shadow at the right edge while more of the table lies beyond it.
    const shadow = () =>
      box.evaluate((el) => getComputedStyle(el.parentElement!, "::after").opacity);
    await expect.poll(shadow).toBe("1");

    // Scrolled to its last area (Leadership), the school names are still at the box's left.
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await page
      .getByRole("link", { name: /^Oakfield Academy, Leadership and governance:/ })
      .waitFor();
    const [boxLeft, nameLeft] = await Promise.all([
      box.evaluate((el) => el.getBoundingClientRect().left),
      page
        .getByRole("rowheader", { name: /^Riverside Primary Academy/ })
        .evaluate((th) => th.getBoundingClientRect().left),
    ]);
    expect(Math.abs(nameLeft - boxLeft)).toBeLessThan(2);
    await expect.poll(shadow).toBe("0");
    await expectCleanPage(page);

    // Where the table fits, nothing is said.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => hint.isVisible()).toBe(false);
    expect(await box.getAttribute("aria-describedby")).toBeNull();
  });
});

describe("choosing another framework", () => {
  it("lists that framework's cycles under Cycle at once, and without scripts on Show", async () => {
    const page = await signedInPage(server.url, leader);
    await page.goto(`${server.url}/insight`);
    const cycle = page.getByLabel("Cycle");
    await cycle.waitFor();
    const options = () => cycle.locator("option").allInnerTexts();
    expect(await options()).toEqual(["Self-evaluation 2026–27", "Each school's newest evaluation"]);
    // Once the page's scripts run (a change made before is read from the select then, too).
    await page.waitForFunction(() => "__remixRouter" in window);
    await settle(page, 200, 2000);
    await page.getByLabel("Framework").selectOption({ label: "Inclusion Excellence" });
    // Before Show is pressed.
    await expect
      .poll(options)
      .toEqual([
        "Inclusion Excellence 2026–27",
        "Inclusion Excellence 2025–26",
        "Each school's newest evaluation",
      ]);
    expect(await cycle.inputValue()).not.toBe("");
    expect(await cycle.locator("option:checked").innerText()).toBe("Inclusion Excellence 2026–27");
    await page.getByRole("button", { name: "Show" }).click();
    await page
      .getByText(/Inclusion Excellence \(version 1\) · Inclusion Excellence 2026–27/)
      .waitFor();

    // Without scripts the form still works: Show brings the new framework's newest cycle.
    const plain = await signedInPage(server.url, leader, { scripts: false });
    await plain.goto(`${server.url}/insight`);
    await plain.getByLabel("Framework").selectOption({ label: "Inclusion Excellence" });
    await plain.getByRole("button", { name: "Show" }).click();
    await plain
      .getByText(/Inclusion Excellence \(version 1\) · Inclusion Excellence 2026–27/)
      .waitFor();
    expect(await plain.getByLabel("Cycle").locator("option").allInnerTexts()).toEqual([
      "Inclusion Excellence 2026–27",
      "Inclusion Excellence 2025–26",
      "Each school's newest evaluation",
    ]);
  });
});

describe("trends with one cycle", () => {
  it("say they need two cycles, and give the one cycle's figures without a chart", async () => {
    const page = await signedInPage(server.url, leader);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/insight/trends`);
    await page
      .getByText(
        "Trends need two cycles of this framework; this trust has one so far: Self-evaluation 2026–27.",
      )
      .waitFor();
    await settle(page, 200, 2000);
    expect(await page.locator(".insight-chart").count()).toBe(0);
    const inclusion = page.getByRole("table", {
      name: /^Inclusion: schools at each level in Self-evaluation 2026–27/,
    });
    expect(await inclusion.getByRole("row").count()).toBe(2);
    expect(await page.getByText("cycle by cycle").count()).toBe(0);
    await expectCleanPage(page);
  });
});

describe("from a pairing to a joint workspace", () => {
  it("a trust admin accepts a pairing, sees who accepted it and when, and starts the two schools' workspace", async () => {
    const page = await signedInPage(server.url, admin);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/insight/expertise?source=self`);
    await page
      .getByRole("button", {
        name: "Accept pairing: Meadowbank School with Oakfield Academy in Inclusion",
      })
      .click();
    await page.getByText(/^Accepted by Priya Shah on \d+ [A-Z][a-z]+ \d{4}\.$/).waitFor();
    // The rule a centre meets is named on the page.
    await page
      .getByText(/^A school is a centre of expertise in an area when every criterion/)
      .waitFor();
    await expectCleanPage(page);
    await page
      .getByRole("button", { name: /^Start a joint workspace for these two schools/ })
      .click();
    await page
      .getByRole("heading", {
        level: 1,
        name: "Inclusion: Meadowbank School and Oakfield Academy",
      })
      .waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toMatch(/^\/workspaces\/[0-9a-f]{24}$/);
  });

  it("a trust leader follows the pairing to its workspace, and reads trust words on Joint workspaces", async () => {
    const page = await signedInPage(server.url, leader);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/insight/expertise?source=self`);
    await page.getByText(/^Accepted by Priya Shah on /).waitFor();
    expect(await page.getByRole("button", { name: /Start a joint workspace/ }).count()).toBe(0);
    await page
      .getByRole("link", {
        name: "Open the joint workspace “Inclusion: Meadowbank School and Oakfield Academy”",
      })
      .click();
    await page
      .getByRole("heading", { level: 1, name: "Inclusion: Meadowbank School and Oakfield Academy" })
      .waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/workspaces`);
    await page.getByRole("heading", { name: "The trust's workspaces" }).waitFor();
    expect(await page.getByText("Your headteacher or the trust can invite you").count()).toBe(0);
    await expectCleanPage(page);
  });
});

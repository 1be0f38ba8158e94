import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { School } from "../../models/school/school.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, preloadAxe, settle } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildSchool, buildStarterFramework, buildWorld } from "../support/factories.ts";
import { levelAt, seedInsight, type SeededEvaluation } from "../support/insight-world.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let schools: School[];
let evaluations: SeededEvaluation[];
let latestCycleId: string;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  schools = [
    // Ashford has no early years (the others have): that area applies at two schools of three.
    await buildSchool(world.trust, { name: "Ashford Primary", hasEarlyYears: false }),
    await buildSchool(world.trust, { name: "Oakfield Primary" }),
    await buildSchool(world.trust, { name: "Hillcrest Academy" }),
  ];
  const version = await buildStarterFramework(world.trust);
  const seeded = await seedInsight({
    version,
    schools,
    cycleNames: ["Autumn 2025", "Autumn 2026"],
    createdBy: world.people.trustAdmin.id,
    judge: ({ schoolIndex, cycleIndex, area, scale, criterionId }) => {
      if (scale.levels.length === 2) return { self: "met" };
      if (cycleIndex === 0) return { self: levelAt(scale, 2) };
      // Ashford needs support (and has judged one criterion of Achievement only); Oakfield is
      // agreed Exceptional; Hillcrest at the expected level.
      if (schoolIndex === 0 && area.id === "achievement")
        return { self: criterionId === "ach-1" ? levelAt(scale, 1) : null };
      if (schoolIndex === 0) return { self: levelAt(scale, 1) };
      if (schoolIndex === 1) return { self: levelAt(scale, 4), agreed: levelAt(scale, 4) };
      return { self: levelAt(scale, 2) };
    },
  });
  evaluations = seeded.evaluations;
  latestCycleId = seeded.cycles[1].id;
});
afterAll(async () => {
  await server?.close();
});

/** axe, sideways scrolling and the other page checks, at a laptop's and a phone's width. */
async function expectCleanPage(page: Page) {
  const problems: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await settle(page, 100, 1500);
    for (const problem of await checkPage(page, { tablesMayScroll: width < 1280 }))
      problems.push(`${page.url()} at ${width} px: ${problem}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(problems.join("\n\n")).toBe("");
}

describe("a trust leader's insight", () => {
  it("opens the heat map and follows a cell to the school's evaluation at that area", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/home`);
    await page.getByRole("link", { name: "Insight", exact: true }).click();
    await page.getByRole("heading", { name: "Insight", level: 1 }).waitFor();
    await expectCleanPage(page);
    await page
      .getByRole("navigation", { name: "Insight views" })
      .getByRole("link", { name: "Heat map" })
      .click();
    await page.getByRole("heading", { name: "Heat map", level: 1 }).waitFor({ timeout: 30_000 });
    await expectCleanPage(page);
    // Hillcrest's: opening an evaluation loads its live document, whose store then rewrites the
    // projection seeded here from the (empty) document; the later tests need the others as seeded.
    const hillcrest = evaluations.find(
      (e) => e.schoolId === schools[2].id && e.cycleId === latestCycleId,
    )!;
    await page
      .getByRole("link", {
        name: /^Hillcrest Academy, Inclusion: Expected standard, the same as the previous cycle/,
      })
      .click();
    await page.waitForURL(`**/evaluations/${hillcrest.id}?area=inclusion`, { timeout: 30_000 });
    await page.getByRole("heading", { name: "Inclusion", level: 2 }).waitFor({ timeout: 30_000 });
  });

  it("names every area and level whole on the heat map, on a laptop, a tablet and a phone", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    for (const width of [1280, 1024, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}/insight/heat-map`);
      const cells = page.locator(".heat-table th, .heat-table td a");
      await cells.first().waitFor();
      // A cell broken inside a word takes more lines than it has words.
      const broken = await cells.evaluateAll((cells) =>
        cells
          .filter((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
            return lines > (cell.textContent ?? "").trim().split(/\s+/).length;
          })
          .map((cell) => cell.textContent),
      );
      expect(await page.locator(".heat-table thead th").count()).toBeGreaterThan(8);
      expect({ width, broken }).toEqual({ width, broken: [] });
      // The page never scrolls sideways; the table fits a laptop and a landscape tablet, and
      // scrolls in its box on a phone, with each school's name still in view when it is
      // scrolled to its last area.
      const box = page.locator(".table-scroll");
      const [inBox, onPage] = await box.evaluate((box) => [
        box.scrollWidth - box.clientWidth,
        document.documentElement.scrollWidth - innerWidth,
      ]);
      expect(onPage).toBe(0);
      if (width >= 1024) expect({ width, inBox }).toEqual({ width, inBox: 0 });
      if (width === 390) {
        expect(inBox).toBeGreaterThan(0);
        await box.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
        const name = page.locator(".heat-table tbody th").first();
        const [boxLeft, nameLeft] = await Promise.all([
          box.evaluate((box) => box.getBoundingClientRect().left),
          name.evaluate((th) => th.getBoundingClientRect().left),
        ]);
        expect(Math.abs(nameLeft - boxLeft)).toBeLessThan(2);
        await expect.poll(() => name.isVisible()).toBe(true);
      }
    }
  });

  it("overlays two schools, with the differences marked in a chart and a table", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/insight/overlay`);
    await page.getByLabel("Ashford Primary · Autumn 2026").check();
    await page.getByLabel("Oakfield Primary · Autumn 2026").check();
    await page.getByRole("button", { name: "Overlay" }).click();
    // The server reads every school's projections: on a busy machine that is not a speed test.
    await page.getByRole("heading", { name: "Side by side" }).waitFor({ timeout: 30_000 });
    await page.getByText("Differs by 3 levels").first().waitFor();
    // Achievement's 4.2 to 4.4 only Oakfield judged; Ashford has no sixth form.
    await page.getByText("Only one judged").first().waitFor();
    await page.getByText("Not applicable").first().waitFor();
    // The chart (drawn in the browser) sits beside each area's table.
    await page.locator(".insight-chart svg").first().waitFor();
    await expectCleanPage(page);
  });

  it("accepts a suggested pairing, explained in words, and sees it recorded", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/insight/expertise`);
    await page
      .getByText(
        "Oakfield Primary is Exceptional in Inclusion (agreed 3 Mar 2027); Ashford Primary's Inclusion is Needs attention",
      )
      .waitFor();
    await expectCleanPage(page);
    await page
      .getByRole("button", {
        name: "Accept pairing: Oakfield Primary with Ashford Primary in Inclusion",
      })
      .click();
    await page
      .getByText(/^Accepted by David Leader on \d+ [A-Z][a-z]+ \d{4}\.$/)
      .waitFor({ timeout: 30_000 });
    expect(await page.getByText("Accepted", { exact: true }).count()).toBe(1);
    await expectCleanPage(page);
  });

  it("shows the Stack and the trends, charts with their counts written, without sideways scrolling", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await preloadAxe(page.context());
    for (const path of ["/insight/stack", "/insight/trends"]) {
      await page.goto(`${server.url}${path}`);
      await page.locator(".insight-chart svg").first().waitFor();
      if (path === "/insight/stack")
        await page
          .getByText("level for the area rests on some of its criteria only: Ashford Primary")
          .waitFor();
      await expectCleanPage(page);
    }
  });

  it("draws every area of the Stack on one axis, the schools in the cycle, and says so", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.goto(`${server.url}/insight/stack`);
    const charts = page.locator(".insight-area .insight-chart svg");
    await charts.first().waitFor({ timeout: 30_000 });
    const drawn = await charts.evaluateAll((svgs) =>
      // The chart's own svg (Victory adds another, for tooltips).
      svgs
        .filter((svg) => svg.querySelector("desc"))
        .map((svg) => ({
          area: svg.closest("section")?.querySelector("h2")?.textContent,
          // The axis's last tick is its highest whole number (no count on a bar is higher; the
          // criteria's codes, 4.1, are not whole).
          axis: Math.max(
            ...[...svg.querySelectorAll("text")]
              .map((t) => Number(t.textContent))
              .filter(Number.isInteger),
          ),
          desc: svg.querySelector("desc")?.textContent ?? "",
        })),
    );
    // A full bar is all three schools in every area (the early years' too, which has two).
    expect(drawn.map((c) => `${c.area}: ${c.axis}`)).toEqual(drawn.map((c) => `${c.area}: 3`));
    for (const chart of drawn) {
      expect(chart.desc, chart.area ?? "").toContain(
        "Every bar is measured against the 3 schools in this cycle",
      );
    }
    // Every area but the sixth form, which none of the three schools has.
    expect(drawn.map((c) => c.area)).toHaveLength(8);
    expect(drawn.find((c) => c.area === "Early years")?.desc).toContain(
      "this area applies at 2 of them.",
    );
  });
});

describe("a trust leader reading the trends", () => {
  it("draws every area's trend on one axis, the schools of the largest cycle, and says so", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.goto(`${server.url}/insight/trends`);
    const charts = page.locator(".insight-area .insight-chart svg");
    await charts.first().waitFor({ timeout: 30_000 });
    const drawn = await charts.evaluateAll((svgs) =>
      svgs
        .filter((svg) => svg.querySelector("desc"))
        .map((svg) => ({
          area: svg.closest("section")?.querySelector("h2")?.textContent,
          // The axis's last tick is its highest whole number (no count on a bar is higher; the
          // cycles' names are not numbers).
          axis: Math.max(
            ...[...svg.querySelectorAll("text")]
              .map((t) => Number(t.textContent))
              .filter(Number.isInteger),
          ),
          desc: svg.querySelector("desc")?.textContent ?? "",
        })),
    );
    // The early years apply at two schools of three: their bars are measured against three too.
    expect(drawn.map((c) => `${c.area}: ${c.axis}`)).toEqual(drawn.map((c) => `${c.area}: 3`));
    expect(drawn.map((c) => c.area)).toContain("Early years");
    for (const chart of drawn)
      expect(chart.desc, chart.area ?? "").toContain(
        "Every bar is measured against the 3 schools of the largest cycle, in every area.",
      );
  });
});

describe("a trust leader following the charts", () => {
  // These open evaluations (whose live documents then rewrite the seeded projections), so they
  // come after the tests above that need the judgements as seeded.

  it("clicks a segment of a Stack bar and sees the list of those schools", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.goto(`${server.url}/insight/stack`);
    const inclusion = page.locator("section", {
      has: page.getByRole("heading", { name: "Inclusion", level: 2 }),
    });
    // The bars are drawn in the browser; the Needs attention segments are in its colour. The
    // first one is the area overall's bar: Ashford Primary alone is there.
    await inclusion.locator(".insight-chart svg path").first().waitFor({ timeout: 30_000 });
    const segments = inclusion.locator(".insight-chart svg path");
    const needsAttention: number[] = [];
    for (let i = 0; i < (await segments.count()); i++) {
      const fill = await segments.nth(i).evaluate((el) => getComputedStyle(el).fill);
      if (fill === "rgb(138, 75, 0)") needsAttention.push(i);
    }
    expect(needsAttention.length).toBeGreaterThan(0);
    const segment = segments.nth(needsAttention[0]);
    const box = (await segment.boundingBox())!;
    // Near the segment's left end: its count is written at the right end, over the bar.
    await segment.click({ position: { x: Math.min(6, box.width / 4), y: box.height / 2 } });
    await page.waitForURL(/open=inclusion%7Cneeds-attention/, { timeout: 30_000 });
    const opened = page.locator("#opened");
    await opened
      .getByRole("heading", { name: "Inclusion overall: Needs attention", level: 3 })
      .waitFor();
    expect(await opened.getByRole("listitem").allInnerTexts()).toEqual(["Ashford Primary"]);
  });

  it("opens a count with the keyboard, then a school of the list at that area", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.goto(`${server.url}/insight/stack`);
    const count = page.getByRole("link", {
      name: "1 school at Exceptional in Inclusion: show which",
    });
    await count.focus();
    await page.keyboard.press("Enter");
    const opened = page.locator("#opened");
    await opened
      .getByRole("heading", { name: "Inclusion overall: Exceptional", level: 3 })
      .waitFor({ timeout: 30_000 });
    expect(await opened.getByRole("listitem").allInnerTexts()).toEqual(["Oakfield Primary"]);
    const oakfield = evaluations.find(
      (e) => e.schoolId === schools[1].id && e.cycleId === latestCycleId,
    )!;
    await opened.getByRole("link", { name: "Oakfield Primary" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/evaluations/${oakfield.id}?area=inclusion`, { timeout: 30_000 });
    await page.getByRole("heading", { name: "Inclusion", level: 2 }).waitFor({ timeout: 30_000 });
  });

  it("opens a heat-map cell with the keyboard: the school's evaluation at that area", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.goto(`${server.url}/insight/heat-map`);
    const ashford = evaluations.find(
      (e) => e.schoolId === schools[0].id && e.cycleId === latestCycleId,
    )!;
    const cell = page.getByRole("link", { name: /^Ashford Primary, Inclusion: Needs attention/ });
    await cell.waitFor({ timeout: 30_000 });
    await cell.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/evaluations/${ashford.id}?area=inclusion`, { timeout: 30_000 });
    await page.getByRole("heading", { name: "Inclusion", level: 2 }).waitFor({ timeout: 30_000 });
    await page.getByText("Ashford Primary").first().waitFor();
  });
});

describe("a school's own place", () => {
  it("is readable and reflows for the school's leader", async () => {
    const page = await signedInPage(server.url, world.people.schoolLeader.id);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/insight`);
    await page.getByRole("heading", { name: "Where we stand", level: 1 }).waitFor();
    await expectCleanPage(page);
  });
});

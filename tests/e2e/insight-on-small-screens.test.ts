import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { School } from "../../models/school/school.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, tablesWithoutTheirRoles } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildSchool, buildStarterFramework, buildWorld } from "../support/factories.ts";
import { levelAt, seedInsight } from "../support/insight-world.ts";
import { startTestServer } from "../support/server.ts";

// The insight pages as a trust leader meets them on a phone (390 px) and on a landscape tablet
// or small laptop (1024 px): charts drawn for the width they have, and a heat map that fits.
useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let schools: School[];

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  schools = [
    await buildSchool(world.trust, { name: "Ashford Primary" }),
    await buildSchool(world.trust, { name: "Oakfield Primary" }),
    await buildSchool(world.trust, { name: "Hillcrest Academy" }),
  ];
  await seedInsight({
    version: await buildStarterFramework(world.trust),
    schools,
    cycleNames: ["Autumn 2025", "Autumn 2026"],
    createdBy: world.people.trustAdmin.id,
    // Every school at the expected level last cycle; this cycle Oakfield is Exceptional in every
    // area (each of its heat-map cells reads "Exceptional ↑", the widest there is).
    judge: ({ schoolIndex, cycleIndex, scale }) => {
      if (scale.levels.length === 2) return { self: "met" };
      if (cycleIndex === 1 && schoolIndex === 1) return { self: levelAt(scale, 4) };
      return { self: levelAt(scale, 2) };
    },
  });
});
afterAll(async () => {
  await server?.close();
});

interface ChartReading {
  /** The smallest text of the page's charts, in px on screen. */
  smallestText: number;
  /** Labels drawn over one another: "a / b". */
  labelsOverlapping: string[];
  /** Labels reaching past their chart's edge, where the chart cuts them off. */
  labelsCut: string[];
  /** Markers of one chart drawn over one another (their boxes meet), as pairs of positions. */
  markersOverlapping: string[];
  charts: number;
}

/** Reads every chart of the page as drawn on screen; `markers`: its paths are markers (the Overlay's). */
function readCharts(page: Page, markers: boolean): Promise<ChartReading> {
  return page.evaluate((markers) => {
    const svgs = [...document.querySelectorAll<SVGSVGElement>(".insight-chart svg")].filter((svg) =>
      svg.querySelector("desc"),
    );
    // The four corners of an element's own box, on screen (turned with it, if it is turned).
    const corners = (el: SVGGraphicsElement) => {
      const box = el.getBBox();
      const m = el.getScreenCTM()!;
      return [
        [box.x, box.y],
        [box.x + box.width, box.y],
        [box.x + box.width, box.y + box.height],
        [box.x, box.y + box.height],
      ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
    };
    // Two convex shapes meet unless some edge's normal separates them (by more than half a px).
    const meet = (a: DOMPoint[], b: DOMPoint[]) => {
      for (const shape of [a, b])
        for (let i = 0; i < shape.length; i++) {
          const p = shape[i];
          const q = shape[(i + 1) % shape.length];
          const nx = q.y - p.y;
          const ny = p.x - q.x;
          const length = Math.hypot(nx, ny) || 1;
          const along = (s: DOMPoint[]) => s.map((c) => (c.x * nx + c.y * ny) / length);
          const [sa, sb] = [along(a), along(b)];
          if (Math.max(...sa) - 0.5 <= Math.min(...sb) || Math.max(...sb) - 0.5 <= Math.min(...sa))
            return false;
        }
      return true;
    };
    let smallestText = Infinity;
    const labelsOverlapping: string[] = [];
    const labelsCut: string[] = [];
    const markersOverlapping: string[] = [];
    for (const svg of svgs) {
      const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent?.trim());
      for (const text of texts)
        for (const span of text.querySelectorAll("tspan")) {
          const m = span.getScreenCTM()!;
          const size = parseFloat(getComputedStyle(span).fontSize) * Math.hypot(m.a, m.b);
          smallestText = Math.min(smallestText, size);
        }
      const shapes = texts.map((t) => ({ name: t.textContent ?? "", at: corners(t) }));
      const edge = svg.getBoundingClientRect();
      for (const { name, at } of shapes)
        if (at.some((c) => c.x < edge.left - 1 || c.x > edge.right + 1 || c.y > edge.bottom + 1))
          labelsCut.push(name);
      for (let i = 0; i < shapes.length; i++)
        for (let j = i + 1; j < shapes.length; j++)
          if (meet(shapes[i].at, shapes[j].at))
            labelsOverlapping.push(`${shapes[i].name} / ${shapes[j].name}`);
      // The Overlay's markers are its only paths (the axes and grid are lines).
      if (markers) {
        const marks = [...svg.querySelectorAll("path")].map((p) => p.getBoundingClientRect());
        for (let i = 0; i < marks.length; i++)
          for (let j = i + 1; j < marks.length; j++) {
            const [a, b] = [marks[i], marks[j]];
            const apart =
              a.right <= b.left + 0.5 ||
              b.right <= a.left + 0.5 ||
              a.bottom <= b.top + 0.5 ||
              b.bottom <= a.top + 0.5;
            if (!apart)
              markersOverlapping.push(
                `(${Math.round(a.x)}, ${Math.round(a.y)}) and (${Math.round(b.x)}, ${Math.round(b.y)})`,
              );
          }
      }
    }
    return {
      smallestText,
      labelsOverlapping,
      labelsCut,
      markersOverlapping,
      charts: svgs.length,
    };
  }, markers);
}

describe("insight on a phone", () => {
  it("draws the Stack to be read on a phone: text at 11 px, no label over another or cut off", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.setViewportSize({ width: 390, height: 844 });

    await page.goto(`${server.url}/insight/stack`);
    await page.locator(".insight-chart svg").first().waitFor({ timeout: 30_000 });
    const stack = await readCharts(page, false);
    console.log(`Stack at 390 px: smallest text ${stack.smallestText.toFixed(1)} px on screen`);
    expect(stack.charts).toBeGreaterThan(5);
    expect(stack.smallestText, "the Stack's smallest text, px").toBeGreaterThanOrEqual(10.9);
    expect(stack.labelsOverlapping).toEqual([]);
    expect(stack.labelsCut).toEqual([]);
    // The counts are still written in a table beside each chart.
    expect(await page.locator(".insight-area table").count()).toBeGreaterThanOrEqual(stack.charts);
  });

  it("draws the Overlay to be read on a phone: schools at one level side by side, text at 11 px", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.setViewportSize({ width: 390, height: 844 });
    // Three schools, each at the expected level in every criterion last cycle.
    await page.goto(`${server.url}/insight/overlay`);
    for (const school of schools) await page.getByLabel(`${school.name} · Autumn 2025`).check();
    await page.getByRole("button", { name: "Overlay" }).click();
    await page.getByRole("heading", { name: "Side by side" }).waitFor({ timeout: 30_000 });
    await page.locator(".insight-chart svg").first().waitFor();
    const overlay = await readCharts(page, true);
    console.log(
      `Overlay at 390 px: smallest text ${overlay.smallestText.toFixed(1)} px, ${overlay.markersOverlapping.length} markers overlapping`,
    );
    expect(overlay.markersOverlapping.slice(0, 5)).toEqual([]);
    expect(overlay.smallestText, "the Overlay's smallest text, px").toBeGreaterThanOrEqual(10.9);
    expect(overlay.labelsOverlapping).toEqual([]);
    expect(overlay.labelsCut).toEqual([]);
    // Every school's marker is drawn: three a criterion.
    const markers = await page.locator(".insight-chart").first().locator("svg path").count();
    const criteria = await page.locator(".insight-area").first().locator("tbody tr").count();
    expect(markers).toBe(3 * criteria);
    expect(await page.locator(".insight-area table").count()).toBeGreaterThanOrEqual(
      overlay.charts,
    );
  });

  it("draws the Trends to be read on a phone: text at 11 px, no label over another or cut off, nothing scrolling sideways", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/insight/trends`);
    await page.locator(".insight-chart svg").first().waitFor({ timeout: 30_000 });
    const trends = await readCharts(page, false);
    console.log(`Trends at 390 px: smallest text ${trends.smallestText.toFixed(1)} px on screen`);
    expect(trends.charts).toBeGreaterThan(5);
    expect(trends.smallestText, "the Trends' smallest text, px").toBeGreaterThanOrEqual(10.9);
    expect(trends.labelsOverlapping).toEqual([]);
    expect(trends.labelsCut).toEqual([]);
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways, "the page scrolls sideways by, px").toBe(0);
    expect(await page.locator(".insight-area table").count()).toBeGreaterThanOrEqual(trends.charts);
  });
});

describe("the heat map at a tablet's and a phone's width", () => {
  it("fits a 1024 px window that has the browser's own scrollbar, and never scrolls a phone's page sideways", async () => {
    // A laptop's (or a desktop browser's) window: its scrollbar takes 15 px of the 1024.
    const page = await signedInPage(server.url, world.people.trustLeader.id, {
      scrollbars: true,
    });
    for (const width of [1024, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}/insight/heat-map`);
      await page
        .getByRole("link", { name: /^Oakfield Primary, Inclusion: Exceptional, higher than/ })
        .waitFor({ timeout: 30_000 });
      const [inBox, onPage, scrollbar] = await page
        .locator(".table-scroll")
        .evaluate((box) => [
          box.scrollWidth - box.clientWidth,
          document.documentElement.scrollWidth - document.documentElement.clientWidth,
          innerWidth - document.documentElement.clientWidth,
        ]);
      console.log(`Heat map at ${width} px (scrollbar ${scrollbar} px): table scrolls ${inBox} px`);
      expect(scrollbar, "the window has a scrollbar of its own").toBeGreaterThan(0);
      expect({ width, onPage }).toEqual({ width, onPage: 0 });
      if (width === 1024) expect({ width, inBox }).toEqual({ width, inBox: 0 });
    }
  });
});

describe("the Stack's tables at a tablet's and a phone's width", () => {
  it("fit their box at 820 px and 390 px: every column whole, nothing scrolling sideways", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    for (const width of [820, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/insight/stack`);
      await page.locator(".stack-table").first().waitFor({ timeout: 30_000 });
      const reading = await page.evaluate(() => ({
        // A tablet's width up, a table; a phone's, a card per criterion.
        display: getComputedStyle(document.querySelector(".stack-table")!).display,
        onPage: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        inBoxes: [...document.querySelectorAll<HTMLElement>(".table-scroll")]
          .filter((box) => box.querySelector(".stack-table"))
          .map((box) => box.scrollWidth - box.clientWidth),
        // A level's name (a heading, or beside a count on a phone) narrower than its longest
        // word is cut into pieces ("No / ju / ye").
        headingsCut: [
          ...document.querySelectorAll<HTMLElement>(
            ".stack-table thead th, .stack-table .stacked-table-label",
          ),
        ]
          // Shown: not in a box kept for screen readers only (1 px, clipped).
          .filter((el) => {
            for (let box: HTMLElement | null = el; box; box = box.parentElement)
              if (box.getBoundingClientRect().width <= 1) return false;
            return el.getClientRects().length > 0;
          })
          .filter((el) => {
            const style = getComputedStyle(el);
            const context = document.createElement("canvas").getContext("2d")!;
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const widest = Math.max(
              ...(el.textContent ?? "").split(/\s+/).map((w) => context.measureText(w).width),
            );
            const room =
              el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return widest > room + 1 || el.scrollWidth > el.clientWidth + 1;
          })
          .map((el) => el.textContent),
      }));
      console.log(`Stack tables at ${width} px: scroll ${Math.max(...reading.inBoxes)} px`);
      expect({ width, display: reading.display }).toEqual({
        width,
        display: width === 820 ? "table" : "block",
      });
      expect({ width, onPage: reading.onPage }).toEqual({ width, onPage: 0 });
      expect({ width, inBoxes: reading.inBoxes.filter((n) => n > 0) }).toEqual({
        width,
        inBoxes: [],
      });
      expect({ width, cut: reading.headingsCut }).toEqual({ width, cut: [] });
    }
    // Still a table with its headings, for screen readers and the keyboard.
    const table = page.getByRole("table").first();
    expect(await table.getByRole("columnheader", { name: "Not judged yet" }).count()).toBe(1);
  });

  it("stay tables to a screen reader on a phone, where their rows are laid out as grids", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`${server.url}/insight/stack`);
    await page.locator(".stack-table").first().waitFor({ timeout: 30_000 });
    expect(
      await page
        .locator(".stack-table tbody tr")
        .first()
        .evaluate((tr) => getComputedStyle(tr).display),
    ).toBe("grid");
    expect(await tablesWithoutTheirRoles(page)).toEqual([]);
    expect(await checkPage(page)).toEqual([]);
  });
});

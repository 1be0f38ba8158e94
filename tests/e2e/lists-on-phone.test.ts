import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { checkPage, settle, unreachableScrollingTables } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildDemoWorld, type DemoWorld } from "../support/demo-world.ts";
import { startTestServer } from "../support/server.ts";

// The trust's lists (frameworks, a cycle's schools, the register) on a trust admin's or
// leader's phone: every row's name, state and actions in view, none in a table that has to be
// swiped sideways to find them; on a laptop they are still tables.

useTestDatabase();
useBrowser();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };

let server: AppServer;
let world: DemoWorld;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildDemoWorld(server);
});
afterAll(async () => {
  await server?.close();
});

async function open(page: Page, path: string, size: typeof PHONE) {
  await page.setViewportSize(size);
  await page.goto(server.url + path);
  await settle(page);
}

/** How far right each of these reaches, named by its text, where that is past the viewport. */
async function pastTheRightEdge(items: Locator, width: number): Promise<string[]> {
  const past: string[] = [];
  for (const item of await items.all()) {
    const box = await item.boundingBox();
    if (box && box.x + box.width > width)
      past.push(
        `${(await item.innerText()).trim()} (right edge ${Math.round(box.x + box.width)} px)`,
      );
  }
  return past;
}

/** Every cell of a table's rows and every control in them, less the header row. */
function rowContents(page: Page, tableName: string): Locator {
  return page.getByRole("table", { name: tableName }).locator("tbody").locator("th, td, a, button");
}

describe("the frameworks list on a trust admin's phone", () => {
  it("shows each framework's name, status, draft and Make a copy without scrolling sideways", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    await open(page, "/frameworks", PHONE);
    const copies = page.getByRole("button", { name: /^Make a copy of / });
    expect(await copies.count()).toBeGreaterThan(1);
    for (const copy of await copies.all()) {
      const box = await copy.boundingBox();
      expect(box, "the Make a copy button is drawn").not.toBeNull();
      expect(box!.x + box!.width, `${await copy.innerText()}: right edge`).toBeLessThanOrEqual(
        PHONE.width,
      );
    }
    expect(
      await pastTheRightEdge(rowContents(page, "The trust's frameworks"), PHONE.width),
    ).toEqual([]);
    expect(await unreachableScrollingTables(page, { mayScroll: false })).toEqual([]);
    expect(await checkPage(page)).toEqual([]);
  });

  it("is still a table with its header row on a laptop", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    await open(page, "/frameworks", LAPTOP);
    const table = page.getByRole("table", { name: "The trust's frameworks" });
    expect(await table.evaluate((el) => getComputedStyle(el).display)).toBe("table");
    // The header row is drawn across the table, not kept for screen readers only.
    const header = table.locator("thead");
    expect(await header.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(600);
    expect(
      await table
        .locator("tbody tr")
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe("table-row");
    expect(await checkPage(page, { tablesMayScroll: false })).toEqual([]);
  });
});

describe("the other lists a trust admin and leader open on a phone", () => {
  const lists = (w: DemoWorld) => [
    { path: "/frameworks", table: "The trust's frameworks" },
    { path: `/cycles/${w.cycleId}`, table: "Progress of each school in this cycle" },
    { path: "/register", table: "Awards, soonest expiry first" },
  ];

  for (const who of ["trustAdmin", "trustLeader"] as const) {
    it(`keep every row's columns and actions in view for a ${who}`, async () => {
      const page = await signedInPage(server.url, world.people[who].id);
      const problems: string[] = [];
      for (const list of lists(world)) {
        await open(page, list.path, PHONE);
        const rows = page.getByRole("table", { name: list.table }).locator("tbody tr");
        expect(await rows.count(), `${list.path} has rows`).toBeGreaterThan(0);
        for (const past of await pastTheRightEdge(rowContents(page, list.table), PHONE.width))
          problems.push(`${list.path}: ${past}`);
        for (const table of await unreachableScrollingTables(page, { mayScroll: false }))
          problems.push(`${list.path}: ${table}`);
        for (const problem of await checkPage(page)) problems.push(`${list.path}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("that are lists of cards already keep their links and buttons in view", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    const problems: string[] = [];
    for (const path of ["/cycles", "/validations", "/trust", "/workspaces"]) {
      await open(page, path, PHONE);
      const controls = page.getByRole("main").locator("a[href], button, select, input");
      for (const past of await pastTheRightEdge(controls, PHONE.width))
        problems.push(`${path}: ${past}`);
      for (const table of await unreachableScrollingTables(page, { mayScroll: false }))
        problems.push(`${path}: ${table}`);
    }
    expect(problems).toEqual([]);
  });

  it("are still tables on a laptop", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    for (const list of lists(world)) {
      await open(page, list.path, LAPTOP);
      const table = page.getByRole("table", { name: list.table });
      expect(await table.evaluate((el) => getComputedStyle(el).display), list.path).toBe("table");
      expect(await checkPage(page, { tablesMayScroll: false }), list.path).toEqual([]);
    }
  });
});

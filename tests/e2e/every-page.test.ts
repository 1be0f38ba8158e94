import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSecondFactor } from "../support/second-factor.ts";
import { passwordOnlyCookieFor } from "../support/sessions.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, preloadAxe, settle } from "../support/axe.ts";
import {
  allowBrowserConsoleError,
  pageWithCookie,
  signedInPage,
  signedOutPage,
  useBrowser,
} from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildDemoWorld, type DemoWorld } from "../support/demo-world.ts";
import { buildUser } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// Every page of the app (app/routes: each route with a component), as each role that can open
// it, in a demo-like trust, at a laptop's, a tablet's and a phone's width: axe finds nothing
// (WCAG 2.0/2.1 A and AA, 2.2 target size, and our best practices), nothing scrolls sideways,
// and a wide table scrolls in its own box that a keyboard can reach. The lists below are the
// walk: a new page is a new line in the lists of the roles that may open it.

useTestDatabase();
useBrowser();

const WIDTHS = [1280, 768, 390];

interface Visit {
  path: string;
  /** Brings the page to a state worth checking too (an error shown, a dialog open). */
  then?: (page: Page) => Promise<void>;
  /** The status the page answers with when it is not 200 (a page that does not exist). */
  status?: number;
  /** A live page: its save state is announced (a status live region). */
  live?: boolean;
}

type Who =
  | "signedOut"
  | "awaitingCode"
  | "enrolling"
  | "trustAdmin"
  | "trustLeader"
  | "validator"
  | "schoolLeader"
  | "staff"
  | "contributor";

/**
 * What each role walks: every page they can open, once. Where two roles see the same page
 * with the same controls, one of them walks it (trust leaders see what admins see, read-only;
 * staff what leaders see, less the leader's decisions), to keep the walk short.
 */
function walks(w: DemoWorld): Record<Who, Visit[]> {
  const evaluation = `/evaluations/${w.evaluation.id}`;
  const mark = `/evaluations/${w.underValidation.id}`;
  const meeting = `/validations/${w.validation.id}/meeting`;
  const certificate = `/awards/${w.award.id}/certificate`;
  const school = `/schools/${w.school.id}`;
  const workspace = `/workspaces/${w.workspaceId}`;
  const [pastMeeting, nextMeeting] = w.workspaceMeetingIds.map(
    (id) => `${workspace}/meetings/${id}`,
  );
  const page = (path: string): Visit => ({ path });
  /** A page this role edits live: its save state must be announced. */
  const editing = (path: string): Visit => ({ path, live: true });
  return {
    signedOut: [
      page("/sign-in"),
      { path: "/sign-in", then: wrongPassword },
      page("/verify"),
      page(`/verify?code=${w.award.code}`),
      page("/verify?code=NOSUCHCODE"),
      { path: "/no-such-page", status: 404 },
    ],
    awaitingCode: [page("/sign-in/code"), { path: "/sign-in/code", then: wrongCode }],
    enrolling: [page("/account/two-factor")],
    trustAdmin: [
      page("/home"),
      page("/my-actions"),
      page("/account"),
      page("/account/two-factor"),
      page(school),
      page(evaluation),
      page(`${evaluation}/actions`),
      page(`${evaluation}/perspectives`),
      page(`${mark}/validation`),
      page(`${mark}/history`),
      page(meeting),
      page(certificate),
      page("/frameworks"),
      editing(`/frameworks/${w.frameworkId}`),
      editing(`/frameworks/${w.draftFrameworkId}`),
      page("/cycles"),
      page("/cycles/new"),
      page(`/cycles/new?version=${w.markVersionId}`),
      page(`/cycles/${w.cycleId}`),
      page("/register"),
      page("/validations"),
      page("/trust"),
      page("/trust/audit"),
      page(`/trust/people/${w.people.staff.id}/two-factor`),
      page("/insight"),
      page("/insight/stack"),
      page("/insight/heat-map"),
      page("/insight/heat-map?area=inclusion"),
      page("/insight/overlay"),
      page("/insight/trends"),
      page("/insight/expertise"),
      page("/workspaces"),
      page(workspace),
      page(`${workspace}/members`),
      page(nextMeeting),
      { path: `/evaluations/${"0".repeat(24)}`, status: 404 },
    ],
    trustLeader: [
      page("/home"),
      page(school),
      page(evaluation),
      page(`${mark}/validation`),
      page(meeting),
      page("/frameworks"),
      page(`/frameworks/${w.frameworkId}`),
      page("/cycles"),
      page(`/cycles/${w.cycleId}`),
      page("/register"),
      page("/validations"),
      page("/insight"),
      page(workspace),
      page(pastMeeting),
    ],
    validator: [
      page("/home"),
      page("/my-actions"),
      page("/account"),
      page("/validations"),
      page(mark),
      page(`${mark}/validation`),
      page(`${mark}/history`),
      editing(meeting),
      page(`/validations/${w.validation.id}/prepare`),
      page("/workspaces"),
    ],
    schoolLeader: [
      page("/home"),
      page("/my-actions"),
      page("/account"),
      { path: "/account", then: tokenWithoutName },
      { path: "/account", then: tokenCreated },
      page(school),
      editing(evaluation),
      editing(`${evaluation}?area=${w.evaluation.areaIds[1]}`),
      page(`${evaluation}/actions`),
      page(`${evaluation}/history`),
      page(`${mark}/history`),
      page(`${evaluation}/perspectives`),
      page(`${evaluation}/upgrade`),
      page(`${mark}/validation`),
      editing(meeting),
      page(certificate),
      // Starting a renewal asks first (trust admins see the same confirmation).
      page(`/awards/${w.award.id}/renew`),
      page("/insight"),
      page("/workspaces"),
      editing(workspace),
      page(`${workspace}/members`),
      editing(nextMeeting),
      editing(pastMeeting),
      page(`${evaluation}/share?criterion=${Object.keys(w.evaluation.levelsByCriterion)[0]}`),
    ],
    staff: [
      page("/home"),
      page("/my-actions"),
      page("/account/two-factor"),
      editing(evaluation),
      page(`${evaluation}/perspectives`),
      page(`${evaluation}/upgrade`),
      page(`${mark}/validation`),
      editing(meeting),
      page(certificate),
    ],
    contributor: [
      page("/home"),
      page(evaluation),
      page(`${evaluation}/perspectives`),
      page("/workspaces"),
      editing(workspace),
    ],
  };
}

async function wrongPassword(page: Page) {
  await page.getByLabel("Email address").fill("nobody@riverside.example");
  await page.getByLabel("Password").fill("not the password");
  await submitAndSettle(page, page.getByRole("button", { name: "Sign in" }));
}

async function tokenWithoutName(page: Page) {
  await submitAndSettle(page, page.getByRole("button", { name: "Create token" }));
}

async function tokenCreated(page: Page) {
  await page.getByRole("textbox", { name: "Name" }).fill("MIS import");
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Create token" }).click(),
  ]);
  await page.getByRole("textbox", { name: "Token", exact: true }).waitFor();
  await settle(page);
}

async function wrongCode(page: Page) {
  await page.getByLabel("Code", { exact: true }).fill("000000");
  await submitAndSettle(page, page.getByRole("button", { name: "Continue" }));
}

/** Submits a form that is refused (a 4xx the browser logs) and waits for the page to show why. */
async function submitAndSettle(page: Page, button: Locator) {
  allowBrowserConsoleError(/status of 4\d\d/);
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), button.click()]);
  await settle(page);
}

let server: AppServer;
let world: DemoWorld;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildDemoWorld(server);
});
afterAll(async () => {
  await server?.close();
});

/** Opens each page in turn in one context and checks it at every width; the problems found. */
async function walk(page: Page, visits: Visit[]): Promise<string[]> {
  const problems: string[] = [];
  for (const visit of visits) {
    const where = `${visit.path}${visit.then ? ` (${visit.then.name})` : ""}`;
    if (visit.status) allowBrowserConsoleError(new RegExp(`status of ${visit.status}`));
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    const response = await page.goto(server.url + visit.path);
    const status = response?.status() ?? 0;
    if (status !== (visit.status ?? 200)) {
      problems.push(`${where}: answered ${status}, so this role cannot walk it`);
      continue;
    }
    await settle(page);
    await visit.then?.(page);
    if (visit.live && (await page.getByRole("status").count()) === 0)
      problems.push(`${where}: no status live region announces the save state`);
    for (const width of WIDTHS) {
      if (width !== WIDTHS[0]) {
        await page.setViewportSize({ width, height: 900 });
        await settle(page, 50, 500);
      }
      for (const problem of await checkPage(page, { tablesMayScroll: width < 1280 }))
        problems.push(`${where} at ${width} px: ${problem}`);
    }
  }
  return problems;
}

async function pageAs(who: Who): Promise<Page> {
  if (who === "signedOut") return signedOutPage();
  if (who === "awaitingCode") {
    await ensureSecondFactor(world.people.trustAdmin.id);
    return pageWithCookie(server.url, await passwordOnlyCookieFor(world.people.trustAdmin.id));
  }
  if (who === "enrolling") {
    const newcomer = await buildUser("validator", world.trust, undefined, "Morgan Newcomer");
    return pageWithCookie(server.url, await passwordOnlyCookieFor(newcomer.id));
  }
  return signedInPage(server.url, world.people[who].id);
}

const ROLES: Who[] = [
  "signedOut",
  "awaitingCode",
  "enrolling",
  "trustAdmin",
  "trustLeader",
  "validator",
  "schoolLeader",
  "staff",
  "contributor",
];

/**
 * A role's walk in parts, each a test of its own, of at most `VISITS_PER_TEST` visits: a trust
 * admin's 36 pages at three widths took 65 s on a quiet machine, and over the 120 s limit on a
 * busy one. A role whose walk grows past its parts fails here until it is given another part.
 */
const VISITS_PER_TEST = 13;
const PARTS: Partial<Record<Who, number>> = { trustAdmin: 3, schoolLeader: 2, trustLeader: 2 };

describe("every page, as every role, at 1280, 768 and 390 px", () => {
  for (const who of ROLES) {
    const parts = PARTS[who] ?? 1;
    for (let part = 0; part < parts; part++) {
      const name = parts > 1 ? `${who} (part ${part + 1} of ${parts})` : who;
      it(`is accessible and reflows for ${name}`, async () => {
        const visits = walks(world)[who];
        const size = Math.ceil(visits.length / parts);
        expect(size, `visits per part for ${who}: give it more PARTS`).toBeLessThanOrEqual(
          VISITS_PER_TEST,
        );
        const page = await pageAs(who);
        await preloadAxe(page.context());
        const problems = await walk(page, visits.slice(part * size, (part + 1) * size));
        expect(problems.join("\n\n"), `${problems.length} problems`).toBe("");
      });
    }
  }
});

describe("on a phone", () => {
  it("keeps the header to a fifth of the screen at 390 px, a trust admin's eleven navigation items included", async () => {
    const page = await pageAs("trustAdmin");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/home`);
    const items = page.getByRole("navigation", { name: "Main" }).getByRole("listitem");
    expect(await items.count()).toBe(11);
    // Rows 20 px apart made it 219 px: a quarter of the screen before the page's heading.
    const header = (await page.locator("header.site-header").boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(170);
  });
});

describe("keyboard", () => {
  it("reaches the skip link first, shows it with a focus ring, and it moves focus to the page's content", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = (await skip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("main").evaluate((el) => el === document.activeElement)).toBe(true);
  });
});

describe("before the page's scripts run", () => {
  // A button that only scripts make work must say so (disabled) until they do: a click on it
  // before then would be lost without a word. Forms' submit buttons and links work without them.
  it("no page, for any role, offers a button that would ignore a click", async () => {
    const dead: string[] = [];
    for (const who of ROLES) {
      const page = await pageAs(who);
      // The served page as it stands until its scripts arrive.
      await page.route("**/build/**", (route) => route.abort());
      allowBrowserConsoleError(/ERR_FAILED|Failed to load/);
      for (const visit of walks(world)[who]) {
        if (visit.then || visit.status) continue;
        await page.goto(server.url + visit.path, { waitUntil: "domcontentloaded" });
        const buttons = await page.evaluate(() =>
          [...document.querySelectorAll("button, input[type=button], [role=button], [role=tab]")]
            .filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled)
            .filter((el) => !(el instanceof HTMLButtonElement && el.type === "submit" && el.form))
            .map((el) => (el.getAttribute("aria-label") ?? el.textContent ?? "").trim()),
        );
        for (const name of new Set(buttons)) dead.push(`${who} ${visit.path}: "${name}"`);
      }
      await page.close();
    }
    expect(dead).toEqual([]);
  });
});

describe("links", () => {
  // A link is an offer: one that answers 404 or 403 to the person it is shown to (a contributor
  // shown the evaluation's "Validation" page, say) is a dead end the page should not offer.
  const signedIn = ROLES.filter((who) => !["signedOut", "awaitingCode", "enrolling"].includes(who));
  for (const who of signedIn) {
    it(`no page links ${who} to a page they cannot open`, async () => {
      const page = await pageAs(who);
      const found = new Map<string, string>();
      for (const visit of walks(world)[who]) {
        if (visit.then || visit.status) continue;
        await page.goto(server.url + visit.path, { waitUntil: "domcontentloaded" });
        const hrefs = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
            .map((a) => new URL(a.href))
            .filter((url) => url.origin === location.origin && url.pathname !== "/sign-out")
            .map((url) => url.pathname + url.search),
        );
        for (const href of hrefs) if (!found.has(href)) found.set(href, visit.path);
      }
      const dead: string[] = [];
      const hrefs = [...found.keys()];
      for (let i = 0; i < hrefs.length; i += 6) {
        await Promise.all(
          hrefs.slice(i, i + 6).map(async (href) => {
            const answer = await page.request.get(server.url + href);
            if (answer.status() >= 400)
              dead.push(`on ${found.get(href)}: ${href} answers ${answer.status()}`);
          }),
        );
      }
      await page.close();
      expect(dead.sort()).toEqual([]);
    });
  }

  it("offers the evaluation's validation to its school's team, not to an invited contributor", async () => {
    const links = async (who: Who) => {
      const page = await pageAs(who);
      await page.goto(`${server.url}/evaluations/${world.evaluation.id}`);
      const nav = page.getByRole("navigation", { name: "This evaluation" });
      const names = await nav.getByRole("link").allTextContents();
      await page.close();
      return names;
    };
    expect(await links("staff")).toEqual(["Action plan", "Perspectives", "Validation"]);
    expect(await links("contributor")).toEqual(["Action plan", "Perspectives"]);
  });
});

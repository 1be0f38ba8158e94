import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Locator,
  type Page,
} from "playwright-core";
import { afterEach, beforeAll, beforeEach, expect } from "vitest";
import { findUserByEmail } from "../../models/user/user.ts";
import { freshCodeFor } from "./second-factor.ts";
import { cookieFor } from "./sessions.ts";

// Debian's Chromium, as its headless shell (package chromium-headless-shell): the same engine
// without the full browser's machinery, with which the browser files took a fifth longer and
// Chromium twice the CPU (ADR 073). E2E_CHROMIUM=/usr/bin/chromium runs them in the full browser.
const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/lib/chromium/chromium-headless-shell";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// One Chromium for the worker process, kept from one test file to the next (the e2e files
// share a worker: vitest.config.ts), and ended with the process by Playwright.
let browser: Browser | null = null;
/** The same Chromium with its scrollbars drawn, started when a test first asks for it. */
let browserWithScrollbars: Browser | null = null;
let contexts: BrowserContext[] = [];
let problems: string[] = [];
let allowedConsole: RegExp[] = [];

/** Lets the current test's pages log browser console errors matching `pattern` (an expected failure). */
export function allowBrowserConsoleError(pattern: RegExp) {
  allowedConsole.push(pattern);
}

function watch(page: Page) {
  // An uncaught exception in the page is a bug, whatever the test asserts.
  page.on("pageerror", (error) =>
    problems.push(`pageerror on ${page.url()}: ${error.stack ?? error.message}`),
  );
  // So is an unexpected console.error (the same rule the Node side applies in tests/support/setup.ts).
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() !== "error") return;
    const line = `console.error on ${page.url()}: ${message.text()}`;
    if (!allowedConsole.some((pattern) => pattern.test(message.text()))) problems.push(line);
  });
}

/** Chromium as `launch` started it, or again if it has gone (crashed, or closed). */
async function running(
  current: Browser | null,
  options: { scrollbars: boolean },
): Promise<Browser> {
  if (current?.isConnected()) return current;
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    ...(options.scrollbars ? { ignoreDefaultArgs: ["--hide-scrollbars"] } : {}),
  });
}

/**
 * Makes Chromium ready for this test file (launched once per worker process); every context a
 * test opens is closed after it, and the test fails if any of its pages threw or logged an
 * unexpected console error.
 */
export function useBrowser() {
  beforeAll(async () => {
    browser = await running(browser, { scrollbars: false });
  });
  beforeEach(() => {
    problems = [];
    allowedConsole = [];
  });
  afterEach(async () => {
    const opened = contexts;
    contexts = [];
    await Promise.all(opened.map((context) => context.close()));
    expect(problems, "errors in the browser").toEqual([]);
  });
}

export interface ContextOptions {
  /**
   * Scrollbars that take their width from the page, as a laptop's browser draws them (Chromium
   * started headless hides them, so a page there has the whole window's width): for checking
   * that a page fits a window with a scrollbar.
   */
  scrollbars?: boolean;
  /** False: scripts do not run, for checking what a page offers without them. */
  scripts?: boolean;
}

async function browserFor(options: ContextOptions): Promise<Browser> {
  if (!browser) throw new Error("call useBrowser() at the top of the test file");
  if (!options.scrollbars) return browser;
  browserWithScrollbars = await running(browserWithScrollbars, { scrollbars: true });
  return browserWithScrollbars;
}

/** A fresh browser profile (own cookies, own IndexedDB) whose pages are watched for errors. */
export async function newContext(options: ContextOptions = {}): Promise<BrowserContext> {
  const chosen = await browserFor(options);
  const context = await chosen.newContext({
    locale: "en-GB",
    timezoneId: "Europe/London",
    javaScriptEnabled: options.scripts ?? true,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  context.on("page", watch);
  contexts.push(context);
  return context;
}

/** A page in a fresh context, signed out. */
export async function signedOutPage(): Promise<Page> {
  const context = await newContext();
  return context.newPage();
}

/** A page in a fresh context already signed in as `userId` (the cookie the sign-in action would set). */
export async function signedInPage(
  baseUrl: string,
  userId: string,
  options: ContextOptions = {},
): Promise<Page> {
  return pageWithCookie(baseUrl, await cookieFor(userId), options);
}

/** A page in a fresh context holding this session cookie (`name=value`), e.g. a sign-in part done. */
export async function pageWithCookie(
  baseUrl: string,
  cookie: string,
  options: ContextOptions = {},
): Promise<Page> {
  const context = await newContext(options);
  const at = cookie.indexOf("=");
  await context.addCookies([
    {
      name: cookie.slice(0, at),
      value: cookie.slice(at + 1),
      url: baseUrl,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  return context.newPage();
}

/** Fills and submits the sign-in form the way a person would (the page must be on /sign-in). */
export async function signInThroughForm(
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the form, and when the app asks for the second step, types the code the
 * person's authenticator app would show (computed from their stored secret). For trust admins,
 * leaders and validators, who must use a second factor.
 */
export async function signInWithCode(page: Page, email: string, password: string): Promise<void> {
  await signInThroughForm(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  if (new URL(page.url()).pathname !== "/sign-in/code") return;
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  await enterSecondFactorCode(page, user.id);
}

/** On the code page: types a fresh code from the person's stored secret and continues. */
export async function enterSecondFactorCode(page: Page, userId: string): Promise<void> {
  await page.getByLabel("Code", { exact: true }).fill(await freshCodeFor(userId));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in/code");
}

/** The path and query of the page's current URL, e.g. "/sign-in?redirectTo=%2Fhome". */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/**
 * Opens `url` with the page's scripts held back, presses `target` on the page as served, lets
 * the scripts run and releases the press once `live` shows they have taken over: a click on a
 * busy machine, begun a moment before the page came alive.
 */
export async function pressAcrossTakeOver(page: Page, url: string, target: Locator, live: Locator) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/build\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "commit" });
  const box = await target.boundingBox();
  if (!box) throw new Error("nothing to press on the page as served");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  release();
  await live.waitFor({ timeout: 15_000 });
  await page.mouse.up();
}

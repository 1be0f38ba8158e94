// npm run bench:open -- [--runs R] [--trace DIR] [--profile] [--server-profile DIR]
// Open → editable for the demo evaluation in Chromium (issue 12: goal ≤ 300 ms, median of 5):
// the production server (`server/index.ts`, built app, demo data) on a fresh embedded FerretDB,
// a demo staff member signed in; cold (a fresh browser context each time: nothing cached) and
// warm (one context: an earlier visit's HTTP cache and compiled scripts), both as a new tab's
// first page, and in the tab (warm, from the site's home page in the same tab: a link followed,
// an address typed or a reload, which needs no new renderer process). Measured in the page
// from navigation start: the HTML's last byte, its stylesheets' last byte, first contentful
// paint, DOMContentLoaded,
// **editable**: the first criterion's narrative takes typing and its judgement a click (as served,
// before any script: what is typed or chosen then is kept, tests/e2e/early-input.test.ts) and the
// frame showing them is on screen, as the page itself records it (open-recorder.ts, ADR 058), and
// **live**: the page's scripts have taken over (the narrative's editor exists, the judgement's
// buttons carry React's handlers).
// Baseline in the same run: the same browser opening a bare page with one text box from a bare
// Node server (the machine's and Chromium's own floor just now), so a busy machine shows as a
// slow baseline rather than as our regression. Reported beside them: the CPU other processes
// used. Writes bench-results/open-<timestamp>.json.
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { machineQuiet, sampleMachine } from "./machine-sampler.ts";
import { profilePageScripts } from "./js-profile.ts";
import { traceMainThread } from "./main-thread.ts";
import { sampleProcess } from "./process-sampler.ts";
import { median } from "./stats.ts";
import {
  longestTaskWhileLoading,
  momentRecorder,
  recordedMoments,
  type PageCheck,
  type RecordedMoments,
} from "./open-recorder.ts";
import { writeBenchResult } from "./result-file.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    trace: { type: "string" },
    profile: { type: "boolean", default: false },
    // The server's own CPU profile (node --cpu-prof), written into DIR when it stops.
    "server-profile": { type: "string" },
  },
});
const RUNS = Number(values.runs);

process.env.SESSION_SECRET ??= "bench-session-secret-that-is-long-enough-123";
// Plain http on 127.0.0.1: the session cookie without the __Host- prefix (which needs https).
process.env.COOKIE_SECURE = "false";
const { startFerretDB } = await import("../../server/database/ferretdb.ts");
await import("../../models/registry.ts");
const { mongoose } = await import("../../models/mongoose.ts");
const { spawnServer } = await import("../support/server.ts");
const { cookieFor } = await import("../support/sessions.ts");
const { findUserByEmail } = await import("../../models/user/user.ts");

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

interface Timings {
  responseEnd: number;
  /** The HTML's size, uncompressed: what the browser parses before it can paint. */
  htmlBytes: number;
  firstContentfulPaint: number | null;
  /** The page's stylesheets (render-blocking) have all arrived: the first paint cannot be sooner. */
  stylesheetsEnd: number | null;
  domContentLoaded: number;
  editable: number;
  /** The page's scripts have taken over (null for the bare page, which has none). */
  live: number | null;
  /** The animation frame in which the controls were first there; editable is when it was shown. */
  controlsInFrame: number;
  /** The longest main-thread task between editable and live: how long input could wait. */
  longestTaskWhileLoading: number;
}

type Cookie = { name: string; value: string };

/** Opens `url` in a new tab of `context` and waits until `ready` (run in the page) says yes. */
async function openIn(
  context: BrowserContext,
  url: string,
  { ready, shown, live }: PageKind,
  /**
   * A page of the same site to show first, in the same tab: the open is then a navigation from
   * it (a link followed, an address typed or a reload), not a new tab's first page.
   */
  from?: string,
): Promise<Timings> {
  const page: Page = await context.newPage();
  if (from) await page.goto(from, { waitUntil: "load" });
  // Said when the page never becomes editable: what went wrong in it.
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  try {
    // Opened on a machine at rest, as a person opens a link: not while Chromium is still
    // setting up the new context's window (about 0.3 s of its CPU here, in the browser process
    // and its own WebUI renderer) or tearing down the last page, and the server its socket.
    await machineQuiet();
    // The page records when it became editable and live itself (see open-recorder.ts); the
    // driver reads that once the page has loaded, so its own work in the page comes after.
    await page.addInitScript({ content: momentRecorder(ready, shown, live) });
    await page.goto(url, { waitUntil: "load", timeout: 30_000 });
    const handle = await page
      .waitForFunction(recordedMoments, Boolean(live), { polling: 50, timeout: 30_000 })
      .catch(async (error: unknown) => {
        const heading = await page
          .locator("h1")
          .first()
          .textContent()
          .catch(() => null);
        const state = await page
          .evaluate(() => {
            const narrative = document.querySelector('[aria-label^="Narrative for"]');
            const judgement = document.querySelector<HTMLInputElement>(
              "fieldset.judgement input[type=radio]",
            );
            return JSON.stringify({
              narrative: narrative?.getAttribute("contenteditable") ?? "absent",
              loading: [...document.querySelectorAll(".editor-loading")].map((e) => e.textContent),
              judgement: judgement
                ? { disabled: judgement.disabled, hydrated: Object.keys(judgement).length > 0 }
                : "absent",
              status: document.querySelector('[role="status"]')?.textContent ?? null,
              area: document.querySelector(".area-content")?.textContent?.slice(0, 300) ?? null,
              hydrated: Object.keys(document.querySelector("button") ?? {}).length > 0,
            });
          })
          .catch(() => "unknown");
        problems.push(`state: ${state}`);
        const said = problems.length ? `; the page said:\n${problems.join("\n")}` : "";
        throw new Error(`${url} never became editable (at ${page.url()}, "${heading}")${said}`, {
          cause: error,
        });
      });
    const moments = (await handle.jsonValue()) as RecordedMoments;
    const timings = await page.evaluate(
      ({ editable, live }) => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        // The stylesheets the HTML itself asks for: render-blocking, so no paint before them.
        const stylesheets = [0];
        for (const r of resources)
          if (r.initiatorType === "link" && new URL(r.name).pathname.endsWith(".css"))
            stylesheets.push(r.responseEnd);
        return {
          responseEnd: nav.responseEnd,
          htmlBytes: nav.decodedBodySize,
          firstContentfulPaint: fcp ? fcp.startTime : null,
          stylesheetsEnd: stylesheets.length > 1 ? Math.max(...stylesheets) : null,
          domContentLoaded: nav.domContentLoadedEventEnd,
          editable,
          live,
        };
      },
      { editable: moments.editable!, live: moments.live },
    );
    return {
      ...timings,
      controlsInFrame: moments.inFrame!,
      longestTaskWhileLoading: longestTaskWhileLoading(moments),
    };
  } finally {
    await page.close();
  }
}

/** What is measured of a page: when it is editable, whose text shows that, when it is live. */
interface PageKind {
  /** Run in the page: the time the controls were there and enabled, or false. */
  ready: PageCheck;
  /**
   * The controls' labels (CSS selectors, the first match of each): on screen means shown. Each a
   * block (Element Timing counts text to the nearest block that holds it).
   */
  shown: string[];
  /** Run in the page: the time its scripts took over, or false (none for the bare page). */
  live?: PageCheck;
}

/**
 * Opens `url` `runs` times, each in a fresh context (cold: nothing cached, as someone opening a
 * link for the first time), or all in one context after one unmeasured open (warm: the HTTP
 * cache and compiled scripts of an earlier visit, as someone coming back to their evaluation).
 */
async function newContext(browser: Browser, url: string, cookie: Cookie | null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // For the whole site (path "/"), as the sign-in sets it: given the page's address, Playwright
  // scopes the cookie to that address's folder (/evaluations/), so the page's socket (/collab)
  // went without it and was refused, and "editable" was only ever the moment before the refusal.
  if (cookie) await context.addCookies([{ ...cookie, url: `${new URL(url).origin}/` }]);
  return context;
}

async function openCold(browser: Browser, url: string, cookie: Cookie | null, kind: PageKind) {
  const context = await newContext(browser, url, cookie);
  try {
    return await openIn(context, url, kind);
  } finally {
    await context.close();
  }
}

/** The senco's evaluation's first criterion, opened, as the links on their pages lead there. */
async function firstCriterionUrl(
  browser: Browser,
  siteUrl: string,
  cookie: Cookie,
): Promise<string> {
  const context = await newContext(browser, siteUrl, cookie);
  try {
    const page = await context.newPage();
    await page.goto(`${siteUrl}/home`, { timeout: 120_000 });
    const evaluation = await page
      .locator('main a[href^="/evaluations/"]')
      .first()
      .getAttribute("href", { timeout: 120_000 });
    await page.goto(new URL(evaluation!, siteUrl).toString(), { timeout: 120_000 });
    const criterion = await page
      .locator('a[href*="criterion="]')
      .first()
      .getAttribute("href", { timeout: 120_000 });
    return new URL(criterion!, page.url()).toString();
  } finally {
    await context.close();
  }
}

/**
 * The demo evaluation is editable: the first narrative takes typing and a judgement button is
 * enabled, as served or live (what is typed or clicked before the scripts run is kept).
 */
function evaluationEditable(): number | false {
  const narrative = document.querySelector('[aria-label^="Narrative for"][contenteditable="true"]');
  const judgement = document.querySelector<HTMLInputElement>(
    "fieldset.judgement input[type=radio]",
  );
  return narrative && judgement && !judgement.disabled ? performance.now() : false;
}

/**
 * The demo evaluation's scripts have taken over: the narrative's own editor (TipTap's) takes
 * typing, and a judgement button carries React's handlers.
 */
function evaluationLive(): number | false {
  const narrative = document.querySelector(
    '.tiptap[aria-label^="Narrative for"][contenteditable="true"]',
  );
  const judgement = document.querySelector<HTMLInputElement>(
    "fieldset.judgement input[type=radio]",
  );
  const ready =
    narrative &&
    judgement &&
    !judgement.disabled &&
    Object.keys(judgement).some((key) => key.startsWith("__reactProps"));
  return ready ? performance.now() : false;
}

/** The bare page's text box is there (no scripts to wait for). */
function bareEditable(): number | false {
  return document.querySelector("textarea") ? performance.now() : false;
}

const evaluationPage: PageKind = {
  ready: evaluationEditable,
  shown: ['h5[id$="-narrative"]', "fieldset.judgement legend"],
  live: evaluationLive,
};
// The text box's label is inline: Element Timing counts its text to the block that holds it.
const barePage: PageKind = { ready: bareEditable, shown: ["main"] };

/** `--trace DIR`: one cold open's Chromium trace, and its main thread's time by task kind. */
async function traceOneOpen(browser: Browser, url: string, cookie: Cookie, dir: string) {
  const context = await newContext(browser, url, cookie);
  try {
    const page = await context.newPage();
    const { byName, onCpu, trace } = await traceMainThread(browser, page, async () => {
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForFunction(evaluationLive, undefined, {
        polling: "raf",
        timeout: 30_000,
      });
    });
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `open-trace-${Date.now()}.json`);
    writeFileSync(file, trace);
    const total = Object.values(byName).reduce((a, b) => a + b, 0);
    console.log(
      `Main thread of one cold open: ${Math.round(total)} ms busy, ${Math.round(onCpu)} ms of it on a CPU (the rest waiting for a core) (trace: ${file})`,
    );
    for (const [name, ms] of Object.entries(byName)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15))
      console.log(`  ${name.padEnd(50)} ${ms.toFixed(1).padStart(8)} ms`);
  } finally {
    await context.close();
  }
}

/** `--profile`: one cold open's JavaScript, sampled: the busiest functions and scripts. */
async function profileOneOpen(browser: Browser, url: string, cookie: Cookie, dir?: string) {
  const context = await newContext(browser, url, cookie);
  try {
    const page = await context.newPage();
    const { byFunction, byScript, profile } = await profilePageScripts(page, async () => {
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForFunction(evaluationLive, undefined, {
        polling: "raf",
        timeout: 30_000,
      });
    });
    if (dir) {
      // Opens in DevTools (Performance panel); with `remix build --sourcemap` it names sources.
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `open-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`JavaScript profile: ${file}`);
    }
    const line = (t: { name: string; ms: number }) =>
      `  ${t.name.slice(0, 70).padEnd(70)} ${t.ms.toFixed(1).padStart(8)} ms`;
    console.log("JavaScript of one cold open, by script:");
    byScript.slice(0, 12).forEach((t) => console.log(line(t)));
    console.log("… by function (self time):");
    byFunction.slice(0, 25).forEach((t) => console.log(line(t)));
  } finally {
    await context.close();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "qm-bench-open-"));
const ferret = await startFerretDB({ sqliteDir: path.join(dir, "sqlite") });
// The bare page, and at /isolated the same page with our pages' Cross-Origin-Opener-Policy
// (server/security.ts): a new tab's first page that declares it makes Chromium swap the tab to a
// new renderer process (a new browsing context group), which the bare page otherwise skips.
const bare = createServer((req, res) => {
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    ...(req.url?.startsWith("/isolated") ? { "cross-origin-opener-policy": "same-origin" } : {}),
  });
  res.end(
    '<!doctype html><html lang="en"><title>Bare</title><main><h1>Bare page</h1>' +
      "<label>Narrative <textarea></textarea></label></main></html>",
  );
});
await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/`;
const isolatedBareUrl = `${bareUrl}isolated`;
const db = { uri: ferret.uri, dbName: "bench_open" };
const serverProfile = values["server-profile"];
const server = await spawnServer(
  db,
  { SEED_DEMO: "true" },
  serverProfile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(serverProfile)}`] : [],
);
let browser: Browser | null = null;
try {
  await mongoose.connect(db.uri, { dbName: db.dbName, retryWrites: false });
  const senco = (await findUserByEmail("senco@riverside-primary.example"))!;
  const cookie = await cookieFor(senco.id);
  const name = cookie.slice(0, cookie.indexOf("="));
  const value = cookie.slice(cookie.indexOf("=") + 1);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  // The address a person follows to work on a criterion: its area, that criterion open.
  const url = await firstCriterionUrl(browser, server.url, { name, value });

  // One unmeasured open of each warms the server's caches and the browser's process pool.
  await openCold(browser, url, { name, value }, evaluationPage);
  await openCold(browser, bareUrl, null, barePage);
  const warmOurs = await newContext(browser, url, { name, value });
  const warmBaseline = await newContext(browser, bareUrl, null);
  await openIn(warmOurs, url, evaluationPage);
  await openIn(warmBaseline, bareUrl, barePage);

  if (values.trace) await traceOneOpen(browser, url, { name, value }, values.trace);
  if (values.profile) await profileOneOpen(browser, url, { name, value }, values.trace);

  const machine = sampleMachine();
  const serverCpu = sampleProcess(server.child.pid!);
  const database = sampleProcess(ferret.child.pid);
  const runs = {
    cold: [] as Timings[],
    coldBaseline: [] as Timings[],
    warm: [] as Timings[],
    warmBaseline: [] as Timings[],
    coldIsolatedBaseline: [] as Timings[],
    inTab: [] as Timings[],
    inTabBaseline: [] as Timings[],
  };
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so ours and the baseline see the same moments of a shared machine.
    runs.cold.push(await openCold(browser, url, { name, value }, evaluationPage));
    runs.coldBaseline.push(await openCold(browser, bareUrl, null, barePage));
    runs.warm.push(await openIn(warmOurs, url, evaluationPage));
    runs.warmBaseline.push(await openIn(warmBaseline, bareUrl, barePage));
    runs.coldIsolatedBaseline.push(await openCold(browser, isolatedBareUrl, null, barePage));
    runs.inTab.push(await openIn(warmOurs, url, evaluationPage, `${server.url}/home`));
    runs.inTabBaseline.push(
      await openIn(warmBaseline, `${isolatedBareUrl}?next`, barePage, isolatedBareUrl),
    );
  }
  const used = { machine: machine.stop(), server: serverCpu.stop(), database: database.stop() };
  await warmOurs.close();
  await warmBaseline.close();
  const summary = (timings: Timings[]) => ({
    responseEnd: median(timings.map((r) => r.responseEnd)),
    htmlBytes: median(timings.map((r) => r.htmlBytes)),
    firstContentfulPaint: median(timings.map((r) => r.firstContentfulPaint ?? NaN)),
    stylesheetsEnd: median(timings.map((r) => r.stylesheetsEnd ?? NaN)),
    domContentLoaded: median(timings.map((r) => r.domContentLoaded)),
    controlsInFrame: median(timings.map((r) => r.controlsInFrame)),
    editable: median(timings.map((r) => r.editable)),
    live: timings[0]?.live === null ? null : median(timings.map((r) => r.live ?? NaN)),
    longestTaskWhileLoading: median(timings.map((r) => r.longestTaskWhileLoading)),
  });
  const result = {
    runs: RUNS,
    // The browser is part of the machine the figure was taken on (result-file.ts).
    chromium: browser.version(),
    url: new URL(url).pathname + new URL(url).search,
    cold: summary(runs.cold),
    coldBaseline: summary(runs.coldBaseline),
    warm: summary(runs.warm),
    warmBaseline: summary(runs.warmBaseline),
    coldIsolatedBaseline: summary(runs.coldIsolatedBaseline),
    inTab: summary(runs.inTab),
    inTabBaseline: summary(runs.inTabBaseline),
    goalMs: 300,
    raw: runs,
    cpu: {
      serverPercent: used.server.cpuPercent,
      databasePercent: used.database.cpuPercent,
      machinePercent: used.machine.busyPercent,
      cores: used.machine.cores,
      note: "the whole machine's figure includes Chromium and this bench",
    },
  };
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(`Open → editable, ${result.url}, median of ${RUNS} (Chromium; goal ≤ 300 ms)`);
  for (const kind of ["cold", "warm", "inTab"] as const) {
    const ours = result[kind];
    const base = result[`${kind}Baseline`];
    console.log(
      `  ${kind === "inTab" ? "in the tab" : kind}: HTML ${ms(ours.responseEnd)} (${Math.round(ours.htmlBytes / 1024)} KB), stylesheets in ${ms(ours.stylesheetsEnd)}, first paint ${ms(ours.firstContentfulPaint)}, DOMContentLoaded ${ms(ours.domContentLoaded)}, controls in a frame ${ms(ours.controlsInFrame)}, on screen (editable) ${ms(ours.editable)}, live ${ms(ours.live ?? NaN)} (longest task between: ${ms(ours.longestTaskWhileLoading)}); bare page ${ms(base.editable)} (${(ours.editable / base.editable).toFixed(1)}×)`,
    );
  }
  console.log(
    `  a new tab's bare page with our Cross-Origin-Opener-Policy (its own renderer process): ${ms(result.coldIsolatedBaseline.editable)}, without: ${ms(result.coldBaseline.editable)}`,
  );
  console.log(
    `  CPU (% of a core): server ${used.server.cpuPercent?.toFixed(0)}, database ${used.database.cpuPercent?.toFixed(0)}, whole machine ${used.machine.busyPercent?.toFixed(0)} of ${used.machine.cores * 100} (includes Chromium and this bench)`,
  );
  const file = writeBenchResult("open", result);
  console.log(`  written to ${file}`);
} finally {
  await browser?.close();
  await mongoose.disconnect();
  await server.stop();
  bare.close();
  await ferret.stop();
  rmSync(dir, { recursive: true, force: true });
}

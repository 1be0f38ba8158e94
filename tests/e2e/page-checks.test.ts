import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkPage, overlappingControls } from "../support/axe.ts";
import { signedOutPage, useBrowser } from "../support/browser.ts";

// The checks every-page.test.ts relies on find what they claim to find: a check that can never
// fail would let every page pass.
useBrowser();

async function pageOf(body: string, width = 390): Promise<Page> {
  const page = await signedOutPage();
  await page.setViewportSize({ width, height: 800 });
  await page.setContent(
    `<!doctype html><html lang="en-GB"><head><title>Check</title>
     <style>.hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
     .scroll { overflow-x: auto; }</style></head>
     <body><main><h1>Check</h1>${body}</main></body></html>`,
  );
  return page;
}

const wideTable = `<table><caption>Scores</caption><tr><th scope="col">School</th><td style="min-width: 1400px">Wide</td></tr></table>`;

describe("the page checks", () => {
  it("pass a plain, labelled page", async () => {
    const page = await pageOf(`<p>Hello</p><label for="n">Name</label><input id="n">`);
    expect(await checkPage(page)).toEqual([]);
  });

  it("report an axe violation with its rule, impact, help and where", async () => {
    const page = await pageOf(`<input id="n">`);
    const [problem] = await checkPage(page);
    expect(problem).toMatch(/^label \(critical\): Form elements must have labels/);
    expect(problem).toContain("#n");
  });

  it("report sideways scrolling with the element that sticks out", async () => {
    const page = await pageOf(`<div class="banner" style="width: 800px">Too wide</div>`);
    const [problem] = await checkPage(page);
    expect(problem).toMatch(/^horizontal scroll: the page is 8\d\d px wide in a 390 px viewport/);
    expect(problem).toContain("div.banner");
  });

  it("report a hidden label that escapes its scrolling box and widens the page", async () => {
    const page = await pageOf(
      `<div class="scroll" role="region" aria-label="Scores" tabindex="0"><div style="width: 700px; position: static"><span class="hidden" style="left: 600px">Hidden</span>x</div></div>`,
    );
    const problems = await checkPage(page);
    expect(problems.join("\n")).toMatch(/horizontal scroll[\s\S]*span\.hidden/);
  });

  it("accept a wide table in a focusable, named scrolling region, and refuse one in a bare box", async () => {
    const good = await pageOf(
      `<div class="scroll" role="region" aria-label="Scores" tabindex="0">${wideTable}</div>`,
    );
    expect(await checkPage(good)).toEqual([]);
    const bare = await pageOf(`<div class="scroll">${wideTable}</div>`);
    expect((await checkPage(bare)).join("\n")).toContain(
      'table "Scores" scrolls in a box without tabindex="0", role="region" and a name',
    );
  });

  it("refuse a table that scrolls at all where tables must fit", async () => {
    const page = await pageOf(
      `<div class="scroll" role="region" aria-label="Scores" tabindex="0">${wideTable}</div>`,
      1280,
    );
    expect(await checkPage(page, { tablesMayScroll: false })).toEqual([
      'table "Scores" scrolls sideways at a width where it should fit',
    ]);
  });

  it("report controls drawn over one another", async () => {
    const page = await pageOf(
      `<div style="position: relative; height: 60px"><button style="position: absolute; left: 0; width: 120px">Save</button><a href="#x" style="position: absolute; left: 60px; width: 120px; display: block">Details</a></div>`,
      768,
    );
    expect(await checkPage(page)).toContain('button "Save" overlaps a "Details"');
  });

  it("leave a sticky bar stuck at the top over the page scrolling under it, but not one laid over the page where it sits", async () => {
    const bar = (style: string) =>
      `<div style="position: sticky; top: 0; height: 48px; background: #fff; z-index: 1; ${style}"><button style="font: inherit">Who is here</button></div>`;
    const links = Array.from({ length: 40 }, (_, i) => `<p><a href="#p${i}">Part ${i}</a></p>`);
    const scrolled = await pageOf(bar("") + links.join(""), 390);
    await scrolled.evaluate(() => window.scrollTo(0, 400));
    expect(await overlappingControls(scrolled)).toEqual([]);
    // The same bar, not stuck: pulled down over the first link by a bad margin.
    const squeezed = await pageOf(links[0] + bar("margin-top: -40px"), 390);
    expect(await overlappingControls(squeezed)).toEqual([
      'a "Part 0" overlaps button "Who is here"',
    ]);
  });

  // Two controls in each other's way, and a dialog's Close drawn over the first of them.
  const inTheWay = `<style>button { font: inherit } dialog { margin: 0; inset: 0 auto auto 0; width: 300px; height: 200px }</style>
    <button style="position: absolute; top: 100px; left: 10px; width: 120px">Save</button><a href="#x" style="position: absolute; top: 100px; left: 70px; width: 120px; display: block">Details</a>`;
  const close = `<button style="position: fixed; top: 100px; left: 10px">Close</button>`;
  const dialog = (attributes: string, body: string) =>
    `<div ${attributes} aria-labelledby="q"><p id="q">Remove it?</p>${body}</div>`;
  const showModal = (page: Page) =>
    page.locator("dialog").evaluate((el: HTMLDialogElement) => el.showModal());

  it("leave the page behind an open modal dialog alone: it is inert", async () => {
    const opened = await pageOf(`${inTheWay}<dialog aria-labelledby="q">${close}</dialog>`, 768);
    await showModal(opened);
    expect(await checkPage(opened)).toEqual([]);
    for (const role of ["dialog", "alertdialog"]) {
      const marked = await pageOf(
        inTheWay + dialog(`role="${role}" aria-modal="true" style="position: fixed"`, close),
        768,
      );
      // (axe still checks the page behind, which only the app can make inert.)
      expect(await overlappingControls(marked), role).toEqual([]);
    }
  });

  it("still report controls drawn over one another in a modal dialog, or behind one that is not modal", async () => {
    const inside = await pageOf(`<dialog aria-labelledby="q">${inTheWay}</dialog>`, 768);
    await showModal(inside);
    expect(await checkPage(inside)).toContain('button "Save" overlaps a "Details"');
    const notModal = await pageOf(
      inTheWay + dialog(`role="alertdialog" style="position: fixed"`, close),
      768,
    );
    expect(await overlappingControls(notModal)).toEqual([
      'button "Save" overlaps a "Details"',
      'button "Save" overlaps button "Close"',
    ]);
  });

  it("report an invalid field whose error is not linked to it", async () => {
    const page = await pageOf(
      `<label for="e">Email</label><input id="e" name="email" aria-invalid="true"><p>Enter an email address</p>`,
    );
    expect(await checkPage(page)).toEqual([
      "invalid field email has no error message linked by aria-describedby",
    ]);
    const linked = await pageOf(
      `<label for="e">Email</label><input id="e" name="email" aria-invalid="true" aria-describedby="e-error"><p id="e-error">Enter an email address</p>`,
    );
    expect(await checkPage(linked)).toEqual([]);
  });

  it("report a button left in the browser's own look", async () => {
    const page = await pageOf(
      `<style>body { font-family: sans-serif } .styled { font: inherit }</style><button>Reply</button> <button class="styled">Resolve</button>`,
    );
    expect(await checkPage(page)).toEqual(['button "Reply" keeps the browser\'s own look']);
  });
});

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// Issue 12: the page is useful as served, before its scripts have run or its socket has synced.
// A writer's judgement and text fields take input at once, and what they get is kept.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const at = (criterion = "incl-1") =>
  `${server.url}/evaluations/${world.evaluation.id}?area=inclusion&criterion=${criterion}`;
const narrative = (page: Page) => page.getByRole("textbox", { name: "Narrative for 2.1" });
const judgement = (page: Page, level: string) =>
  page.getByRole("group", { name: "Judgement for 2.1" }).getByRole("radio", { name: level });
const saved = (page: Page) => page.getByRole("status").filter({ hasText: /^Saved$/ });
/** The narrative's live editor (TipTap's), not the text as served. */
const liveNarrative = (page: Page) => page.locator('.tiptap[aria-label="Narrative for 2.1"]');

/**
 * Opens the page with its scripts held back until `release()`: what a person meets on a slow
 * connection or a busy tablet, in the moments before the page's scripts have run.
 */
async function openWithScriptsHeld(userId: string, criterion?: string) {
  const page = await signedInPage(server.url, userId);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/build\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(at(criterion), { waitUntil: "commit" });
  await page.getByRole("textbox").first().waitFor();
  return { page, release };
}

/** Opens the page as usual and waits until its narrative's editor takes typing. */
async function openLive(userId: string) {
  const page = await signedInPage(server.url, userId);
  await page.goto(at());
  await expect.poll(() => liveNarrative(page).getAttribute("contenteditable")).toBe("true");
  return page;
}

describe("the evaluation as served, before its scripts run", () => {
  it("keeps what a writer typed and chose before the scripts ran, merged with a colleague's words", async () => {
    const { page: alex, release } = await openWithScriptsHeld(world.people.staff.id);
    // The served page takes typing and a click: no script of ours has run.
    expect(await liveNarrative(alex).count()).toBe(0);
    expect(await narrative(alex).getAttribute("contenteditable")).toBe("true");
    await judgement(alex, "Strong standard").check();
    expect(await judgement(alex, "Strong standard").isChecked()).toBe(true);
    await narrative(alex).click();
    await alex.keyboard.press("End");
    await alex.keyboard.type("Typed before the scripts ran.");

    // Meanwhile a colleague, whose page is live, writes in the same narrative.
    const chris = await openLive(world.people.staff2.id);
    await liveNarrative(chris).click();
    await chris.keyboard.type("Chris wrote this meanwhile.");
    await saved(chris).waitFor({ timeout: 10_000 });

    // The scripts arrive: the editor takes over the typed text, nothing is lost or replaced.
    release();
    await expect
      .poll(() => liveNarrative(alex).textContent(), { timeout: 15_000 })
      .toContain("Typed before the scripts ran.");
    expect(await liveNarrative(alex).textContent()).toContain("Chris wrote this meanwhile.");
    // The caret is still in the narrative: typing goes on where it was.
    await alex.keyboard.type(" And more.");
    await expect.poll(() => liveNarrative(alex).textContent()).toContain("ran. And more.");
    await saved(alex).waitFor({ timeout: 10_000 });
    expect(await judgement(alex, "Strong standard").isChecked()).toBe(true);

    // Both people's words and the choice reached the colleague and the database: a fresh page,
    // as served (its scripts never run), shows them.
    await expect
      .poll(() => liveNarrative(chris).textContent(), { timeout: 5000 })
      .toContain("Typed before the scripts ran. And more.");
    await expect.poll(() => judgement(chris, "Strong standard").isChecked()).toBe(true);
    const { page: later } = await openWithScriptsHeld(world.people.staff.id);
    const served = await narrative(later).textContent();
    expect(served).toContain("Typed before the scripts ran. And more.");
    expect(served).toContain("Chris wrote this meanwhile.");
    // Carried in once, however many times the page's editors were made.
    expect(served!.split("Typed before the scripts ran.")).toHaveLength(2);
    expect(await judgement(later, "Strong standard").isChecked()).toBe(true);
    await Promise.all([alex.close(), chris.close(), later.close()]);
  });

  it("loses and reorders nothing typed while the editor takes the served text's place", async () => {
    const { page, release } = await openWithScriptsHeld(world.people.staff.id);
    const evidence = page.getByRole("textbox", { name: "Evidence notes for 2.1" });
    await evidence.click();
    await page.keyboard.type("Pupil voice");
    // Typing goes on, key by key, while the scripts arrive and the editor takes over.
    release();
    await page.keyboard.type(" surveys each term show pupils feel safe and heard.", { delay: 15 });
    const live = page.locator('.tiptap[aria-label="Evidence notes for 2.1"]');
    await expect
      .poll(() => live.textContent(), { timeout: 15_000 })
      .toBe("Pupil voice surveys each term show pupils feel safe and heard.");
    await saved(page).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it("keeps the caret after a typed space when the editor takes over, so the next words follow it", async () => {
    const { page, release } = await openWithScriptsHeld(world.people.staff.id, "incl-2");
    const evidence = page.getByRole("textbox", { name: "Evidence notes for 2.2" });
    await evidence.click();
    // The browser shows a typed space at the end as a no-break space; the take-over rewrites
    // it as a space, which moved the caret to the start of the field.
    await page.keyboard.type("Governors visit termly ");
    release();
    const live = page.locator('.tiptap[aria-label="Evidence notes for 2.2"]');
    await expect.poll(() => live.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type("and report back.");
    await expect
      .poll(() => live.textContent(), { timeout: 15_000 })
      .toBe("Governors visit termly and report back.");
    await saved(page).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it("offers the criteria's open and close buttons only once they work: no click is lost", async () => {
    const { page, release } = await openWithScriptsHeld(world.people.staff.id);
    const expandAll = page.getByRole("button", { name: "Expand all" });
    const other = page.getByRole("button", { name: /^2\.2 / });
    expect(await expandAll.isDisabled()).toBe(true);
    expect(await other.isDisabled()).toBe(true);
    expect(await other.getAttribute("aria-expanded")).toBe("false");
    release();
    // Playwright clicks once they are enabled: each click now does what it says.
    await other.click();
    await expect.poll(() => other.getAttribute("aria-expanded")).toBe("true");
    await expandAll.click();
    await expect
      .poll(() => page.locator('.criterion-toggle[aria-expanded="false"]').count())
      .toBe(0);
    await page.close();
  });

  it("serves an observer the text read only, and their page never writes it", async () => {
    const { page, release } = await openWithScriptsHeld(world.people.trustLeader.id);
    expect(await narrative(page).getAttribute("contenteditable")).not.toBe("true");
    expect(await narrative(page).getAttribute("aria-readonly")).toBe("true");
    expect(await judgement(page, "Strong standard").isDisabled()).toBe(true);
    release();
    await expect.poll(() => liveNarrative(page).count(), { timeout: 15_000 }).toBe(1);
    expect(await liveNarrative(page).getAttribute("contenteditable")).toBe("false");
    await page.close();
  });
});

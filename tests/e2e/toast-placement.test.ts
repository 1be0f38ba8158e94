import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { axeViolations, describeViolations } from "../support/axe.ts";
import { useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { expectEach, factor, forceField, openPlanArea, saved } from "../support/plan-page.ts";
import { startTestServer } from "../support/server.ts";

// The page's notices (the remover's own "Removed … Undo", a colleague's removal with "Put it
// back") are drawn at the foot of the screen, which on a phone is where the field being typed in
// sits, just above the keyboard: they never lie over whatever has the focus, at any width, and
// their buttons stay where they are while reached for.

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

const open = (userId: string) => openPlanArea(server.url, world.evaluation.id, userId);
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A box as the page lays it out now (getBoundingClientRect), in whole pixels. */
const boxOf = (locator: Locator): Promise<Box> =>
  locator.evaluate((el) => {
    const { left, top, right, bottom } = el.getBoundingClientRect();
    return { left, top, right, bottom };
  });

/** What has the focus, its id, and its box as the page lays it out now. */
const focusedBox = (page: Page): Promise<Box & { id: string }> =>
  page.evaluate(() => {
    const el = document.activeElement!;
    const { left, top, right, bottom } = el.getBoundingClientRect();
    return { id: el.id, left, top, right, bottom };
  });

const overlaps = (a: Box, b: Box) =>
  Math.min(a.right, b.right) > Math.max(a.left, b.left) &&
  Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

/** Where the notice lies against the focused element, and whether all of it is on screen. */
async function placing(page: Page, notice: Locator) {
  const [drawn, focused, height] = await Promise.all([
    boxOf(notice),
    focusedBox(page),
    page.evaluate(() => innerHeight),
  ]);
  return {
    overFocus: overlaps(drawn, focused),
    onScreen: drawn.top >= 0 && drawn.bottom <= height && drawn.bottom - drawn.top > 10,
  };
}

/**
 * Whether the notice, drawn where notices always were (at the foot of the screen, 1rem above
 * it), would lie over the focused element: what makes the test's case one worth testing.
 */
async function underTheFoot(page: Page, notice: Locator): Promise<boolean> {
  const [drawn, focused, height] = await Promise.all([
    boxOf(notice),
    focusedBox(page),
    page.evaluate(() => innerHeight),
  ]);
  const tall = drawn.bottom - drawn.top;
  return overlaps({ ...drawn, top: height - 16 - tall, bottom: height - 16 }, focused);
}

/** As on a phone, whose keyboard keeps the field being typed in just above it: at the foot. */
const toTheFoot = (page: Page) =>
  page.evaluate(() => document.activeElement!.scrollIntoView({ block: "end" }));

/** axe's findings on the page as it is now, the notice on it. */
const axe = async (page: Page) => describeViolations(await axeViolations(page));

describe("a notice with a button, on a small screen and a large one", () => {
  it("at 390 px, arrives clear of the field being typed in, and puts a colleague's removal back", async () => {
    const [alex, chris] = await Promise.all([
      open(world.people.staff.id),
      open(world.people.staff2.id),
    ]);
    await alex.setViewportSize(PHONE);
    const field = forceField(alex, "2.1");
    await field.getByRole("button", { name: "Add a hindering factor" }).click();
    await alex.keyboard.type("Late referrals");
    // Alex goes on to a helping factor (above it), typing at the foot of his screen.
    await field.getByRole("button", { name: "Add a helping factor" }).click();
    await alex.keyboard.type("Trained TAs");
    await toTheFoot(alex);

    // Chris removes the factor Alex has just changed: Alex is told, with "Put it back".
    await factor(chris, "2.1", "Hindering factor 1")
      .getByRole("button", { name: "Remove hindering factor 1" })
      .click();
    const notice = alex
      .getByRole("status")
      .filter({ hasText: "Chris Staff removed hindering factor 1 of 2.1 while you were working" });
    await notice.getByRole("button", { name: "Put it back" }).waitFor();
    expect(await placing(alex, notice)).toEqual({ overFocus: false, onScreen: true });
    expect(await underTheFoot(alex, notice)).toBe(true);
    // Alex types on.
    await alex.keyboard.type(" who run phonics");
    expect(await factor(alex, "2.1", "Helping factor 1").getByRole("textbox").inputValue()).toBe(
      "Trained TAs who run phonics",
    );
    await notice.hover();
    expect(await axe(alex)).toEqual([]);

    // Reached from the keyboard, the button stays where it was, and puts the factor back.
    const putBack = notice.getByRole("button", { name: "Put it back" });
    const before = await boxOf(putBack);
    await putBack.focus();
    expect(await boxOf(putBack)).toEqual(before);
    await alex.keyboard.press("Enter");
    await expectEach(
      [alex, chris],
      (p) => factor(p, "2.1", "Hindering factor 1").getByRole("textbox").inputValue(),
      "Late referrals",
    );
    await saved(alex);
    await saved(chris);
  });

  it("at 390 px, moves clear of a field taken after it came, and its Undo still works", async () => {
    const alex = await open(world.people.staff.id);
    await alex.setViewportSize(PHONE);
    const field = forceField(alex, "2.2");
    const add = field.getByRole("button", { name: "Add a helping factor" });
    await add.click();
    await alex.keyboard.type("Trained TAs");
    await add.click();
    await alex.keyboard.type("Experienced SENCO");
    await saved(alex);

    await factor(alex, "2.2", "Helping factor 1")
      .getByRole("button", { name: "Remove helping factor 1" })
      .click();
    const notice = alex
      .getByRole("status")
      .filter({ hasText: "Removed helping factor 1 of 2.2: Trained TAs." });
    const undo = notice.getByRole("button", { name: "Undo" });
    await undo.waitFor();

    // Alex writes the narrative meanwhile, at the foot of his screen.
    const narrative = alex.getByRole("textbox", { name: "Narrative for 2.2" });
    await narrative.click();
    await toTheFoot(alex);
    await alex.keyboard.type("Support plans are reviewed each term.");
    await expect.poll(() => placing(alex, notice)).toEqual({ overFocus: false, onScreen: true });
    expect(await underTheFoot(alex, notice)).toBe(true);
    await notice.hover();
    expect(await axe(alex)).toEqual([]);

    // Undo, from the keyboard: the factor is back, with its words.
    const before = await boxOf(undo);
    await undo.focus();
    expect(await boxOf(undo)).toEqual(before);
    await alex.keyboard.press("Enter");
    await expect
      .poll(() => factor(alex, "2.2", "Helping factor 1").getByRole("textbox").inputValue())
      .toBe("Trained TAs");
    expect(await factor(alex, "2.2", "Helping factor 2").getByRole("textbox").inputValue()).toBe(
      "Experienced SENCO",
    );
    await notice.waitFor({ state: "detached" });
    await saved(alex);
  });

  it("on a laptop, stays at the foot of the screen unless the focus is under it", async () => {
    const alex = await open(world.people.staff.id);
    await alex.setViewportSize(LAPTOP);
    const field = forceField(alex, "2.3");
    const add = field.getByRole("button", { name: "Add a helping factor" });
    await add.click();
    await alex.keyboard.type("Trained TAs");
    await add.evaluate((el) => el.scrollIntoView({ block: "center" }));

    // Removed: the notice at the foot, centred, as it always was; the focus is well above it.
    await factor(alex, "2.3", "Helping factor 1")
      .getByRole("button", { name: "Remove helping factor 1" })
      .click();
    const notice = alex
      .getByRole("status")
      .filter({ hasText: "Removed helping factor 1 of 2.3: Trained TAs." });
    const undo = notice.getByRole("button", { name: "Undo" });
    await undo.waitFor();
    const atFoot = await boxOf(notice);
    expect(LAPTOP.height - atFoot.bottom).toBeCloseTo(16, 0);
    expect((atFoot.left + atFoot.right) / 2).toBeCloseTo(
      (await alex.evaluate(() => document.documentElement.clientWidth)) / 2,
      0,
    );
    expect(await placing(alex, notice)).toEqual({ overFocus: false, onScreen: true });

    // A field under it takes the focus: it moves clear of that too.
    const narrative = alex.getByRole("textbox", { name: "Narrative for 2.3" });
    await narrative.click();
    await toTheFoot(alex);
    await expect.poll(() => placing(alex, notice)).toEqual({ overFocus: false, onScreen: true });
    expect(await underTheFoot(alex, notice)).toBe(true);

    await undo.click();
    await expect
      .poll(() => factor(alex, "2.3", "Helping factor 1").getByRole("textbox").inputValue())
      .toBe("Trained TAs");
    await saved(alex);
  });
});

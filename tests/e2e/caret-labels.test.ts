import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { openPlanArea, saved } from "../support/plan-page.ts";
import { startTestServer } from "../support/server.ts";

// A colleague's caret in a text carries their name on a tag drawn above the line, over the
// words there. The tag shows when they move or type and goes a moment later, leaving only the
// coloured caret, so the text can be read.

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

const narrative = (page: Page, code: string) =>
  page.getByRole("textbox", { name: `Narrative for ${code}` });
const caretIn = (page: Page, code: string) =>
  narrative(page, code).locator(".collaboration-carets__caret");
const labelIn = (page: Page, code: string) =>
  caretIn(page, code).locator(".collaboration-carets__label");

/** Whether the tag, as drawn now, lies over any of the text's words. */
const overWords = (page: Page, code: string) =>
  labelIn(page, code).evaluate((label) => {
    if (getComputedStyle(label).visibility === "hidden") return false;
    const tag = label.getBoundingClientRect();
    const box = label.closest(".rich-text")!;
    const words = document.createRange();
    return [...box.querySelectorAll("p")].some((p) => {
      words.selectNodeContents(p);
      return [...words.getClientRects()].some(
        (r) =>
          Math.min(r.right, tag.right) > Math.max(r.left, tag.left) &&
          Math.min(r.bottom, tag.bottom) > Math.max(r.top, tag.top),
      );
    });
  });

describe("a colleague's caret in a text", () => {
  it("names them when they type, then leaves only the caret so the words under it can be read", async () => {
    const [alex, chris] = await Promise.all([
      openPlanArea(server.url, world.evaluation.id, world.people.staff.id),
      openPlanArea(server.url, world.evaluation.id, world.people.staff2.id),
    ]);
    await expect.poll(() => narrative(chris, "2.1").isEditable(), { timeout: 10_000 }).toBe(true);
    await narrative(chris, "2.1").click();
    await chris.keyboard.type("Every pupil with SEND has a plan reviewed termly.");
    await chris.keyboard.press("Enter");
    await chris.keyboard.type("Parents");
    await expect
      .poll(() => narrative(alex, "2.1").textContent(), { timeout: 10_000 })
      .toContain("Parents");

    // Alex types at the start of the second line: Chris sees his name on his caret.
    await narrative(alex, "2.1").locator("p").nth(1).click();
    await alex.keyboard.press("Home");
    await alex.keyboard.type("All ");
    await labelIn(chris, "2.1").waitFor({ state: "visible", timeout: 5000 });
    expect(await labelIn(chris, "2.1").textContent()).toBe("Alex Staff");
    // Drawn above his line, the tag lies over the first line's words while it shows.
    await expect.poll(() => overWords(chris, "2.1")).toBe(true);

    // A moment later, while he pauses, the name goes: only the caret, in his colour, remains.
    await expect
      .poll(() => labelIn(chris, "2.1").isVisible(), { timeout: 6000, interval: 250 })
      .toBe(false);
    expect(await overWords(chris, "2.1")).toBe(false);
    expect(await caretIn(chris, "2.1").isVisible()).toBe(true);
    expect(
      await caretIn(chris, "2.1").evaluate((el) => getComputedStyle(el).borderLeftColor),
    ).not.toBe("rgba(0, 0, 0, 0)");
    await chris.waitForTimeout(1000);
    expect(await labelIn(chris, "2.1").isVisible()).toBe(false);

    // He types again: his name shows again, then goes again.
    await alex.keyboard.type("p");
    await labelIn(chris, "2.1").waitFor({ state: "visible", timeout: 5000 });
    await expect
      .poll(() => labelIn(chris, "2.1").isVisible(), { timeout: 6000, interval: 250 })
      .toBe(false);
    // Moving without typing names him too.
    await alex.keyboard.press("End");
    await labelIn(chris, "2.1").waitFor({ state: "visible", timeout: 5000 });
    await saved(alex);
    await saved(chris);
  });
});

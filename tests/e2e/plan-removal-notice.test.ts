import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { expectEach, factor, forceField, openPlanArea, saved } from "../support/plan-page.ts";
import { startTestServer } from "../support/server.ts";

// Where the word of a colleague's removal lands for whoever is typing in the factor removed: on
// a phone, a tablet and a laptop, never over the field they are typing in nor its row (see
// plan-removal.test.ts for what the kept row does).

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

/**
 * What of the notice `status` lies over `field` or its `row`: the field's centre showing anything
 * but the field, and the notice's drawn box crossing the row's. Empty when nothing does.
 */
async function covering(status: Locator, field: Locator, row: Locator): Promise<string[]> {
  const notice = await status.boundingBox();
  const rowBox = await row.boundingBox();
  const atCentre = await field.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight)
      return `the field's centre (${Math.round(x)}, ${Math.round(y)}) is off the screen`;
    const top = document.elementFromPoint(x, y);
    return top === el
      ? null
      : `the field's centre shows ${top?.tagName.toLowerCase()}.${top?.className} "${top?.textContent?.trim().slice(0, 50)}"`;
  });
  const problems = atCentre ? [atCentre] : [];
  const drawn = notice && notice.width > 1 && notice.height > 1;
  if (drawn && rowBox) {
    const across =
      Math.min(notice.x + notice.width, rowBox.x + rowBox.width) - Math.max(notice.x, rowBox.x);
    const down =
      Math.min(notice.y + notice.height, rowBox.y + rowBox.height) - Math.max(notice.y, rowBox.y);
    if (across > 0 && down > 0)
      problems.push(
        `the notice (${JSON.stringify(notice)}) lies over the row (${JSON.stringify(rowBox)})`,
      );
  }
  return problems;
}

/** The live regions (role status or alert, or aria-live) whose words include `text`. */
const spokenTimes = (page: Page, text: string) =>
  page.evaluate(
    (text) =>
      [...document.querySelectorAll("[role=status], [role=alert], [aria-live]")].filter(
        (region) =>
          region.getAttribute("aria-live") !== "off" && region.textContent?.includes(text),
      ).length,
    text,
  );

describe("the word of a colleague's removal, while typing in what they removed", () => {
  it.each([
    { width: 390, height: 844, code: "2.1" },
    { width: 820, height: 1180, code: "2.2" },
    { width: 1280, height: 800, code: "2.3" },
  ])("is never over the field or its row at $width px", async ({ width, height, code }) => {
    const [alex, chris] = await Promise.all([
      open(world.people.staff.id),
      open(world.people.staff2.id),
    ]);
    await chris.setViewportSize({ width, height });
    await forceField(chris, code).getByRole("button", { name: "Add a helping factor" }).click();
    await chris.keyboard.type("Trained");
    const theirs = factor(alex, code, "Helping factor 1");
    await theirs
      .getByText("Chris Staff is editing this factor", { exact: true })
      .waitFor({ timeout: 10_000 });
    // As on a phone, whose keyboard keeps the field just above it: at the foot of the screen.
    const field = chris.locator(`#${await chris.evaluate(() => document.activeElement?.id)}`);
    await field.evaluate((el) => el.scrollIntoView({ block: "end" }));

    // Chris goes on typing while Alex removes it.
    const typing = chris.keyboard.type(" TAs, who run phonics catch-up", { delay: 40 });
    await alex.waitForTimeout(300);
    await theirs.getByRole("button", { name: "Remove helping factor 1" }).click();
    await alex
      .getByRole("alertdialog")
      .getByRole("button", { name: "Remove", exact: true })
      .click();
    await typing;

    // Told as it comes, who removed it; Chris types on.
    const message = `Alex Staff removed helping factor 1 of ${code} while you were working on it`;
    const status = chris.getByRole("status").filter({ hasText: message });
    await status.waitFor({ state: "attached", timeout: 10_000 });
    const row = factor(chris, code, "Helping factor 1 (removed)");
    await chris.keyboard.type(" every morning");
    expect(await field.inputValue()).toBe("Trained TAs, who run phonics catch-up every morning");

    // Nothing of it over what Chris is typing in, and the page as a whole is sound.
    expect(await covering(status, field, row)).toEqual([]);
    expect(await checkPage(chris)).toEqual([]);

    // The row beside the field says who too, with its two choices; it is not a second live
    // region, so a screen reader hears it once.
    await row
      .getByText("Alex Staff removed this factor while you were working on it.", { exact: false })
      .waitFor();
    expect(await spokenTimes(chris, "removed")).toBe(1);

    await row.getByRole("button", { name: "Put it back (helping factor 1)" }).click();
    await expectEach(
      [alex, chris],
      (p) => factor(p, code, "Helping factor 1").getByRole("textbox").inputValue(),
      "Trained TAs, who run phonics catch-up every morning",
    );
    expect(await status.count()).toBe(0);
    await saved(alex);
    await saved(chris);
  });
});

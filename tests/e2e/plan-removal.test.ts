import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import {
  action,
  actions,
  expectEach,
  factor,
  forceField,
  openPlanArea,
  saved,
} from "../support/plan-page.ts";
import { startTestServer } from "../support/server.ts";

// Removing a factor or action that someone else is working in: the remover is asked first, and
// whoever was typing in it keeps every word (see plan-presence.test.ts for how it is marked).

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
/** Alex and Chris, both on the Inclusion area. */
const twoPeople = () => Promise.all([open(world.people.staff.id), open(world.people.staff2.id)]);
/** What has the focus: a field (by its id), a button (by its words), or nothing ("page"). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "page";
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
      ? `#${el.id}`
      : (el.textContent ?? "");
  });
const removeIt = (page: Page) =>
  page.getByRole("alertdialog").getByRole("button", { name: "Remove", exact: true });
/**
 * What a screen reader is told of a colleague's removal (once, in the page's status region); a
 * kept row shows it itself, beside the field, with its buttons (plan-removal-notice.test.ts).
 */
const notice = (page: Page) =>
  page.getByRole("status").filter({ hasText: "while you were working on it" });
describe("removing a factor or action a colleague is working in", () => {
  it("asks first, by name, and removes at once when nobody else is in it", async () => {
    const [alex, chris] = await twoPeople();
    const add = forceField(alex, "2.1").getByRole("button", { name: "Add a helping factor" });
    await add.click();
    await alex.keyboard.type("Trained TAs");
    await add.click();
    await alex.keyboard.type("Experienced SENCO");
    await factor(chris, "2.1", "Helping factor 1").getByRole("textbox").click();
    const first = factor(alex, "2.1", "Helping factor 1");
    await first
      .getByText("Chris Staff is editing this factor", { exact: true })
      .waitFor({ timeout: 10_000 });

    // Alex presses Remove: asked, starting on the choice that loses nothing.
    const remove = first.getByRole("button", { name: "Remove helping factor 1" });
    await remove.click();
    const question = alex.getByRole("alertdialog", {
      name: "Chris Staff is editing this factor. Remove it anyway?",
    });
    await question.waitFor();
    expect(await focused(alex)).toBe("Keep it");
    // Accessible, and within a phone's width.
    await alex.setViewportSize({ width: 390, height: 844 });
    expect(await checkPage(alex)).toEqual([]);

    // Escape, or "Keep it": nothing removed, and back on Remove.
    await alex.keyboard.press("Escape");
    await question.waitFor({ state: "detached" });
    expect(await focused(alex)).toBe("Remove helping factor 1");
    await alex.keyboard.press("Enter");
    await question.waitFor();
    await alex.keyboard.press("Enter");
    await question.waitFor({ state: "detached" });
    expect(await focused(alex)).toBe("Remove helping factor 1");
    await alex.waitForTimeout(300);
    expect(await first.getByRole("textbox").inputValue()).toBe("Trained TAs");

    // Remove, by keyboard: gone for Alex, his Undo offered, the focus on "Add a helping factor".
    await alex.keyboard.press("Enter");
    await question.waitFor();
    await alex.keyboard.press("Shift+Tab");
    expect(await focused(alex)).toBe("Remove");
    await alex.keyboard.press("Enter");
    await expectEach(
      [alex, chris],
      (p) => factor(p, "2.1", "Helping factor 1").getByRole("textbox").inputValue(),
      "Experienced SENCO",
    );
    await alex.getByRole("status").filter({ hasText: "Undo" }).waitFor();
    expect(await focused(alex)).toBe("+ Add a helping factor");

    // Nobody else in it: removed at once, without a question.
    await factor(alex, "2.1", "Helping factor 1")
      .getByRole("button", { name: "Remove helping factor 1" })
      .click();
    await expectEach([alex, chris], (p) => factor(p, "2.1", "Helping factor 1").count(), 0);
    expect(await alex.getByRole("alertdialog").count()).toBe(0);

    // An action the same way.
    await actions(chris, "2.1").getByRole("button", { name: "Add an action" }).click();
    await chris.keyboard.type("Induction");
    await action(alex, "2.1", "Action 1").getByRole("button", { name: "Remove action 1" }).click();
    await alex
      .getByRole("alertdialog", { name: "Chris Staff is editing this action. Remove it anyway?" })
      .getByRole("button", { name: "Keep it" })
      .click();
    expect(await focused(alex)).toBe("Remove action 1");
    expect(await action(alex, "2.1", "Action 1").count()).toBe(1);
    await saved(alex);
    await saved(chris);
  });

  it("keeps every word typed in a factor removed mid-sentence, and puts it back with them", async () => {
    const [alex, chris] = await twoPeople();
    await forceField(chris, "2.2").getByRole("button", { name: "Add a helping factor" }).click();
    await chris.keyboard.type("Trained");
    const theirs = factor(alex, "2.2", "Helping factor 1");
    await theirs
      .getByText("Chris Staff is editing this factor", { exact: true })
      .waitFor({ timeout: 10_000 });
    const inputId = await factor(chris, "2.2", "Helping factor 1")
      .getByRole("textbox")
      .getAttribute("id");

    // Chris goes on typing while Alex removes it.
    const typing = chris.keyboard.type(" TAs, who run phonics catch-up every morning", {
      delay: 40,
    });
    await alex.waitForTimeout(400);
    await theirs.getByRole("button", { name: "Remove helping factor 1" }).click();
    await removeIt(alex).click();
    await typing;

    // It is gone for Alex; Chris is still in its field, with everything typed, and it is marked.
    await expectEach([alex], (p) => factor(p, "2.2", "Helping factor 1").count(), 0);
    expect(await chris.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      "Trained TAs, who run phonics catch-up every morning",
    );
    expect(await focused(chris)).toBe(`#${inputId}`);
    const kept = factor(chris, "2.2", "Helping factor 1 (removed)");
    expect(await kept.getByRole("textbox").inputValue()).toBe(
      "Trained TAs, who run phonics catch-up every morning",
    );
    expect(await kept.getByRole("combobox", { name: "Strength" }).isDisabled()).toBe(true);
    expect(await factor(alex, "2.2", "Helping factor 1 (removed)").count()).toBe(0);
    await notice(chris).waitFor({ state: "attached", timeout: 10_000 });
    // Focused again, the field says who removed it and why it is marked so.
    expect(
      await kept
        .getByRole("textbox")
        .evaluate((e) => document.getElementById(e.getAttribute("aria-describedby")!)?.textContent),
    ).toBe(
      "Alex Staff removed this factor while you were working on it. What you type stays here, for you only, until you put it back or leave it removed.",
    );
    await chris.setViewportSize({ width: 390, height: 844 });
    expect(await checkPage(chris)).toEqual([]);

    // More typing after the notice, then the row's "Put it back": every word, for both.
    await chris.keyboard.type(".");
    await kept.getByRole("button", { name: "Put it back (helping factor 1)" }).click();
    await expectEach(
      [alex, chris],
      (p) => factor(p, "2.2", "Helping factor 1").getByRole("textbox").inputValue(),
      "Trained TAs, who run phonics catch-up every morning.",
    );
    expect(await focused(chris)).toBe(`#${inputId}`);
    expect(await factor(chris, "2.2", "Helping factor 1 (removed)").count()).toBe(0);
    await saved(alex);
    await saved(chris);
  });

  it("keeps what was typed in a removed action through its remover's Undo, or lets it go", async () => {
    const [alex, chris] = await twoPeople();
    await actions(chris, "2.3").getByRole("button", { name: "Add an action" }).click();
    await chris.keyboard.type("Induction");
    const inputId = await action(chris, "2.3", "Action 1")
      .getByRole("textbox", { name: "What will we do?" })
      .getAttribute("id");
    const theirs = action(alex, "2.3", "Action 1");
    await theirs
      .getByText("Chris Staff is editing this action", { exact: true })
      .waitFor({ timeout: 10_000 });

    await theirs.getByRole("button", { name: "Remove action 1" }).click();
    await removeIt(alex).click();
    await expectEach([alex], (p) => action(p, "2.3", "Action 1").count(), 0);
    await chris.keyboard.type(" for new staff");
    expect(await chris.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      "Induction for new staff",
    );
    const kept = action(chris, "2.3", "Action 1 (removed)");
    expect(await kept.getByRole("textbox", { name: "What will we do?" }).inputValue()).toBe(
      "Induction for new staff",
    );

    // Alex undoes his removal: it comes back with what Chris typed meanwhile.
    await alex.getByRole("status").filter({ hasText: "Undo" }).getByRole("button").click();
    await expectEach(
      [alex, chris],
      (p) =>
        action(p, "2.3", "Action 1")
          .getByRole("textbox", { name: "What will we do?" })
          .inputValue(),
      "Induction for new staff",
    );
    expect(await kept.count()).toBe(0);
    // Chris never left the field, and goes on typing in the action itself.
    expect(await focused(chris)).toBe(`#${inputId}`);
    await chris.keyboard.type(" and mentors");
    await expectEach(
      [alex],
      (p) =>
        action(p, "2.3", "Action 1")
          .getByRole("textbox", { name: "What will we do?" })
          .inputValue(),
      "Induction for new staff and mentors",
    );

    // Removed again; this time Chris leaves it removed: it goes, with the notice.
    await action(alex, "2.3", "Action 1").getByRole("button", { name: "Remove action 1" }).click();
    await removeIt(alex).click();
    await kept.waitFor();
    await notice(chris).waitFor({ state: "attached", timeout: 10_000 });
    await kept.getByRole("button", { name: "Leave it removed" }).click();
    expect(await kept.count()).toBe(0);
    expect(await action(chris, "2.3", "Action 1").count()).toBe(0);
    expect(await notice(chris).count()).toBe(0);
    expect(await focused(chris)).toBe("+ Add an action");
    await saved(alex);
    await saved(chris);
  });
});

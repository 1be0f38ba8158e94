import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { readActions, removeAction } from "../../collab/shapes/plan.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage } from "../support/axe.ts";
import { useBrowser } from "../support/browser.ts";
import { connectClient, type TestClient } from "../support/collab-client.ts";
import {
  CURRICULUM,
  action,
  actions,
  expectEach,
  factor,
  forceField,
  openPlanArea,
  presenceOf,
  saved,
  type PlanArea,
} from "../support/plan-page.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const clients: TestClient[] = [];

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server?.close();
});

/** The Inclusion area (or another), every criterion open, once this person may write. */
const openEvaluation = (userId: string, area?: PlanArea): Promise<Page> =>
  openPlanArea(server.url, world.evaluation.id, userId, area);

/** The words on a factor or action saying who else is working in it ("" when nobody is). */
const marker = async (row: ReturnType<typeof factor>) => {
  const found = row.locator(".colleagues-editing");
  return (await found.count()) ? ((await found.textContent()) ?? "") : "";
};
/** What a screen reader says after a field's name: the text its aria-describedby names. */
const description = (row: ReturnType<typeof factor>) =>
  row
    .getByRole("textbox")
    .first()
    .evaluate((e) =>
      (e.getAttribute("aria-describedby") ?? "")
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
        .join(" "),
    );

describe("who is working in which factor or action", () => {
  it("marks the factor or action a colleague is in, with their name, for the others only", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id),
      openEvaluation(world.people.staff2.id),
    ]);
    await forceField(alex, "2.1").getByRole("button", { name: "Add a helping factor" }).click();
    await alex.keyboard.type("Trained TAs");
    await forceField(alex, "2.1").getByRole("button", { name: "Add a helping factor" }).click();
    await alex.keyboard.type("Experienced SENCO");

    // Alex is in the second factor: Chris sees it there, in words, and nowhere else.
    await expect
      .poll(() => marker(factor(chris, "2.1", "Helping factor 2")), { timeout: 10_000 })
      .toBe("Alex Staff is editing this factor");
    expect(await marker(factor(chris, "2.1", "Helping factor 1"))).toBe("");
    // Not for Alex himself.
    expect(await marker(factor(alex, "2.1", "Helping factor 2"))).toBe("");
    // In Alex's colour, as the presence list shows him.
    const colour = await presenceOf(chris, "Alex Staff")
      .locator(".avatar")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const dot = factor(chris, "2.1", "Helping factor 2").locator(".colleague-dot");
    expect(await dot.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colour);
    // The presence list says it too.
    await presenceOf(chris, "Alex Staff").getByText("editing a helping factor of 2.1").waitFor();

    // Within the factor (its strength) it stays; into the first factor, it follows.
    await factor(alex, "2.1", "Helping factor 2")
      .getByRole("combobox", { name: "Strength" })
      .focus();
    await alex.waitForTimeout(300);
    expect(await marker(factor(chris, "2.1", "Helping factor 2"))).toBe(
      "Alex Staff is editing this factor",
    );
    await factor(alex, "2.1", "Helping factor 1").getByRole("textbox").click();
    await expect
      .poll(() => marker(factor(chris, "2.1", "Helping factor 1")))
      .toBe("Alex Staff is editing this factor");
    expect(await marker(factor(chris, "2.1", "Helping factor 2"))).toBe("");

    // A second colleague in the same factor: both named, for Chris; Alex sees only Sam.
    const sam = await openEvaluation(world.people.schoolLeader.id);
    await factor(sam, "2.1", "Helping factor 1").getByRole("textbox").click();
    await expect
      .poll(() => marker(factor(chris, "2.1", "Helping factor 1")))
      .toBe("Alex Staff and Sam Leader are editing this factor");
    await expect
      .poll(() => marker(factor(alex, "2.1", "Helping factor 1")))
      .toBe("Sam Leader is editing this factor");
    await sam.close();

    // An action, the same way.
    await actions(alex, "2.1").getByRole("button", { name: "Add an action" }).click();
    await alex.keyboard.type("Induction on SEND plans");
    await expect
      .poll(() => marker(action(chris, "2.1", "Action 1")))
      .toBe("Alex Staff is editing this action");
    expect(await marker(factor(chris, "2.1", "Helping factor 1"))).toBe("");
    await presenceOf(chris, "Alex Staff").getByText("editing an action of 2.1").waitFor();

    // Accessible and within a phone's width while shown.
    await chris.setViewportSize({ width: 390, height: 844 });
    await action(chris, "2.1", "Action 1").scrollIntoViewIfNeeded();
    expect(await checkPage(chris)).toEqual([]);

    // Alex clicks away from every field: the mark goes.
    await alex.getByRole("heading", { level: 1 }).click();
    await expect.poll(() => marker(action(chris, "2.1", "Action 1"))).toBe("");
    expect(await chris.locator(".colleagues-editing").count()).toBe(0);
    await saved(alex);
  });

  it("describes a factor's or action's field by who else is editing it, for a screen reader", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id),
      openEvaluation(world.people.staff2.id),
    ]);
    await forceField(alex, "2.4").getByRole("button", { name: "Add a hindering factor" }).click();
    await alex.keyboard.type("Staff turnover");
    await actions(alex, "2.4").getByRole("button", { name: "Add an action" }).click();
    await alex.keyboard.type("Exit interviews");
    await factor(alex, "2.4", "Hindering factor 1").getByRole("textbox").click();

    // Focusing the field says who is in it, as the words on the row do.
    await expect
      .poll(() => description(factor(chris, "2.4", "Hindering factor 1")), { timeout: 10_000 })
      .toBe("Alex Staff is editing this factor");
    expect(await description(action(chris, "2.4", "Action 1"))).toBe("");
    expect(await description(factor(alex, "2.4", "Hindering factor 1"))).toBe("");

    // He moves to the action: the description follows him.
    await action(alex, "2.4", "Action 1")
      .getByRole("textbox", { name: "What will we do?" })
      .click();
    await expect
      .poll(() => description(action(chris, "2.4", "Action 1")))
      .toBe("Alex Staff is editing this action");
    expect(await description(factor(chris, "2.4", "Hindering factor 1"))).toBe("");

    // He leaves every field: nothing more is said, and nothing points at a marker that is gone.
    await alex.getByRole("heading", { level: 1 }).click();
    await expect.poll(() => description(action(chris, "2.4", "Action 1"))).toBe("");
    expect(
      await action(chris, "2.4", "Action 1")
        .getByRole("textbox", { name: "What will we do?" })
        .getAttribute("aria-describedby"),
    ).toBeNull();
    await saved(alex);
  });

  it("tells whoever is in a factor or action, politely, when a colleague comes into it or leaves", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id, CURRICULUM),
      openEvaluation(world.people.staff2.id, CURRICULUM),
    ]);
    await forceField(chris, "3.1").getByRole("button", { name: "Add a helping factor" }).click();
    await chris.keyboard.type("Phonics scheme");
    const row = factor(chris, "3.1", "Helping factor 1");
    const said = row.getByRole("status");
    // Counts the changes to what the row says (each one is something a screen reader reads out).
    await said.evaluate((region) => {
      const counted = window as unknown as { sayings: number };
      counted.sayings = 0;
      new MutationObserver(() => counted.sayings++).observe(region, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    const sayings = () => chris.evaluate(() => (window as unknown as { sayings: number }).sayings);

    // Alex comes into the factor Chris is working in: Chris hears it, once.
    await factor(alex, "3.1", "Helping factor 1").getByRole("textbox").click();
    await expect
      .poll(() => said.textContent(), { timeout: 10_000 })
      .toBe("Alex Staff is now editing this factor too.");
    expect(await said.getAttribute("aria-live")).toBeNull(); // role=status: polite already
    const once = await sayings();
    // His typing, and the presence that goes with it, say nothing more.
    await alex.keyboard.press("End");
    await alex.keyboard.type(" in every class", { delay: 40 });
    await expectEach(
      [chris],
      (p) => factor(p, "3.1", "Helping factor 1").getByRole("textbox").inputValue(),
      "Phonics scheme in every class",
    );
    await chris.waitForTimeout(1500);
    expect(await sayings()).toBe(once);

    // He leaves: said too.
    await alex.getByRole("heading", { level: 1 }).click();
    await expect.poll(() => said.textContent()).toBe("Alex Staff has stopped editing this factor.");

    // Chris is elsewhere: Alex coming back shows on the factor, and is not read out.
    await chris.getByRole("heading", { level: 1 }).click();
    const before = await sayings();
    await factor(alex, "3.1", "Helping factor 1").getByRole("textbox").click();
    await expect.poll(() => marker(row)).toBe("Alex Staff is editing this factor");
    await chris.waitForTimeout(1500);
    expect(await sayings()).toBe(before);

    // An action, the same way.
    await actions(chris, "3.1").getByRole("button", { name: "Add an action" }).click();
    await chris.keyboard.type("Phonics training");
    await action(alex, "3.1", "Action 1")
      .getByRole("textbox", { name: "What will we do?" })
      .click();
    await expect
      .poll(() => action(chris, "3.1", "Action 1").getByRole("status").textContent())
      .toBe("Alex Staff is now editing this action too.");
    await saved(alex);
    await saved(chris);
  });

  it("tells whoever is typing in a factor that a colleague removed it, and puts it back for everyone", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id),
      openEvaluation(world.people.staff2.id),
    ]);
    const both = [alex, chris];
    await forceField(chris, "2.2").getByRole("button", { name: "Add a helping factor" }).click();
    await chris.keyboard.type("Trained");
    const mine = factor(chris, "2.2", "Helping factor 1");
    await mine.getByRole("combobox", { name: "Strength" }).selectOption("4");
    await mine.getByRole("checkbox", { name: "Priority" }).check();
    await mine.getByRole("textbox").click();
    await chris.keyboard.press("End");
    await chris.keyboard.type(" TAs");
    await expectEach(
      [alex],
      (p) => factor(p, "2.2", "Helping factor 1").getByRole("textbox").inputValue(),
      "Trained TAs",
    );
    await expect
      .poll(() => marker(factor(alex, "2.2", "Helping factor 1")))
      .toBe("Chris Staff is editing this factor");

    await factor(alex, "2.2", "Helping factor 1")
      .getByRole("button", { name: "Remove helping factor 1" })
      .click();
    // Chris is in it, so Alex is asked first (plan-removal.test.ts): he removes it anyway.
    await alex
      .getByRole("alertdialog")
      .getByRole("button", { name: "Remove", exact: true })
      .click();
    await expectEach(both, (p) => factor(p, "2.2", "Helping factor 1").count(), 0);

    // Said once, as it comes: who removed which factor, and its words. The row, kept on Chris's
    // screen, says who too, beside the field, and puts it back (plan-removal-notice.test.ts).
    const notice = chris.getByRole("status").filter({ hasText: "while you were working on it" });
    await notice.waitFor({ state: "attached", timeout: 10_000 });
    expect(await notice.textContent()).toContain(
      "Alex Staff removed helping factor 1 of 2.2 while you were working on it: Trained TAs.",
    );
    expect(await notice.getAttribute("aria-live")).toBeNull(); // role=status: polite already
    const kept = factor(chris, "2.2", "Helping factor 1 (removed)");
    await kept.getByText("Alex Staff removed this factor while you were working on it.").waitFor();
    await kept.getByRole("button", { name: "Put it back (helping factor 1)" }).click();

    await expectEach(
      both,
      (p) => factor(p, "2.2", "Helping factor 1").getByRole("textbox").inputValue(),
      "Trained TAs",
    );
    await expectEach(
      both,
      (p) =>
        factor(p, "2.2", "Helping factor 1")
          .getByRole("combobox", { name: "Strength" })
          .inputValue(),
      "4",
    );
    await expectEach(
      both,
      (p) =>
        factor(p, "2.2", "Helping factor 1")
          .getByRole("checkbox", { name: "Priority" })
          .isChecked(),
      true,
    );
    // Chris is back in it, and the notice has gone.
    expect(await chris.evaluate(() => document.activeElement?.getAttribute("id"))).toMatch(
      /^force-.+-text$/,
    );
    expect(await notice.count()).toBe(0);
    await saved(alex);
    await saved(chris);
  });

  it("says a colleague removed an action when nobody can say who, and puts it back with its fields", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id),
      openEvaluation(world.people.staff2.id),
    ]);
    await actions(chris, "2.3").getByRole("button", { name: "Add an action" }).click();
    await chris.keyboard.type("Induction for new staff");
    const mine = action(chris, "2.3", "Action 1");
    await mine.getByRole("combobox", { name: "Owner" }).selectOption({ label: "Alex Staff" });
    await mine.getByRole("combobox", { name: "Status" }).selectOption({ label: "In progress" });
    await mine.getByRole("textbox", { name: "What will we do?" }).click();
    await saved(chris);

    // Another Yjs tool of the school's removes it: its removal says nothing of who made it.
    const tool = connectClient(
      server.url,
      documentName("evaluation", world.evaluation.id),
      await cookieFor(world.people.staff.id),
    );
    clients.push(tool);
    await tool.synced;
    const [removed] = readActions(tool.doc, "incl-3");
    expect(removed.what).toBe("Induction for new staff");
    removeAction(tool.doc, removed.id);

    const notice = chris.getByRole("status").filter({ hasText: "while you were working on it" });
    await notice.waitFor({ state: "attached", timeout: 10_000 });
    expect(await notice.textContent()).toContain(
      "A colleague removed action 1 of 2.3 while you were working on it: Induction for new staff.",
    );
    const kept = action(chris, "2.3", "Action 1 (removed)");
    await kept.getByText("A colleague removed this action while you were working on it.").waitFor();
    await kept.getByRole("button", { name: "Put it back (action 1)" }).click();

    await expectEach(
      [alex, chris],
      (p) =>
        action(p, "2.3", "Action 1")
          .getByRole("textbox", { name: "What will we do?" })
          .inputValue(),
      "Induction for new staff",
    );
    await expectEach(
      [alex, chris],
      (p) => action(p, "2.3", "Action 1").getByRole("combobox", { name: "Owner" }).inputValue(),
      world.people.staff.id,
    );
    await expectEach(
      [alex, chris],
      (p) => action(p, "2.3", "Action 1").getByRole("combobox", { name: "Status" }).inputValue(),
      "inProgress",
    );
    await saved(chris);
  });
});

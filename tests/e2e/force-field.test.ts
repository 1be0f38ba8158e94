import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { horizontalOverflow } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { actions, factor, forceField } from "../support/plan-page.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

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

async function openEvaluation(userId: string): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await page.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`);
  await page.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
  // Criteria open one at a time; these tests work across several at once.
  await page.getByRole("button", { name: "Expand all" }).click();
  return page;
}

const diagram = (page: Page, code: string) => forceField(page, code).getByRole("img");
const saved = (page: Page) =>
  page
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 5000 });

/** The diagram's accessible name, as both people should hear it. */
const summary = (helping: number, hindering: number, code = "2.1") =>
  `Force-field diagram for ${code}. Helping total ${helping}, hindering total ${hindering}.`;

async function expectBoth(
  pages: Page[],
  read: (page: Page) => Promise<unknown>,
  expected: unknown,
) {
  for (const page of pages)
    await expect.poll(() => read(page), { timeout: 10_000 }).toEqual(expected);
}

/**
 * Drags by `grip` onto the lower half of `target`'s row, and drops once the row shows where it
 * will land. Step by step, with both in view first: `dragTo` in one move sometimes scrolled the
 * page mid-drag on a busy machine, and Chromium then never started the drag.
 */
async function dragBelow(page: Page, grip: Locator, target: Locator) {
  await target.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const from = (await grip.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 12, { steps: 3 });
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + 20, to.y + to.height - 8, { steps: 8 });
  const row = target.locator("xpath=ancestor::li[1]");
  await expect.poll(() => row.getAttribute("class")).toContain("plan-drop-after");
  await page.mouse.up();
}

describe("the force-field in the browser", () => {
  it("lets two of the school's team build one force-field together, the diagram and totals following live", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id),
      openEvaluation(world.people.staff2.id),
    ]);
    const both = [alex, chris];
    // The add buttons appear once the server has said we may write.
    await Promise.all(
      both.map((p) =>
        forceField(p, "2.1").getByRole("button", { name: "Add a helping factor" }).waitFor(),
      ),
    );
    await expectBoth(both, (p) => diagram(p, "2.1").getAttribute("aria-label"), summary(0, 0));

    // Alex adds a helping factor and types it; Chris sees it appear, then adds a hindering one.
    await forceField(alex, "2.1").getByRole("button", { name: "Add a helping factor" }).click();
    // A factor nobody has described yet counts in no total: the list's heading agrees with the
    // diagram ("not described yet: not counted").
    await forceField(alex, "2.1")
      .getByRole("heading", { name: "Helping factors (total 0)" })
      .waitFor();
    await alex.keyboard.type("Strong SENCO leadership");
    // The new factor's field has the focus by the time the click has been handled (not a frame
    // later), so nothing typed straight after "Add" goes to the button instead.
    const focusedByAdd = await forceField(chris, "2.1")
      .getByRole("button", { name: "Add a hindering factor" })
      .evaluate((button) => {
        (button as HTMLButtonElement).click();
        return document.activeElement?.id ?? "";
      });
    expect(focusedByAdd).toMatch(/^force-.+-text$/);
    await chris.keyboard.type("Staff turnover");
    await factor(chris, "2.1", "Hindering factor 1")
      .getByRole("combobox", { name: "Strength" })
      .selectOption("4");
    await expectBoth(
      both,
      (p) =>
        factor(p, "2.1", "Helping factor 1")
          .getByRole("textbox", { name: "Helping factor 1" })
          .inputValue(),
      "Strong SENCO leadership",
    );
    await expectBoth(
      both,
      (p) => factor(p, "2.1", "Hindering factor 1").getByRole("textbox").inputValue(),
      "Staff turnover",
    );
    await expectBoth(both, (p) => diagram(p, "2.1").getAttribute("aria-label"), summary(3, 4));
    await forceField(alex, "2.1")
      .getByRole("heading", { name: "Helping factors (total 3)" })
      .waitFor();
    await forceField(alex, "2.1")
      .getByRole("heading", { name: "Hindering factors (total 4)" })
      .waitFor();

    // Both type into the same factor; their words merge rather than overwrite each other.
    await factor(chris, "2.1", "Helping factor 1").getByRole("textbox").click();
    await chris.keyboard.press("End");
    await chris.keyboard.type(" with protected time");
    await expectBoth(
      both,
      (p) => factor(p, "2.1", "Helping factor 1").getByRole("textbox").inputValue(),
      "Strong SENCO leadership with protected time",
    );
    await factor(alex, "2.1", "Helping factor 1").getByRole("textbox").click();
    await alex.keyboard.press("Home");
    await alex.keyboard.type("Very ");
    await expectBoth(
      both,
      (p) => factor(p, "2.1", "Helping factor 1").getByRole("textbox").inputValue(),
      "Very Strong SENCO leadership with protected time",
    );

    // Strength, priority and control flags, seen by the other person, drawn and tabulated.
    await factor(alex, "2.1", "Helping factor 1")
      .getByRole("combobox", { name: "Strength" })
      .selectOption("5");
    await factor(alex, "2.1", "Helping factor 1")
      .getByRole("checkbox", { name: "Priority" })
      .check();
    await factor(chris, "2.1", "Hindering factor 1")
      .getByRole("checkbox", { name: "In our control" })
      .check();
    await expectBoth(both, (p) => diagram(p, "2.1").getAttribute("aria-label"), summary(5, 4));
    await expectBoth(
      both,
      (p) =>
        factor(p, "2.1", "Helping factor 1")
          .getByRole("checkbox", { name: "Priority" })
          .isChecked(),
      true,
    );
    await expectBoth(
      both,
      (p) => forceField(p, "2.1").getByText("Helping total 5", { exact: true }).count(),
      1,
    );
    const table = forceField(chris, "2.1").getByRole("table", { name: "Forces for 2.1" });
    await expect
      .poll(() => table.getByRole("row", { name: /Very Strong SENCO leadership/ }).textContent())
      .toContain("5 of 5Yes");

    // A second helping factor, moved up by keyboard: both lists follow.
    await forceField(chris, "2.1").getByRole("button", { name: "Add a helping factor" }).click();
    await chris.keyboard.type("Governor for SEND");
    await expectBoth(both, (p) => diagram(p, "2.1").getAttribute("aria-label"), summary(8, 4));
    // Appended below the first, on both screens, before anyone moves it.
    await expectBoth(
      both,
      (p) => factor(p, "2.1", "Helping factor 2").getByRole("textbox").inputValue(),
      "Governor for SEND",
    );
    // By keyboard, as the comment says: focus the button and press Enter (a pointer click can
    // land elsewhere if the page shifts under it while the other person's edits arrive).
    await forceField(chris, "2.1")
      .getByRole("button", { name: "Move helping factor 2 up" })
      .focus();
    await chris.keyboard.press("Enter");
    await expectBoth(
      both,
      (p) => factor(p, "2.1", "Helping factor 1").getByRole("textbox").inputValue(),
      "Governor for SEND",
    );
    // Focus stays with the moved factor (now first, so on its other button).
    expect(await chris.evaluate(() => document.activeElement?.textContent)).toContain(
      "Move helping factor 1 down",
    );

    // And back again by dragging it below the other one.
    await dragBelow(
      alex,
      forceField(alex, "2.1").getByTitle("Drag to move helping factor 1"),
      factor(alex, "2.1", "Helping factor 2"),
    );
    await expectBoth(
      both,
      (p) => factor(p, "2.1", "Helping factor 2").getByRole("textbox").inputValue(),
      "Governor for SEND",
    );

    // Removing a factor takes its arrow out of the diagram for everyone. (Chris is still in it,
    // on its move button, so Alex is asked first: plan-removal.test.ts.)
    await factor(alex, "2.1", "Helping factor 2")
      .getByRole("button", { name: "Remove helping factor 2" })
      .click();
    await alex
      .getByRole("alertdialog")
      .getByRole("button", { name: "Remove", exact: true })
      .click();
    await expectBoth(both, (p) => diagram(p, "2.1").getAttribute("aria-label"), summary(5, 4));
    await saved(alex);
    await saved(chris);
  });

  it("links an action to the hindering factor it addresses, and the action plan shows it", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id),
      openEvaluation(world.people.staff2.id),
    ]);
    await actions(alex, "2.1").getByRole("button", { name: "Add an action" }).waitFor();
    await actions(alex, "2.1").getByRole("button", { name: "Add an action" }).click();
    await alex.keyboard.type("Induction on SEND plans for new staff");
    const action = actions(alex, "2.1").getByRole("group", { name: "Action 1" });
    await action.getByRole("combobox", { name: "Owner" }).selectOption({ label: "Alex Staff" });
    await action.getByLabel("Due date").fill("2021-09-01");
    await action
      .getByRole("textbox", { name: "How will we judge impact?" })
      .fill("Every new starter has reviewed a plan by half term");
    await action
      .getByRole("group", { name: "Hindering factors it addresses" })
      .getByRole("checkbox", { name: "Staff turnover" })
      .check();

    // Chris sees the whole action, linked, and that it is overdue (in words).
    const seen = actions(chris, "2.1").getByRole("group", { name: "Action 1" });
    await expect
      .poll(() => seen.getByRole("textbox", { name: "What will we do?" }).inputValue())
      .toBe("Induction on SEND plans for new staff");
    await expect
      .poll(() => seen.getByRole("checkbox", { name: "Staff turnover" }).isChecked())
      .toBe(true);
    await expect
      .poll(() => seen.getByRole("combobox", { name: "Owner" }).inputValue())
      .toBe(world.people.staff.id);
    await seen.getByText("Overdue", { exact: true }).waitFor();
    await seen.getByRole("combobox", { name: "Status" }).selectOption({ label: "In progress" });
    await expect
      .poll(() => action.getByRole("combobox", { name: "Status" }).inputValue())
      .toBe("inProgress");
    await saved(alex);
    await saved(chris);

    // The action plan reads the projection, written shortly after each store.
    const row = alex.getByRole("row", { name: /Induction on SEND plans for new staff/ });
    await expect
      .poll(
        async () => {
          await alex.goto(`${server.url}/evaluations/${world.evaluation.id}/actions`);
          return (await row.count()) === 1 ? row.textContent() : "";
        },
        { timeout: 8000 },
      )
      .toContain("In progress");
    // It names the factor it addresses, and the table counts its one action in the singular.
    await row.getByRole("cell", { name: "Staff turnover", exact: true }).waitFor();
    await alex.getByRole("table", { name: "All 1 action", exact: true }).waitFor();
    expect(await row.textContent()).toContain("Overdue");
    expect(await row.textContent()).toContain("Alex Staff");
    await alex.getByRole("link", { name: "Due" }).click();
    await expect
      .poll(() => alex.getByRole("columnheader", { name: "Due" }).getAttribute("aria-sort"))
      .toBe("ascending");
    expect(alex.url()).toContain("sort=due");
  });

  it("shows a trust leader the force-field read only", async () => {
    const leader = await openEvaluation(world.people.trustLeader.id);
    await expect
      .poll(() => diagram(leader, "2.1").getAttribute("aria-label"), { timeout: 5000 })
      .toBe(summary(5, 4));
    await leader.getByRole("note").filter({ hasText: "read only" }).waitFor();
    expect(
      await forceField(leader, "2.1").getByRole("button", { name: "Add a helping factor" }).count(),
    ).toBe(0);
    expect(
      await factor(leader, "2.1", "Helping factor 1")
        .getByRole("combobox", { name: "Strength" })
        .isDisabled(),
    ).toBe(true);
    expect(await factor(leader, "2.1", "Helping factor 1").getByRole("textbox").isEditable()).toBe(
      false,
    );
    expect(
      await actions(leader, "2.1").getByRole("checkbox", { name: "Staff turnover" }).isDisabled(),
    ).toBe(true);
  });

  it("draws both sides of the force-field on a phone, without the page or the diagram scrolling sideways", async () => {
    const sam = await openEvaluation(world.people.staff.id);
    await sam.setViewportSize({ width: 390, height: 844 });
    const field = forceField(sam, "2.2");
    await field.getByRole("button", { name: "Add a helping factor" }).click();
    await sam.keyboard.type("Trained teaching assistants in every class");
    await field.getByRole("button", { name: "Add a hindering factor" }).click();
    await sam.keyboard.type("Staff turnover in Year 4 (mostly Mondays)");
    await expect
      .poll(() => diagram(sam, "2.2").getAttribute("aria-label"))
      .toBe(summary(3, 3, "2.2"));

    const figure = field.getByRole("figure", { name: "Force-field diagram of 2.2" });
    await figure.scrollIntoViewIfNeeded();
    // Every word drawn (both sides' labels and totals) lies within the diagram's box as shown.
    const drawn = await figure.evaluate((box) => {
      const edge = box.getBoundingClientRect();
      const texts = [...box.querySelectorAll("svg text")].map((t) => ({
        text: t.textContent ?? "",
        inside:
          t.getBoundingClientRect().left >= edge.left - 1 &&
          t.getBoundingClientRect().right <= edge.right + 1,
      }));
      return { scrolls: box.scrollWidth > box.clientWidth + 1, texts };
    });
    expect(drawn.scrolls, "the diagram scrolls sideways").toBe(false);
    expect(drawn.texts.filter((t) => !t.inside).map((t) => t.text)).toEqual([]);
    const words = drawn.texts.map((t) => t.text).join(" ");
    expect(words).toContain("Helping total 3");
    expect(words).toContain("Hindering total 3");
    expect(words).toContain("Staff turnover");
    expect(words).toContain("Mondays)");
    expect(await horizontalOverflow(sam)).toBeNull();
  });

  it("brings a removed factor back with its words and strength, for everyone, on Undo", async () => {
    const [alex, chris] = await Promise.all([
      openEvaluation(world.people.staff.id),
      openEvaluation(world.people.staff2.id),
    ]);
    const both = [alex, chris];
    await forceField(alex, "2.3").getByRole("button", { name: "Add a helping factor" }).click();
    await alex.keyboard.type("Trained TAs");
    await factor(alex, "2.3", "Helping factor 1")
      .getByRole("combobox", { name: "Strength" })
      .selectOption("4");
    await expectBoth(
      both,
      (p) => diagram(p, "2.3").getAttribute("aria-label"),
      summary(4, 0, "2.3"),
    );

    await factor(alex, "2.3", "Helping factor 1")
      .getByRole("button", { name: "Remove helping factor 1" })
      .click();
    await expectBoth(
      both,
      (p) => diagram(p, "2.3").getAttribute("aria-label"),
      summary(0, 0, "2.3"),
    );
    const notice = alex.getByRole("status").filter({ hasText: "Trained TAs" });
    await notice.getByRole("button", { name: "Undo" }).click();

    await expectBoth(
      both,
      (p) => factor(p, "2.3", "Helping factor 1").getByRole("textbox").inputValue(),
      "Trained TAs",
    );
    await expectBoth(
      both,
      (p) =>
        factor(p, "2.3", "Helping factor 1")
          .getByRole("combobox", { name: "Strength" })
          .inputValue(),
      "4",
    );
    await expectBoth(
      both,
      (p) => diagram(p, "2.3").getAttribute("aria-label"),
      summary(4, 0, "2.3"),
    );
    await saved(alex);
    await saved(chris);
  });
});

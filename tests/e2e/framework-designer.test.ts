import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFramework, type Framework } from "../../models/framework/framework.ts";
import { STARTERS } from "../../models/framework/starters/index.ts";
import type { User } from "../../models/user/user.ts";
import type { AppServer } from "../../server/app.ts";
import { allowBrowserConsoleError, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let secondAdmin: User;
let framework: Framework;

const starter = STARTERS.find((s) => s.key === "inclusion-excellence")!;
const [firstArea, secondArea, thirdArea] = starter.content.areas.map((a) => a.title);

beforeAll(async () => {
  world = await buildWorld();
  secondAdmin = await buildUser("trustAdmin", world.trust, undefined, "Rita Admin");
  ({ framework } = await createFramework(world.trust.id, {
    content: starter.content,
    createdBy: world.people.trustAdmin.id,
  }));
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function openDesigner(userId: string): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await page.goto(`${server.url}/frameworks/${framework.id}`);
  await page.getByRole("heading", { level: 2, name: "Areas" }).waitFor();
  return page;
}

const areaHeadings = (page: Page) =>
  page
    .getByRole("list", { name: /^Criteria of/ })
    .evaluateAll((lists) =>
      lists.map((list) => list.getAttribute("aria-label")!.replace(/^Criteria of /, "")),
    );
const statement = (page: Page, code: string) =>
  page
    .getByRole("group", { name: `Criterion ${code}`, exact: true })
    .getByRole("textbox", { name: "Statement", exact: true });
const saved = (page: Page) => page.getByRole("status").filter({ hasText: /^Saved$/ });

/** Waits until the server has let this person write (fields are read only until it answers). */
async function whenWritable(page: Page) {
  await expect
    .poll(() => page.getByRole("textbox", { name: "Name", exact: true }).isEditable(), {
      timeout: 10_000,
    })
    .toBe(true);
}

describe("the live framework designer", () => {
  it("lets two trust admins co-write a criterion statement, each seeing the other's typing", async () => {
    const [priya, rita] = await Promise.all([
      openDesigner(world.people.trustAdmin.id),
      openDesigner(secondAdmin.id),
    ]);
    await Promise.all([whenWritable(priya), whenWritable(rita)]);
    const presence = (page: Page) => page.getByRole("region", { name: "People on this page" });
    await presence(priya).getByText("Rita Admin", { exact: true }).waitFor();

    // Both open criterion 1.1 (criteria start collapsed to a summary line).
    for (const page of [priya, rita]) {
      const toggle = page.getByRole("button", { name: "Edit criterion 1.1" });
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      await toggle.click();
      expect(
        await page
          .getByRole("button", { name: "Close criterion 1.1" })
          .getAttribute("aria-expanded"),
      ).toBe("true");
    }
    const original = starter.content.areas[0].criteria[0].statement;
    expect(await statement(priya, "1.1").inputValue()).toBe(original);

    // Priya types at the end while Rita types at the start: both edits survive, in both browsers.
    await statement(priya, "1.1").click();
    await priya.keyboard.press("Control+End");
    await statement(rita, "1.1").click();
    await rita.keyboard.press("Control+Home");
    await Promise.all([priya.keyboard.type(" Reviewed termly."), rita.keyboard.type("Always: ")]);
    const merged = `Always: ${original} Reviewed termly.`;
    for (const page of [priya, rita]) {
      await expect.poll(() => statement(page, "1.1").inputValue(), { timeout: 5000 }).toBe(merged);
    }
    // The summary line follows too, and presence says where Rita is working.
    await priya.getByRole("heading", { level: 4, name: `1.1 ${merged}` }).waitFor();
    const ritaSeen = presence(priya).getByRole("listitem").filter({ hasText: "Rita Admin" });
    await ritaSeen.filter({ hasText: "editing 1.1" }).waitFor();
    // It follows her to another field, and goes when she leaves every field.
    await rita.getByRole("textbox", { name: "Name", exact: true }).click();
    await ritaSeen.filter({ hasText: "editing the details" }).waitFor();
    expect(await ritaSeen.textContent()).not.toContain("1.1");
    await rita.getByRole("heading", { level: 1 }).click();
    await expect.poll(() => ritaSeen.textContent()).not.toContain("editing");
    await Promise.all([
      saved(priya).waitFor({ timeout: 5000 }),
      saved(rita).waitFor({ timeout: 5000 }),
    ]);
  });

  it("reorders areas from the keyboard, and the other admin sees the new order", async () => {
    const [priya, rita] = await Promise.all([
      openDesigner(world.people.trustAdmin.id),
      openDesigner(secondAdmin.id),
    ]);
    await whenWritable(priya);
    expect(await areaHeadings(rita)).toEqual([firstArea, secondArea, thirdArea]);

    const moveUp = priya.getByRole("button", { name: `Move ${secondArea} up` });
    await moveUp.focus();
    await priya.keyboard.press("Enter");

    await expect
      .poll(() => areaHeadings(rita), { timeout: 5000 })
      .toEqual([secondArea, firstArea, thirdArea]);
    expect(await areaHeadings(priya)).toEqual([secondArea, firstArea, thirdArea]);
    // At the top now, so focus stays with the moved area on its other button; and it is announced.
    const moved = starter.content.areas[1].id;
    await expect
      .poll(() => priya.evaluate(() => document.activeElement?.id))
      .toBe(`move-down-${moved}`);
    await priya.getByText(`Moved ${secondArea} to position 1 of 3`).waitFor({ state: "attached" });

    // And back down again with the same button.
    await priya.keyboard.press("Enter");
    await expect
      .poll(() => areaHeadings(rita), { timeout: 5000 })
      .toEqual([firstArea, secondArea, thirdArea]);
    await saved(priya).waitFor({ timeout: 5000 });
  });

  it("takes each publish problem's link to the field to fix, opening its criterion", async () => {
    const priya = await openDesigner(world.people.trustAdmin.id);
    await whenWritable(priya);
    const code = `1.${starter.content.areas[0].criteria.length + 1}`;
    await priya.getByRole("button", { name: `Add criterion to ${firstArea}` }).click();
    await priya.keyboard.type("Parents are partners in planning support.");
    await priya.getByRole("button", { name: `Close criterion ${code}` }).click();

    // Publishing an incomplete draft is refused (400), listing what to fix.
    allowBrowserConsoleError(/status of 400/);
    await priya.getByRole("button", { name: "Publish" }).click();
    const problems = priya.getByRole("alert").filter({ hasText: "Not published yet" });
    const [secure, developing] = ["Secure", "Developing"].map((label) => ({
      link: problems.getByRole("link", {
        name: `${firstArea}, criterion ${code}: describe what “${label}” looks like.`,
      }),
      field: priya
        .getByRole("group", { name: `Criterion ${code}`, exact: true })
        .getByRole("textbox", { name: `What “${label}” looks like` }),
    }));
    const focused = (field: typeof secure.field) =>
      field.evaluate((el) => el === document.activeElement);

    await secure.link.click();
    await expect.poll(() => focused(secure.field), { timeout: 5000 }).toBe(true);
    expect(
      await priya
        .getByRole("button", { name: `Close criterion ${code}` })
        .getAttribute("aria-expanded"),
    ).toBe("true");
    // The list stays, so the next problem is one click away.
    await developing.link.click();
    await expect.poll(() => focused(developing.field), { timeout: 5000 }).toBe(true);
  });

  it("opens the criterion a link in the address points to", async () => {
    const criterion = starter.content.areas[0].criteria[1];
    const level = starter.content.scales[0].levels[2];
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    await page.goto(
      `${server.url}/frameworks/${framework.id}#descriptor-${criterion.id}-${level.key}`,
    );
    const field = page.getByRole("textbox", { name: `What “${level.label}” looks like` });
    await expect
      .poll(() => field.evaluate((el) => el === document.activeElement).catch(() => false), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await field.inputValue()).toBe(criterion.descriptors[level.key]);
    expect(
      await page.getByRole("button", { name: "Close criterion 1.2" }).getAttribute("aria-expanded"),
    ).toBe("true");
  });

  it("wraps a long pasted link (no hyphen to break at) inside its field, never widening the page", async () => {
    const page = await openDesigner(world.people.trustAdmin.id);
    await whenWritable(page);
    await page.getByRole("button", { name: "Edit criterion 1.3" }).click();
    const box = statement(page, "1.3");
    await box.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(
      `https://example.sharepoint.com/r?id=${"0123456789abcdef".repeat(24)}`,
    );
    await saved(page).waitFor({ timeout: 5000 });
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    expect(await overflow()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflow()).toBe(0);
  });

  it("shows a trust leader the draft read only", async () => {
    const leader = await openDesigner(world.people.trustLeader.id);
    await leader.getByRole("note").filter({ hasText: "read only" }).waitFor();
    const name = leader.getByRole("textbox", { name: "Name", exact: true });
    await expect.poll(() => name.inputValue(), { timeout: 5000 }).toBe(starter.content.name);
    expect(await name.isEditable()).toBe(false);
    expect(await leader.getByRole("button", { name: "Add area" }).count()).toBe(0);
    expect(await leader.getByRole("button", { name: /^Move / }).count()).toBe(0);
    expect(await leader.getByRole("combobox", { name: "Kind" }).isDisabled()).toBe(true);

    // They can still open a criterion to read it, but not change it.
    await leader.getByRole("button", { name: "View criterion 1.1" }).click();
    const box = statement(leader, "1.1");
    expect(await box.isEditable()).toBe(false);
    const before = await box.inputValue();
    await box.click();
    await leader.keyboard.type("Leader was here");
    expect(await box.inputValue()).toBe(before);
  });

  it("keeps the heading and the page title on the name as either admin renames it, without a reload", async () => {
    const [priya, rita] = await Promise.all([
      openDesigner(world.people.trustAdmin.id),
      openDesigner(secondAdmin.id),
    ]);
    await Promise.all([whenWritable(priya), whenWritable(rita)]);
    const heading = (page: Page) => page.getByRole("heading", { level: 1 });
    expect(await heading(priya).textContent()).toBe(starter.content.name);
    // Marks each page, so a reload (which would show the new name anyway) would show.
    for (const page of [priya, rita])
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const expectName = async (name: string) => {
      for (const page of [priya, rita]) {
        await expect.poll(() => heading(page).textContent(), { timeout: 5000 }).toBe(name);
        await expect.poll(() => page.title()).toBe(`${name} · Frameworks`);
        expect(await page.evaluate(() => "notReloaded" in window)).toBe(true);
      }
    };

    // Priya renames it: her heading and Rita's follow.
    await priya.getByRole("textbox", { name: "Name", exact: true }).click();
    await priya.keyboard.press("End");
    await priya.keyboard.type(" (trust edition)");
    await expectName(`${starter.content.name} (trust edition)`);

    // Rita renames it: Priya's heading follows.
    await rita.getByRole("textbox", { name: "Name", exact: true }).click();
    await rita.keyboard.press("Control+A");
    await rita.keyboard.type("Reading Mark");
    await expectName("Reading Mark");
    await Promise.all([
      saved(priya).waitFor({ timeout: 5000 }),
      saved(rita).waitFor({ timeout: 5000 }),
    ]);
  });
});

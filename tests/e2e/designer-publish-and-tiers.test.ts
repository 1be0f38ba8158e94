import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFramework } from "../../models/framework/framework.ts";
import { STARTERS } from "../../models/framework/starters/index.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, settle } from "../support/axe.ts";
import { allowBrowserConsoleError, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// A trust admin's first walk through the designer on a tablet or phone: publishing is one link
// away from the top (not below every area), removing a level says what it does to the rules
// that use it, and a new award tier reads sensibly until it is named and is told when its name
// repeats another tier's.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

// Inclusion Excellence: levels Emerging, Developing, Secure, Leading; the rule and Bronze ask
// for Developing, Silver and Gold for Secure, Gold for three criteria at Leading.
const starter = STARTERS.find((s) => s.key === "inclusion-excellence")!;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** A fresh draft of the starter, open for a trust admin at `width` px once they may write. */
async function openDesigner(width: number, height = 1000): Promise<Page> {
  const { framework } = await createFramework(world.trust.id, {
    content: starter.content,
    createdBy: world.people.trustAdmin.id,
  });
  const page = await signedInPage(server.url, world.people.trustAdmin.id);
  await page.setViewportSize({ width, height });
  await page.goto(`${server.url}/frameworks/${framework.id}`);
  await page.getByRole("heading", { level: 2, name: "Areas" }).waitFor();
  await expect
    .poll(() => page.getByRole("textbox", { name: "Name", exact: true }).isEditable(), {
      timeout: 10_000,
    })
    .toBe(true);
  return page;
}

/** Whether `locator`'s top edge is inside the viewport. */
const topInView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const { top } = el.getBoundingClientRect();
    return top >= 0 && top < window.innerHeight;
  });

describe("publishing from a tablet", () => {
  it("has a Publish section link that takes focus to the publish panel and its problem list, which stays", async () => {
    const page = await openDesigner(820);
    const parts = page.getByRole("navigation", { name: "Parts of the framework" });
    expect(await parts.getByRole("link").allTextContents()).toEqual([
      "Details",
      "Scale",
      "Accreditation rule",
      "Award tiers",
      "Areas",
      "Publish",
    ]);
    // At this width the panel comes after every area.
    expect(await topInView(page, "#publish")).toBe(false);

    await parts.getByRole("link", { name: "Publish" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe("publish-heading");
    await expect.poll(() => topInView(page, "#publish-heading")).toBe(true);

    // An unnamed tier stops publishing: the refusal lists it.
    await page.getByRole("button", { name: "Add tier" }).click();
    allowBrowserConsoleError(/status of 400/);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const problems = page.getByRole("alert").filter({ hasText: "Not published yet" });
    await problems.getByRole("link", { name: "Every award tier needs a name." }).waitFor();

    // From the top of the page, the link comes back to the list, which is still there.
    await page.evaluate(() => window.scrollTo(0, 0));
    await parts.getByRole("link", { name: "Publish" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe("publish-heading");
    await expect.poll(() => topInView(page, "#publish [role=alert]")).toBe(true);
    expect(await problems.isVisible()).toBe(true);

    await settle(page);
    expect(await checkPage(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    expect(await checkPage(page)).toEqual([]);
  });
});

describe("removing a level a rule uses", () => {
  it("says in the confirmation which rules use it and what happens to them", async () => {
    const page = await openDesigner(390, 844);
    const asked: string[] = [];
    let accept = false;
    page.on("dialog", (dialog) => {
      asked.push(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    });

    await page.getByRole("button", { name: "Remove level Developing" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe(
      "Remove the level “Developing”? Descriptors written for it will no longer be shown or published.\n\n" +
        "The accreditation rule and the rule for the award tier “Bronze” use this level: removing it leaves those rules with no level chosen, and the framework cannot be published until you choose another level for each.",
    );
    // Cancelled: the level stays.
    expect(await page.locator("#level-developing").count()).toBe(1);

    // A level only Gold's higher level uses names Gold alone; confirmed, it goes as warned.
    accept = true;
    await page.getByRole("button", { name: "Remove level Leading" }).click();
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toContain(
      "The rule for the award tier “Gold” uses this level: removing it leaves that rule with no level chosen",
    );
    await page.locator("#level-leading").waitFor({ state: "detached" });
    await page
      .locator("#tier-gold")
      .getByText("(a level not yet chosen)", { exact: false })
      .waitFor();

    // A level no rule uses is removed with the plain question.
    await page.getByRole("button", { name: "Remove level Emerging" }).click();
    await expect.poll(() => asked.length).toBe(3);
    expect(asked[2]).toBe(
      "Remove the level “Emerging”? Descriptors written for it will no longer be shown or published.",
    );
  });
});

describe("a new award tier", () => {
  it("is headed as not named yet until it has a name, and is told beside its name when another tier has it", async () => {
    const page = await openDesigner(390, 844);
    await page.getByRole("button", { name: "Add tier" }).click();
    const tiers = page.locator("#tiers");
    await tiers.getByRole("heading", { level: 3, name: "Tier 4 (not named yet)" }).waitFor();
    expect(await tiers.getByRole("heading", { name: /tier 4: tier 4/i }).count()).toBe(0);

    // Focus is in the new tier's name.
    await page.keyboard.type("gold");
    await tiers.getByRole("heading", { level: 3, name: "Tier 4: gold" }).waitFor();
    const message = tiers.getByText("Tier 3 already has this name: give each tier its own name.");
    await message.waitFor();
    const name = tiers.getByRole("textbox", { name: "Tier name" }).last();
    const describedBy = (await name.getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(" ")).toContain(await message.getAttribute("id"));
    await settle(page);
    expect(await checkPage(page)).toEqual([]);

    await page.keyboard.type(" plus");
    await message.waitFor({ state: "detached" });
    await tiers.getByRole("heading", { level: 3, name: "Tier 4: gold plus" }).waitFor();
  });
});

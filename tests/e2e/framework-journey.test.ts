import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildSchool, buildUser, buildWorld } from "../support/factories.ts";
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

/** Counts what the person does: each click, choice or piece of typing is one action. */
function counter(page: Page) {
  let actions = 0;
  return {
    get count() {
      return actions;
    },
    async click(locator: ReturnType<Page["getByRole"]>) {
      actions++;
      await locator.click();
    },
    async type(locator: ReturnType<Page["getByRole"]>, text: string) {
      actions++;
      await locator.click();
      await page.keyboard.type(text);
    },
    async choose(locator: ReturnType<Page["getByRole"]>, value: string) {
      actions++;
      await locator.selectOption(value);
    },
    async fill(locator: ReturnType<Page["getByRole"]>, text: string) {
      actions++;
      await locator.fill(text);
    },
  };
}

describe("from a starter to a distributed quality mark", () => {
  it("takes a trust admin at most 15 actions, and the school leader then sees the evaluation", async () => {
    const schools = [
      world.school,
      world.otherSchool,
      await buildSchool(world.trust, { name: "Zephyr Academy" }),
    ];
    const zephyrLeader = await buildUser("schoolLeader", world.trust, schools[2], "Zara Leader");
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    const started = Date.now();
    await page.goto(`${server.url}/home`);
    const admin = counter(page);

    await admin.click(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Frameworks" }),
    );
    // The first option is the one chosen until the person chooses: nothing half-way down the
    // list is singled out for them.
    const startFrom = page.getByRole("combobox", { name: "Start from" });
    const firstOption = await startFrom.locator("option").first().getAttribute("value");
    expect(await startFrom.inputValue()).toBe(firstOption);
    await admin.choose(startFrom, "inclusion-excellence");
    await admin.click(page.getByRole("button", { name: "Create and open the designer" }));
    await page.getByRole("heading", { level: 2, name: "Areas" }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor();

    await admin.click(page.getByRole("button", { name: "Edit criterion 1.1" }));
    const descriptor = page
      .getByRole("group", { name: "Criterion 1.1", exact: true })
      .getByRole("textbox", { name: "What “Leading” looks like" });
    await admin.type(descriptor, " Our trust's SENCO network meets every half term.");
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor();

    await admin.click(page.getByRole("button", { name: "Publish" }));
    await page
      .getByRole("status")
      .filter({
        hasText:
          /^Published version 1 on \d{1,2} \w+ \d{4}: schools can now start evaluations on it/,
      })
      .waitFor();
    await admin.click(page.getByRole("link", { name: "Distribute v1" }));

    await admin.fill(page.getByRole("textbox", { name: "Due date" }), "2027-07-16");
    await admin.click(page.getByRole("checkbox", { name: /^All schools/ }));
    for (const school of schools)
      await admin.click(page.getByRole("checkbox", { name: school.name }));
    await admin.click(page.getByRole("button", { name: "Distribute" }));
    await page.getByRole("status").filter({ hasText: "3 new evaluations created." }).waitFor();
    const seconds = (Date.now() - started) / 1000;

    console.log(`Framework journey: ${admin.count} actions, ${seconds.toFixed(1)} s`);
    expect(admin.count).toBeLessThanOrEqual(15);

    // The leader of one of those schools now sees the new evaluation, with its due date.
    const leader = await signedInPage(server.url, zephyrLeader.id);
    await leader.goto(`${server.url}/schools/${schools[2].id}`);
    const cycle = leader.getByRole("listitem").filter({ hasText: "distributed by the trust" });
    await cycle.getByRole("link", { name: /Inclusion Excellence/ }).waitFor();
    expect(await cycle.textContent()).toContain("Due 16 July 2027");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFramework, type Framework } from "../../models/framework/framework.ts";
import { STARTERS } from "../../models/framework/starters/index.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, settle } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let framework: Framework;
const starter = STARTERS.find((s) => s.key === "inclusion-excellence")!;

beforeAll(async () => {
  world = await buildWorld();
  ({ framework } = await createFramework(world.trust.id, {
    content: starter.content,
    createdBy: world.people.trustAdmin.id,
  }));
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("making a copy from the framework designer on a phone", () => {
  it("offers the copy at 390 px, from the keyboard, and opens the copy's designer", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/frameworks/${framework.id}`);
    await page.getByRole("heading", { level: 2, name: "Areas" }).waitFor();
    const section = page.getByRole("region", { name: "Make a copy" });
    const button = section.getByRole("button", { name: "Make a copy" });
    await button.waitFor();
    await settle(page);
    expect(await checkPage(page)).toEqual([]);

    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname !== `/frameworks/${framework.id}`);
    expect(page.url()).toMatch(/\/frameworks\/[0-9a-f]{24}$/);
    await page
      .getByRole("heading", { level: 1, name: `Copy of ${starter.content.name}` })
      .waitFor();
    await page.getByRole("heading", { level: 2, name: "Areas" }).waitFor();
  });

  it("is not offered to a trust leader, who reads the draft only", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.goto(`${server.url}/frameworks/${framework.id}`);
    await page.getByRole("heading", { level: 2, name: "Areas" }).waitFor();
    expect(await page.getByRole("button", { name: "Make a copy" }).count()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
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

describe("the Perspectives page before anyone has responded", () => {
  it("invites the school leader to invite contributors, draws no charts and logs no errors", async () => {
    const page = await signedInPage(server.url, world.people.schoolLeader.id);
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}/perspectives`);
    await page.getByRole("heading", { level: 1, name: "Perspectives" }).waitFor();
    await page.getByText("Invite contributors to see the spread").waitFor();
    const invite = page.getByRole("form", { name: "Invite a contributor" });
    await invite.getByRole("combobox", { name: "Person" }).waitFor();
    await invite.getByRole("button", { name: "Invite" }).waitFor();
    // No spread until someone responds: no chart, no per-criterion tables.
    expect(await page.locator(".spread-chart").count()).toBe(0);
    expect(await page.getByRole("table").count()).toBe(0);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(3000);
  });

  it("tells a reader who may not invite what will appear, without the form", async () => {
    const page = await signedInPage(server.url, world.people.trustLeader.id);
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}/perspectives`);
    await page.getByText("Invite contributors to see the spread").waitFor();
    expect(await page.getByRole("form", { name: "Invite a contributor" }).count()).toBe(0);
  });
});

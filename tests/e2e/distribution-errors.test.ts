import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { FrameworkVersion } from "../../models/framework/framework.ts";
import type { AppServer } from "../../server/app.ts";
import { allowBrowserConsoleError, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildStarterFramework, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let version: FrameworkVersion;

beforeAll(async () => {
  world = await buildWorld();
  version = await buildStarterFramework(world.trust);
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const STOPPED = "Distribution stopped. Try again: nothing is duplicated.";
const isBatch = (url: URL) => url.searchParams.get("_data") === "routes/cycles.new";

/** Clicks Distribute and waits for the page's own batch request (the script's path, not a reload). */
async function distribute(page: Page) {
  await Promise.all([
    page.waitForResponse((r) => isBatch(new URL(r.url())) && r.request().method() === "POST"),
    page.getByRole("button", { name: "Distribute" }).click(),
  ]);
}

describe("distributing with mistakes in the form", () => {
  it("shows each problem beside its field and no 'distribution stopped' banner", async () => {
    allowBrowserConsoleError(/status of 400/);
    const admin = await signedInPage(server.url, world.people.trustAdmin.id);
    await admin.goto(`${server.url}/cycles/new?version=${version.id}`);
    await admin.waitForLoadState("networkidle");
    await admin.getByRole("textbox", { name: "Cycle name" }).fill("");
    await admin.getByRole("checkbox", { name: /^All schools/ }).uncheck();
    await distribute(admin);

    await admin.getByText("Name the cycle (at least 3 characters)").waitFor();
    await admin.getByText("Choose the date evaluations are due").waitFor();
    await admin.getByText("Choose at least one school").waitFor();
    // Trying again would fail the same way: the fields say what to fix.
    expect(await admin.getByRole("alert").filter({ hasText: "Distribution stopped" }).count()).toBe(
      0,
    );
  });

  it("says distribution stopped only when it failed part-way", async () => {
    allowBrowserConsoleError(/status of 500/);
    const admin = await signedInPage(server.url, world.people.trustAdmin.id);
    await admin.goto(`${server.url}/cycles/new?version=${version.id}`);
    await admin.waitForLoadState("networkidle");
    // The server fails while distributing (a database outage, say).
    await admin.route(isBatch, (route) =>
      route.fulfill({ status: 500, contentType: "text/plain", body: "Unexpected Server Error" }),
    );
    await admin.getByRole("textbox", { name: "Due date" }).fill("2027-07-16");
    await distribute(admin);

    await admin.getByRole("alert").filter({ hasText: STOPPED }).waitFor();
  });

  it("says to sign in again, not to try again, when the session has ended", async () => {
    const admin = await signedInPage(server.url, world.people.trustAdmin.id);
    await admin.goto(`${server.url}/cycles/new?version=${version.id}`);
    await admin.waitForLoadState("networkidle");
    await admin.getByRole("textbox", { name: "Due date" }).fill("2027-07-16");
    // Signed out elsewhere (or the session expired) while the page was open.
    await admin.context().clearCookies();
    await distribute(admin);

    const alert = admin.getByRole("alert").filter({ hasText: "You have been signed out" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Sign in again in another tab");
    expect(await admin.getByText(STOPPED).count()).toBe(0);
  });

  it("says to wait when the server asks for fewer requests", async () => {
    allowBrowserConsoleError(/status of 429/);
    const admin = await signedInPage(server.url, world.people.trustAdmin.id);
    await admin.goto(`${server.url}/cycles/new?version=${version.id}`);
    await admin.waitForLoadState("networkidle");
    // A rate limiter in front answers in plain text, not in the page's JSON.
    await admin.route(isBatch, (route) =>
      route.fulfill({ status: 429, contentType: "text/plain", body: "Too Many Requests" }),
    );
    await admin.getByRole("textbox", { name: "Due date" }).fill("2027-07-16");
    await distribute(admin);

    await admin
      .getByRole("alert")
      .filter({ hasText: "Wait a minute, then distribute again" })
      .waitFor();
    expect(await admin.getByText(STOPPED).count()).toBe(0);
  });
});

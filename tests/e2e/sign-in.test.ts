import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import {
  allowBrowserConsoleError,
  newContext,
  pathOf,
  signInThroughForm,
  signedOutPage,
  useBrowser,
} from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { TEST_PASSWORD, buildWorld } from "../support/factories.ts";
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

describe("signing in", () => {
  it("says the details are not right, stays on the form, then signs in to the schools page", async () => {
    // The refused attempt is answered 400, which the browser reports as a failed resource.
    allowBrowserConsoleError(/status of 400/);
    const page = await signedOutPage();
    await page.goto(`${server.url}/sign-in`);

    await signInThroughForm(page, world.people.staff.email, "not the password");
    const alert = page.getByRole("alert");
    await alert.filter({ hasText: "The email address or password is not right." }).waitFor();
    expect(pathOf(page)).toBe("/sign-in");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();

    await signInThroughForm(page, world.people.staff.email, TEST_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/home");
    await page.getByRole("heading", { level: 1, name: "Schools" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByText("Alex Staff").waitFor();
    expect(await page.getByRole("heading", { name: world.school.name }).count()).toBe(1);
  });

  it("works without scripts: the browser's own form post is accepted as this site's", async () => {
    // A page whose scripts have not arrived (or are blocked) posts the form natively; with no
    // Referrer-Policy of our own, helmet's no-referrer made Chromium send Origin: null, which
    // the cross-site check refused with a 403.
    const page = await (await newContext({ scripts: false })).newPage();
    await page.goto(`${server.url}/sign-in`);
    await signInThroughForm(page, world.people.staff.email, TEST_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/home");
    await page.getByRole("heading", { level: 1, name: "Schools" }).waitFor();
  });
});

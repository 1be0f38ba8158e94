import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import {
  allowBrowserConsoleError,
  pathOf,
  signInThroughForm,
  signedInPage,
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
let evaluationPath: string;

beforeAll(async () => {
  world = await buildWorld();
  evaluationPath = `/evaluations/${world.evaluation.id}?area=inclusion`;
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("who may open an evaluation", () => {
  it("shows staff of another school the same page as for an evaluation that does not exist", async () => {
    // The browser reports the 404 document itself as a failed resource: that is the point here.
    allowBrowserConsoleError(/status of 404/);
    const page = await signedInPage(server.url, world.people.otherStaff.id);

    const response = await page.goto(`${server.url}${evaluationPath}`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await page.getByText(world.evaluation.title).count()).toBe(0);
    expect(await page.getByText(world.school.name).count()).toBe(0);

    // Nothing tells "not yours" apart from "not there".
    const missing = await page.goto(
      `${server.url}/evaluations/000000000000000000000000?area=inclusion`,
    );
    expect(missing?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  });

  it("sends a signed-out visitor to sign in, and back to the evaluation afterwards", async () => {
    const page = await signedOutPage();

    await page.goto(`${server.url}${evaluationPath}`);
    expect(pathOf(page)).toBe(`/sign-in?redirectTo=${encodeURIComponent(evaluationPath)}`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();

    await signInThroughForm(page, world.people.staff.email, TEST_PASSWORD);
    await page.waitForURL((url) => `${url.pathname}${url.search}` === evaluationPath);
    await page.getByRole("heading", { level: 1, name: world.evaluation.title }).waitFor();
    await page.getByRole("button", { name: /^2\.1 / }).click();
    await page.getByRole("textbox", { name: "Narrative for 2.1" }).waitFor();
  });
});

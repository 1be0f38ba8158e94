import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeAt } from "../../models/second-factor/totp.ts";
import type { AppServer } from "../../server/app.ts";
import {
  allowBrowserConsoleError,
  pathOf,
  signInThroughForm,
  signInWithCode,
  signedOutPage,
  useBrowser,
} from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { TEST_PASSWORD, buildWorld } from "../support/factories.ts";
import { ensureSecondFactor, freshCodeFor } from "../support/second-factor.ts";
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

describe("two-factor sign-in", () => {
  it("makes a trust admin set it up: reads the key, types a code, keeps the recovery codes, reaches the schools page", async () => {
    // A refused code is answered 400, which the browser reports as a failed resource.
    allowBrowserConsoleError(/status of 400/);
    const page = await signedOutPage();
    await page.goto(`${server.url}/home`);
    await signInThroughForm(page, world.people.trustAdmin.email, TEST_PASSWORD);

    await page.waitForURL((url) => url.pathname === "/account/two-factor");
    await page.getByRole("heading", { level: 1, name: "Two-factor sign-in" }).waitFor();
    // Nothing else opens until it is set up.
    await page.goto(`${server.url}/trust`);
    expect(pathOf(page)).toBe(`/account/two-factor?redirectTo=${encodeURIComponent("/trust")}`);
    await page.goto(`${server.url}/account/two-factor`);
    await page.getByRole("img", { name: /QR code to add Quality marks/ }).waitFor();

    // As a person would with an app: type the key shown, then the code the app makes.
    const key = (
      await page.getByLabel("Or type this set-up key into the app").inputValue()
    ).replace(/\s+/g, "");
    const code = page.getByLabel("Code from your app");
    await code.fill("123");
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.getByText("That code is not right.").waitFor();

    await code.fill(codeAt(key, new Date()));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
    const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    expect(await codes.count()).toBe(10);

    await page.getByRole("link", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname === "/home");
    await page.getByRole("heading", { level: 1, name: "Schools" }).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByText("Priya Admin").waitFor();
  });

  it("asks a validator with an app for the code after the password, then opens the page they asked for", async () => {
    await ensureSecondFactor(world.people.validator.id);
    const page = await signedOutPage();
    await page.goto(`${server.url}/validations`);
    await signInWithCode(page, world.people.validator.email, TEST_PASSWORD);
    expect(pathOf(page)).toBe("/validations");
    await page.getByRole("navigation", { name: "Main" }).getByText("Helen Validator").waitFor();
  });

  it("lets a school leader make a new set of recovery codes, the error beside the field", async () => {
    allowBrowserConsoleError(/status of 400/);
    await ensureSecondFactor(world.people.schoolLeader.id);
    const page = await signedOutPage();
    await page.goto(`${server.url}/account/two-factor`);
    await signInWithCode(page, world.people.schoolLeader.email, TEST_PASSWORD);
    await page.getByRole("heading", { name: "New recovery codes" }).waitFor();

    const code = page.getByLabel("Code from your app");
    await code.fill("000000");
    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await page.getByText("That code is not right.").waitFor();
    expect(await code.getAttribute("aria-invalid")).toBe("true");

    await code.fill(await freshCodeFor(world.people.schoolLeader.id));
    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await page.getByText("New recovery codes are ready. Your old ones no longer work.").waitFor();
    const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    expect(await codes.count()).toBe(10);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("a refused distribution keeps what the admin typed", () => {
  for (const scripts of [false, true]) {
    it(`keeps the cycle name, due date and schools ${scripts ? "with" : "without"} scripts`, async () => {
      allowBrowserConsoleError(/status of 400/);
      const admin = await signedInPage(server.url, world.people.trustAdmin.id, { scripts });
      await admin.goto(`${server.url}/cycles/new?version=${version.id}`);
      if (scripts) await admin.waitForLoadState("networkidle");
      const name = admin.getByRole("textbox", { name: "Cycle name" });
      await name.fill("Spring inclusion review");
      await admin.getByLabel("Due date").fill("2001-01-01");
      await admin.getByRole("checkbox", { name: world.otherSchool.name }).uncheck();
      await admin.getByRole("button", { name: "Distribute" }).click();

      await admin.getByText("The due date must not be in the past").waitFor();
      expect(await name.inputValue()).toBe("Spring inclusion review");
      expect(await admin.getByLabel("Due date").inputValue()).toBe("2001-01-01");
      expect(await admin.getByRole("checkbox", { name: world.school.name }).isChecked()).toBe(true);
      expect(await admin.getByRole("checkbox", { name: world.otherSchool.name }).isChecked()).toBe(
        false,
      );
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../models/audit/audit.ts";
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
  // Entries with long unbroken text, the kind that pushes a table wider than the page.
  for (let i = 0; i < 3; i++) {
    await recordAudit({
      trustId: world.trust.id,
      actorId: world.people.trustAdmin.id,
      action: "roleGranted",
      subject: `user:${world.people.validator.id}`,
      details: { role: "validator", schoolId: null, note: "x".repeat(400) },
    });
  }
  await recordAudit({
    trustId: world.trust.id,
    actorId: world.people.trustAdmin.id,
    action: "secondFactorReset",
    subject: `user:${world.people.staff.id}`,
    details: { hadFactor: true, sessionsEnded: 1 },
  });
});

afterAll(async () => {
  await server?.close();
});

async function pageScrollsSideways(page: Awaited<ReturnType<typeof signedInPage>>) {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

describe("the audit log", () => {
  it("reads as sentences with names, fits 1280 px, and on a phone scrolls only inside its box", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/trust/audit`);
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    await page
      .getByRole("cell", { name: "Priya Admin reset Alex Staff's two-factor sign-in" })
      .waitFor();
    expect(
      await page
        .getByRole("cell", { name: "Priya Admin gave Helen Validator the role of validator" })
        .count(),
    ).toBe(3);
    expect(await pageScrollsSideways(page)).toBe(false);
    const box = page.getByRole("region", { name: "Audit entries" });
    expect(await box.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    await page.setViewportSize({ width: 390, height: 800 });
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });
});

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

describe("switching area straight after opening an evaluation", () => {
  it("never shows Page not found (20 times, at the moment the page starts loading its evidence)", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    // As on a busy machine: what the page asks for straight after opening (its evidence list,
    // and the route that serves it) takes a moment to come back.
    await page.route(
      (url) => decodeURIComponent(url.href).includes("/evidence"),
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await route.continue().catch(() => {});
      },
    );
    const areas = ["Achievement", "Inclusion"];
    for (let i = 0; i < 20; i++) {
      const area = areas[i % 2];
      // The race seen: a switch while those requests are still on their way.
      const evidenceRequested = page.waitForRequest((r) =>
        decodeURIComponent(r.url()).includes("/evidence"),
      );
      // Opened at a criterion, whose evidence list the page loads straight away.
      await page.goto(
        `${server.url}/evaluations/${world.evaluation.id}?criterion=${i % 2 ? "ach-1" : "incl-1"}`,
      );
      await evidenceRequested;
      await page
        .getByRole("navigation", { name: "Areas" })
        .getByRole("link", { name: area })
        .click();
      await page.waitForURL((url) => url.search.includes("area="));
      // Whatever was in flight settles without replacing the page.
      await page.waitForLoadState("networkidle");
      expect(await page.getByRole("heading", { level: 1 }).textContent(), `try ${i + 1}`).not.toBe(
        "Page not found",
      );
      await page.getByRole("heading", { level: 2, name: area }).waitFor({ timeout: 2000 });
    }
  }, 180_000);
});

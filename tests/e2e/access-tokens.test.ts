import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { CLOSE } from "../../collab/close-codes.ts";
import { AccessTokenModel } from "../../models/access-token/access-token.ts";
import type { AppServer } from "../../server/app.ts";
import { checkPage, settle } from "../support/axe.ts";
import { allowBrowserConsoleError, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { eventually } from "../support/wait.ts";
import { connectYjs } from "../support/yjs-client.ts";

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

const tokens = (page: Page) => page.getByRole("list", { name: "Your tokens" });

async function expectClean(page: Page) {
  await settle(page);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await checkPage(page)).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("personal access tokens on the account page", () => {
  it("creates a token shown once, lists it, and revokes it (closing the socket using it)", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await page.goto(`${server.url}/account`);
    await page.getByRole("heading", { name: "Personal access tokens" }).waitFor();
    await expect.poll(() => page.getByText("You have no tokens yet.").isVisible()).toBe(true);
    await expectClean(page);

    // Bad input: an error next to the field (a 400), nothing created.
    allowBrowserConsoleError(/status of 400/);
    await page.getByRole("button", { name: "Create token" }).click();
    const name = page.getByRole("textbox", { name: "Name" });
    await expect.poll(() => name.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.getByText("Give the token a name").isVisible()).toBe(true);
    expect(await AccessTokenModel.countDocuments({ userId: world.people.staff.id })).toBe(0);
    await expectClean(page);

    await name.fill("MIS import");
    await page.getByRole("combobox", { name: "Access" }).selectOption("readWrite");
    await page.getByRole("combobox", { name: "Expires after" }).selectOption("7");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByRole("textbox", { name: "Token", exact: true });
    await shown.waitFor();
    const secret = await shown.inputValue();
    expect(secret).toMatch(/^qmt_[A-Za-z0-9_-]{43}$/);
    await expect
      .poll(() =>
        page.getByRole("status").filter({ hasText: "it will not be shown again" }).count(),
      )
      .toBe(1);
    const item = tokens(page).getByRole("listitem").filter({ hasText: "MIS import" });
    await expect.poll(() => item.textContent()).toContain("Read and write");
    expect(await item.textContent()).toContain("Never");
    expect(await item.textContent()).toContain(secret.slice(0, 10));
    await expectClean(page);

    // Shown once: a fresh load has the list, never the secret.
    await page.reload();
    await tokens(page).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await page.getByRole("textbox", { name: "Token", exact: true }).count()).toBe(0);

    // The token works, and "last used" says so.
    const evaluation = documentName("evaluation", world.evaluation.id);
    const integration = connectYjs(server.url, evaluation, { token: secret });
    try {
      await integration.synced;
      await page.reload();
      await expect
        .poll(() => tokens(page).getByRole("listitem").first().textContent())
        .not.toContain("Never");

      // Revoking it closes the open socket at once and says so on the page.
      await page.getByRole("button", { name: "Revoke the token MIS import" }).click();
      await expect
        .poll(() => page.getByRole("status").filter({ hasText: "has been revoked" }).count())
        .toBe(1);
      await eventually(
        () => integration.closeEvents.some((e) => e.code === CLOSE.tokenEnded.code),
        2000,
        "the socket closed",
      );
      await expect.poll(() => item.textContent()).toContain("Revoked");
      expect(await item.getByRole("button").count()).toBe(0);
      await expectClean(page);
    } finally {
      integration.destroy();
    }
  });
});

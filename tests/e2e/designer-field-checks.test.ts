import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFramework, type Framework } from "../../models/framework/framework.ts";
import { STARTERS } from "../../models/framework/starters/index.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

// The designer says beside the field, as it is changed, what publishing would refuse: a level
// labelled like another, and a "higher level" part of the rule that adds nothing or can never
// be met.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let framework: Framework;

const starter = STARTERS.find((s) => s.key === "inclusion-excellence")!;
const criteriaCount = starter.content.areas.reduce((n, a) => n + a.criteria.length, 0);

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

/** The field's accessible description: the text of what its aria-describedby points to. */
function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
      .join(" "),
  );
}

async function openDesigner(): Promise<Page> {
  const page = await signedInPage(server.url, world.people.trustAdmin.id);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`${server.url}/frameworks/${framework.id}`);
  await page.getByRole("heading", { level: 2, name: "Areas" }).waitFor();
  await expect
    .poll(() => page.getByRole("textbox", { name: "Name", exact: true }).isEditable(), {
      timeout: 10_000,
    })
    .toBe(true);
  return page;
}

describe("checks beside the designer's fields", () => {
  it("says under a level's label that another level has it, and stops saying so once it differs", async () => {
    const page = await openDesigner();
    const third = page.locator("#level-secure");
    await third.fill("developing");
    const message = page.getByText(
      "Level 2 already has this label: give each level its own label.",
    );
    await message.waitFor();
    // Read with the field, by a screen reader.
    expect(await third.getAttribute("aria-describedby")).toContain("level-secure-duplicate");
    expect(await page.locator("#level-secure-duplicate").textContent()).toContain("Level 2");
    await third.fill("Secure");
    await message.waitFor({ state: "detached" });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  });

  it("says under the rule when its higher level is not higher, or asks for more criteria than there are", async () => {
    const page = await openDesigner();
    const rule = page.locator("#rule");
    await rule.getByRole("radio", { name: /Every criterion at least a level/ }).check();
    await page.locator("#rule-floor").selectOption("secure");
    await rule.getByRole("checkbox", { name: "And some criteria at a higher level" }).check();
    const higher = page.locator("#rule-higher");
    const count = page.locator("#rule-count");
    await higher.selectOption("developing");
    const notHigher =
      "The higher level must be above “Secure”, the level every criterion must reach.";
    await rule.getByText(notHigher).waitFor();
    // Read with the field it is about, which is marked invalid while it stands.
    expect(await descriptionOf(higher)).toContain(notHigher);
    expect(await higher.getAttribute("aria-invalid")).toBe("true");
    expect(await descriptionOf(count)).not.toContain(notHigher);
    expect(await count.getAttribute("aria-invalid")).toBeNull();

    await higher.selectOption("leading");
    await rule.getByText(notHigher).waitFor({ state: "detached" });
    expect(await descriptionOf(higher)).toBe("");
    expect(await higher.getAttribute("aria-invalid")).toBeNull();
    await count.fill(String(criteriaCount + 1));
    const tooMany = `It asks for ${criteriaCount + 1} criteria at the higher level, but only ${criteriaCount} criteria use the scale, so no school could meet it.`;
    await rule.getByText(tooMany).waitFor();
    expect(await descriptionOf(count)).toContain(tooMany);
    expect(await count.getAttribute("aria-invalid")).toBe("true");
    expect(await descriptionOf(higher)).not.toContain(tooMany);

    await count.fill("2");
    await expect.poll(() => rule.locator(".field-error").count()).toBe(0);
    expect(await descriptionOf(count)).toBe("");
    expect(await count.getAttribute("aria-invalid")).toBeNull();
  });
});

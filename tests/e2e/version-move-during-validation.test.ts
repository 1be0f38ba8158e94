import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFrameworkVersion, publishVersion } from "../../models/framework/framework.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { recordOutcome } from "../../server/commands/record-outcome.ts";
import { checkPageAtWidths, preloadAxe } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { judgeOneCriterion, submitForValidation } from "../support/judge.ts";
import { startTestServer } from "../support/server.ts";

// No move to a newer framework version while the evaluation is being validated (ADR 071): in
// the browser, the leader reads why instead of a button that fails, at a laptop's and a phone's
// width, and the offer comes back on the open page once the validator records the outcome.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;

const WAITS =
  "This evaluation is being validated. You can move it to v2 once the validation's outcome is recorded.";

const banner = (page: Page) =>
  page.getByRole("note").filter({ hasText: "of this framework has been published" });

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  await judgeOneCriterion(server, world.evaluation);
  ({ validation } = await submitForValidation(server, world));
  const then = (await getFrameworkVersion(world.trust.id, world.evaluation.frameworkVersionId))!;
  const content = structuredClone(then.content);
  content.areas[0].criteria[0].statement += " (reworded for 2027)";
  await publishVersion(world.trust.id, then.frameworkId, content);
});

afterAll(async () => {
  await server?.close();
});

describe("a newer framework version while the evaluation is being validated", () => {
  it("tells the leader why they cannot move yet, then offers the move once the outcome is recorded", async () => {
    const upgrade = await signedInPage(server.url, world.people.schoolLeader.id);
    await preloadAxe(upgrade.context());
    await upgrade.goto(`${server.url}/evaluations/${world.evaluation.id}/upgrade`);
    await upgrade.getByRole("heading", { level: 1, name: "Move from v1 to v2" }).waitFor();
    await upgrade.getByRole("note").filter({ hasText: WAITS }).waitFor();
    expect(await upgrade.getByRole("button", { name: "Move to v2" }).count()).toBe(0);
    expect(await checkPageAtWidths(upgrade, [1280, 390])).toEqual([]);

    const page = await signedInPage(server.url, world.people.schoolLeader.id);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}`);
    await banner(page).filter({ hasText: WAITS }).waitFor();
    await banner(page).getByRole("link", { name: "See what changes", exact: true }).waitFor();
    expect(await checkPageAtWidths(page, [1280, 390])).toEqual([]);

    // The validator records the outcome: the open page reloads its data (ADR 061), and the
    // move is offered again.
    await recordOutcome(
      { actor: (await loadActor(world.people.validator.id))!, collab: server.collab },
      { validationId: validation.id, result: "validated", basedOn: "0" },
    );
    await banner(page)
      .getByRole("link", { name: "See what changes and move to it" })
      .waitFor({ timeout: 10_000 });
    expect(await banner(page).textContent()).not.toContain(WAITS);
    await banner(page).getByRole("link", { name: "See what changes and move to it" }).click();
    await page.getByRole("button", { name: "Move to v2" }).waitFor();
  });
});

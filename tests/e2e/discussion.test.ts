import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { assignValidators } from "../../models/validation/validation.ts";
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
  await assignValidators(world.evaluation, [world.people.validator.id], world.people.trustAdmin.id);
  await EvaluationModel.updateOne(
    { _id: world.evaluation.id },
    { $set: { validatorIds: [world.people.validator.id] } },
  );
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function openEvaluation(userId: string): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await page.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`);
  await page.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
  return page;
}

const narrative = (page: Page, code: string) =>
  page.getByRole("textbox", { name: `Narrative for ${code}` });
/** The criterion's workspace (an article named by its heading, "<code> <statement>"). */
const criterion = (page: Page, code: string) =>
  page.getByRole("article", { name: new RegExp(`^${code.replace(".", "\\.")} `) });

/** Selects `phrase` inside the narrative the way a mouse drag would. */
async function selectInNarrative(page: Page, code: string, phrase: string) {
  await narrative(page, code).evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at >= 0) {
        window.getSelection()!.setBaseAndExtent(node, at, node, at + text.length);
        return;
      }
    }
    throw new Error(`"${text}" is not in the narrative`);
  }, phrase);
}

describe("comments in the browser", () => {
  it("lets a validator comment on a passage they cannot edit; the school sees it live and replies", async () => {
    const alex = await openEvaluation(world.people.staff.id);
    await expect.poll(() => narrative(alex, "2.1").isEditable(), { timeout: 10_000 }).toBe(true);
    await narrative(alex, "2.1").click();
    await alex.keyboard.type("Every pupil with SEND has a plan reviewed termly.");

    const helen = await openEvaluation(world.people.validator.id);
    await expect
      .poll(() => narrative(helen, "2.1").textContent(), { timeout: 5000 })
      .toContain("reviewed termly");
    expect(await narrative(helen, "2.1").isEditable()).toBe(false);

    await criterion(helen, "2.1").getByText("Comments (0)").click();
    await selectInNarrative(helen, "2.1", "reviewed termly");
    await criterion(helen, "2.1").getByRole("button", { name: "Comment on selected text" }).click();
    await helen.getByText("Commenting on the passage:").waitFor();
    await helen
      .getByLabel("Comment on the passage in 2.1")
      .fill("How do you know the reviews happen?");
    await helen.getByRole("button", { name: "Post comment on the passage" }).click();

    // Alex sees the count and the unread comment arrive without reloading.
    await alex.getByText("Comments (1, 1 unread)").waitFor({ timeout: 5000 });
    await alex.getByText("Comments (1, 1 unread)").click();
    await alex.getByText("How do you know the reviews happen?").waitFor();
    await alex
      .getByRole("article")
      .filter({ hasText: "How do you know" })
      .getByRole("blockquote")
      .getByText("reviewed termly")
      .waitFor();
    await alex.getByText("Comments (1)", { exact: true }).waitFor();
    const thread = alex.getByRole("article").filter({ hasText: "started by Helen Validator" });
    await thread.getByLabel("Reply").fill("The SENCo's termly log, in the evidence.");
    await thread.getByRole("button", { name: "Reply" }).click();

    // Helen still has the comments open: the reply appears in place, already read.
    await helen.getByText("The SENCo's termly log, in the evidence.").waitFor({ timeout: 5000 });
    await criterion(helen, "2.1").getByText("Comments (2)", { exact: true }).waitFor();
    await helen.getByRole("button", { name: "Resolve" }).click();
    await alex.getByText("Resolved (1)").waitFor({ timeout: 5000 });

    // The thread leads back to its passage.
    await alex.getByText("Resolved (1)").click();
    await alex.getByRole("button", { name: "Show in the narrative" }).click();
    expect(await alex.evaluate(() => window.getSelection()?.toString())).toBe("reviewed termly");

    // Deleting the passage leaves the thread with its quote, marked as deleted.
    await narrative(alex, "2.1").click();
    await alex.keyboard.press("Control+A");
    await alex.keyboard.press("Delete");
    await helen.getByText("Resolved (1)").click();
    await helen
      .getByText("This passage has since been deleted from the narrative.")
      .waitFor({ timeout: 5000 });
  });

  it("shows a trust leader the comments but no way to add one", async () => {
    const leader = await openEvaluation(world.people.trustLeader.id);
    await criterion(leader, "2.1").getByText("Comments (2, 2 unread)").click();
    await criterion(leader, "2.1")
      .getByText("You can read these comments but not add to them.")
      .waitFor();
    await criterion(leader, "2.1").getByText("Comments (2)", { exact: true }).waitFor();
    expect(await leader.getByRole("button", { name: "Comment on this criterion" }).count()).toBe(0);
  });
});

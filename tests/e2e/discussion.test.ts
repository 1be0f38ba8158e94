import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { assignValidators } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { unstyledButtons } from "../support/axe.ts";
import { allowBrowserConsoleError, signedInPage, useBrowser } from "../support/browser.ts";
import { holdCollab, type CollabHold } from "../support/collab-hold.ts";
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

async function openEvaluation(
  userId: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await signedInPage(server.url, userId);
  await prepare?.(page);
  await page.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`);
  await page.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
  // Criteria open one at a time; these tests work across several at once.
  await page.getByRole("button", { name: "Expand all" }).click();
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

/** The comment in a thread whose text is `body`, with its author's name beside it. */
const commentBy = (page: Page, body: string) =>
  page.getByRole("listitem").filter({ hasText: body }).locator(".comment-meta strong");

describe("comments in the browser", () => {
  it("lets a validator comment on a passage they cannot edit; the school's leader sees it live and replies", async () => {
    const sam = await openEvaluation(world.people.schoolLeader.id);
    await expect.poll(() => narrative(sam, "2.1").isEditable(), { timeout: 10_000 }).toBe(true);
    await narrative(sam, "2.1").click();
    await sam.keyboard.type("Every pupil with SEND has a plan reviewed termly.");

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
    // Posted: the box empties once the server has it, and the thread arrives live.
    await expect.poll(() => helen.getByLabel("New comment on 2.1").inputValue()).toBe("");
    await helen.getByText("How do you know the reviews happen?").waitFor();

    // Sam sees the count and the unread comment arrive without reloading.
    await sam.getByText("Comments (1, 1 unread)").waitFor({ timeout: 5000 });
    await sam.getByText("Comments (1, 1 unread)").click();
    await sam.getByText("How do you know the reviews happen?").waitFor();
    expect(await commentBy(sam, "How do you know the reviews happen?").textContent()).toBe(
      "Helen Validator",
    );
    await sam
      .getByRole("article")
      .filter({ hasText: "How do you know" })
      .getByRole("blockquote")
      .getByText("reviewed termly")
      .waitFor();
    await sam.getByText("Comments (1)", { exact: true }).waitFor();
    const thread = sam.getByRole("article").filter({ hasText: "started by Helen Validator" });
    await thread.getByLabel("Reply").fill("Teh SENCo's termly log, in the evidence.");
    await thread.getByRole("button", { name: "Reply" }).click();

    // Helen still has the comments open: the reply appears in place, already read, by Sam.
    await helen.getByText("Teh SENCo's termly log, in the evidence.").waitFor({ timeout: 5000 });
    expect(await commentBy(helen, "Teh SENCo's termly log").textContent()).toBe("Sam Leader");
    await criterion(helen, "2.1").getByText("Comments (2)", { exact: true }).waitFor();
    // Reply, Resolve, Edit and Delete look like the rest of the page's buttons.
    expect(await unstyledButtons(sam)).toEqual([]);
    expect(await unstyledButtons(helen)).toEqual([]);

    // Sam fixes his typo; only he is offered that.
    const reply = thread.getByRole("listitem").filter({ hasText: "termly log" });
    await reply.getByRole("button", { name: "Edit" }).click();
    await reply.getByLabel("Edit your comment").fill("The SENCo's termly log, in the evidence.");
    await reply.getByRole("button", { name: "Save" }).click();
    await helen.getByText("The SENCo's termly log, in the evidence.").waitFor({ timeout: 5000 });
    await helen.getByText("(edited)").waitFor();
    expect(
      await helen
        .getByRole("listitem")
        .filter({ hasText: "termly log" })
        .getByRole("button", { name: "Edit" })
        .count(),
    ).toBe(0);

    await helen.getByRole("button", { name: "Resolve" }).click();
    await sam.getByText("Resolved (1)").waitFor({ timeout: 5000 });

    // The thread leads back to its passage.
    await sam.getByText("Resolved (1)").click();
    await sam.getByRole("button", { name: "Show in the narrative" }).click();
    expect(await sam.evaluate(() => window.getSelection()?.toString())).toBe("reviewed termly");

    // Deleting the passage leaves the thread with its quote, marked as deleted.
    await narrative(sam, "2.1").click();
    await sam.keyboard.press("Control+A");
    await sam.keyboard.press("Delete");
    await helen.getByText("Resolved (1)").click();
    await helen
      .getByText("This passage has since been deleted from the narrative.")
      .waitFor({ timeout: 5000 });
  });

  it("shows a trust leader the comments but no way to add one, and remembers what they read", async () => {
    const leader = await openEvaluation(world.people.trustLeader.id);
    const unread = criterion(leader, "2.1").getByText("Comments (2, 2 unread)");
    // The discussion arrives over the socket: on a loaded CI machine that took over 10 s.
    await unread.waitFor({ timeout: 30_000 });
    await unread.click();
    await criterion(leader, "2.1")
      .getByText("You can read these comments but not add to them.")
      .waitFor();
    await criterion(leader, "2.1").getByText("Comments (2)", { exact: true }).waitFor();
    expect(await leader.getByRole("button", { name: "Comment on this criterion" }).count()).toBe(0);
    expect(await leader.getByRole("button", { name: "Reopen" }).count()).toBe(0);

    // Read on the server, not in this browser: another browser knows it too. What the server
    // sends over /collab is held at first: until the discussion arrives, the page says it is
    // loading, not that there are no comments.
    let collab!: CollabHold;
    const elsewhere = await openEvaluation(world.people.trustLeader.id, async (page) => {
      collab = await holdCollab(page, "server", true);
    });
    await criterion(elsewhere, "2.1").getByText("Loading comments…").waitFor({ timeout: 30_000 });
    const summary = criterion(elsewhere, "2.1")
      .locator("summary")
      .filter({ hasText: /^Comments/ });
    expect(await summary.count()).toBe(0);
    expect(
      await criterion(elsewhere, "2.1")
        .getByText(/\d+ comments?$/)
        .count(),
    ).toBe(0);
    collab.release();
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe("Comments (2)");
  });

  it("keeps the typed comment when posting fails offline, and posts it on retry", async () => {
    allowBrowserConsoleError(/ERR_INTERNET_DISCONNECTED|WebSocket/);
    const sam = await openEvaluation(world.people.schoolLeader.id);
    const helen = await openEvaluation(world.people.validator.id);
    await criterion(sam, "2.2").getByText("Comments (0)").click();
    await criterion(helen, "2.2").getByText("Comments (0)").click();
    const box = sam.getByLabel("New comment on 2.2");
    const text = "Could we see last year's attendance figures as well?";
    await box.fill(text);

    await sam.context().setOffline(true);
    await criterion(sam, "2.2").getByRole("button", { name: "Comment on this criterion" }).click();
    await criterion(sam, "2.2")
      .getByRole("alert")
      .getByText(/you seem to be offline/)
      .waitFor();
    expect(await box.inputValue()).toBe(text);

    // Back online, the same button tries again; it says so while the request is on its way.
    await sam.context().setOffline(false);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await sam.route("**/discussion", async (route) => {
      await held;
      await route.continue();
    });
    await criterion(sam, "2.2").getByRole("button", { name: "Comment on this criterion" }).click();
    await criterion(sam, "2.2").getByRole("button", { name: "Posting…" }).waitFor();
    release();
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe("");
    await criterion(sam, "2.2").getByText(text).waitFor({ timeout: 10_000 });
    expect(await criterion(sam, "2.2").getByRole("alert").count()).toBe(0);
    await criterion(helen, "2.2").getByText(text).waitFor({ timeout: 10_000 });
    expect(await commentBy(helen, text).textContent()).toBe("Sam Leader");
    expect(await criterion(helen, "2.2").getByText(text).count()).toBe(1);
  });
});

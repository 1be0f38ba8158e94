import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../models/membership/membership.ts";
import type { AppServer } from "../../server/app.ts";
import { recordOutcome } from "../../server/commands/record-outcome.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import { checkPage } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { holdCollab } from "../support/collab-hold.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildValidation, buildWorld } from "../support/factories.ts";
import { judgeAndWait } from "../support/judge.ts";
import { startTestServer } from "../support/server.ts";

// An evaluation's history page open while someone submits it, or a validator records the
// outcome: its status and its snapshots come to say so without a reload, through the evaluation
// document's counter as every page of it (ADR 061).

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

/** A new evaluation of the world's school with one criterion judged (so it may be submitted). */
async function judgedEvaluation() {
  const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
  const [criterionId, levels] = Object.entries(evaluation.levelsByCriterion)[0];
  await judgeAndWait(server, evaluation, { [criterionId]: levels[0] });
  return evaluation;
}

/** The school leader submits it (after its latest submission), as the submit page does. */
async function submitAsHead(evaluationId: string) {
  const actor = (await loadActor(world.people.schoolLeader.id))!;
  await submitEvaluation({ actor, collab: server.collab }, { evaluationId });
}

/** "Status: In progress", as the page says it. */
const status = (page: Page) => page.getByText(/^Status: /);
const snapshots = (page: Page) =>
  page.getByRole("region", { name: "Snapshots" }).getByRole("listitem");
/** Marks the page, so that a test can tell it was never loaded again. */
const mark = (page: Page) =>
  page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
const stillMarked = (page: Page) =>
  page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded === true);

async function openHistory(page: Page, evaluationId: string) {
  await page.goto(`${server.url}/evaluations/${evaluationId}/history`);
  await page.getByRole("heading", { level: 1, name: "History and comparison" }).waitFor();
}

describe("an evaluation's history page, open while its status changes", () => {
  it("shows a colleague's submission, its snapshot and then the outcome without a reload", async () => {
    const evaluation = await judgedEvaluation();
    const senco = await signedInPage(server.url, world.people.staff.id);
    await openHistory(senco, evaluation.id);
    expect(await status(senco).textContent()).toBe("Status: In progress");
    await senco
      .getByText("Nothing has been submitted yet. Each submission keeps a snapshot", {
        exact: false,
      })
      .waitFor();
    await mark(senco);

    // The head, in a browser of her own, submits from the evaluation page.
    const head = await signedInPage(server.url, world.people.schoolLeader.id);
    await head.goto(`${server.url}/evaluations/${evaluation.id}`);
    await head.getByRole("button", { name: "Submit for validation" }).click();
    await head
      .getByRole("dialog", { name: "Submit this evaluation for validation?" })
      .getByRole("button", { name: "Submit now" })
      .click();

    // The SENCO's history page says so, with the new snapshot to compare, on the same page.
    await status(senco)
      .filter({ hasText: "Status: Submitted for validation" })
      .waitFor({ timeout: 5000 });
    await expect
      .poll(() => snapshots(senco).allTextContents())
      .toEqual([
        expect.stringMatching(
          /^Submitted for validation by Sam Leader, .*1 of \d+ criteria judged$/,
        ),
      ]);
    await senco.getByRole("combobox", { name: "From" }).waitFor();
    expect(await stillMarked(senco)).toBe(true);
    // Said to a screen reader as it changes.
    expect(await status(senco).getAttribute("role")).toBe("status");
    expect(await checkPage(senco)).toEqual([]);
    await senco.setViewportSize({ width: 390, height: 844 });
    expect(await checkPage(senco)).toEqual([]);

    // Submitted again (through the server's command), then validated: each arrives the same way.
    await submitAsHead(evaluation.id);
    await expect.poll(() => snapshots(senco).count(), { timeout: 5000 }).toBe(2);
    const validation = await buildValidation(
      evaluation,
      [world.people.validator.id],
      world.people.trustAdmin.id,
    );
    await recordOutcome(
      { actor: (await loadActor(world.people.validator.id))!, collab: server.collab },
      { validationId: validation.id, result: "validated", basedOn: "0" },
    );
    await status(senco).filter({ hasText: "Status: Validated" }).waitFor({ timeout: 5000 });
    expect(await stillMarked(senco)).toBe(true);
  });

  it("catches up with a submission made before its live copy of the evaluation arrived", async () => {
    const evaluation = await judgedEvaluation();
    const senco = await signedInPage(server.url, world.people.staff.id);
    // Everything the server sends the page's live connection is held back for now.
    const fromServer = await holdCollab(senco, "server", true);
    await openHistory(senco, evaluation.id);
    expect(await status(senco).textContent()).toBe("Status: In progress");
    await mark(senco);

    await submitAsHead(evaluation.id);
    fromServer.release();

    await status(senco)
      .filter({ hasText: "Status: Submitted for validation" })
      .waitFor({ timeout: 5000 });
    await expect.poll(() => snapshots(senco).count()).toBe(1);
    expect(await stillMarked(senco)).toBe(true);
  });
});

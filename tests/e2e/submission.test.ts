import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "../../models/membership/membership.ts";
import type { AppServer } from "../../server/app.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import { checkPage, preloadAxe, settle } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { judgeOneCriterion } from "../support/judge.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildValidation, buildWorld } from "../support/factories.ts";
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

const judgement = (page: Page, code: string, level: string) =>
  page.getByRole("group", { name: `Judgement for ${code}` }).getByRole("radio", { name: level });
const saved = (page: Page) =>
  page
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 5000 });

/** Judges a criterion the way a person would, once the server has let the page write. */
async function judge(page: Page, code: string, level: string) {
  await expect.poll(() => judgement(page, code, level).isEnabled(), { timeout: 10_000 }).toBe(true);
  await judgement(page, code, level).check();
}

describe("submitting for validation and comparing with the live evaluation", () => {
  it("freezes the submission; later judgements show as moved up and moved down against it", async () => {
    const page = await signedInPage(server.url, world.people.schoolLeader.id);
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}?area=inclusion`);
    await page.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
    const submission = page.getByRole("region", { name: "Submission" });
    // Untouched, it is "Not started" here as on the school's page; the first judgement changes it.
    await submission.getByText("Not started", { exact: true }).waitFor();
    // Criteria open one at a time; this test judges two.
    await page.getByRole("button", { name: "Expand all" }).click();
    await judge(page, "2.1", "Expected standard");
    await judge(page, "2.2", "Strong standard");
    await saved(page);

    // Submitting asks first, and can be called off.
    await submission.getByText("In progress").waitFor();
    await page.getByRole("button", { name: "Submit for validation" }).click();
    const dialog = page.getByRole("dialog", { name: "Submit this evaluation for validation?" });
    await dialog.waitFor();
    // It says what is not judged yet (2.1 and 2.2 are), and still lets the leader submit.
    const total = (await page.getByText(/of \d+ criteria judged/).textContent())!.match(
      /of (\d+)/,
    )![1];
    await dialog
      .getByText(`${Number(total) - 2} criteria are not judged yet: 1.1, 1.2, 1.3, 2.3, 2.4, 3.1`, {
        exact: false,
      })
      .waitFor();
    await dialog.getByRole("list", { name: "Criteria not judged yet" }).getByText("2.3").waitFor();
    expect(await dialog.getByText("2.1", { exact: true }).count()).toBe(0);
    // What the validator will review: this snapshot, with later changes marked (ADR 062).
    await dialog
      .getByText(
        "The validator reviews the judgements in this snapshot; any you change later show to them as changed since submission, and submitting again gives them a new snapshot to review.",
        { exact: false },
      )
      .waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Submit for validation" }).click();
    await dialog.getByRole("button", { name: "Submit now" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Submitted for validation. A snapshot" })
      .waitFor();
    expect(new URL(page.url()).searchParams.get("area")).toBe("inclusion");
    await dialog.waitFor({ state: "hidden" });
    await submission.getByText("Submitted for validation", { exact: true }).waitFor();

    // The team carries on in the live document.
    await judge(page, "2.1", "Strong standard");
    await judge(page, "2.2", "Needs attention");
    await saved(page);

    await page.getByRole("link", { name: "History and comparison" }).click();
    await page.getByRole("heading", { level: 1, name: "History and comparison" }).waitFor();
    const timeline = page.getByRole("region", { name: "Snapshots" });
    await timeline
      .getByRole("listitem")
      .filter({ hasText: "Submitted for validation by Sam Leader" })
      .waitFor();
    expect(await timeline.getByRole("listitem").count()).toBe(1);

    // Compare the submission with now, as chosen in the form.
    const from = page.getByLabel("From", { exact: true });
    const to = page.getByLabel("To", { exact: true });
    await from.selectOption({
      label: (await from
        .locator("option")
        .filter({ hasText: /^Submitted / })
        .first()
        .textContent())!,
    });
    await to.selectOption({ label: "Now (live)" });
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/[?&]b=now/);

    const movedUp = page.getByRole("region", { name: "Moved up (1)" });
    const movedDown = page.getByRole("region", { name: "Moved down (1)" });
    await movedUp
      .getByRole("listitem")
      .filter({ hasText: "2.1" })
      .filter({ hasText: "Expected standard → Strong standard" })
      .waitFor();
    await movedDown
      .getByRole("listitem")
      .filter({ hasText: "2.2" })
      .filter({ hasText: "Strong standard → Needs attention" })
      .waitFor();
    await page.getByRole("region", { name: "Newly judged (0)" }).waitFor();

    // The chart of each criterion across cycles, with its table.
    const trend = page.getByRole("region", { name: "Judgements across cycles" });
    await trend.getByRole("img", { name: /^2\.1 across cycles/ }).waitFor();
    await trend.getByText("Inclusion as a table").click();
    const row = trend.getByRole("row").filter({ hasText: "2.1" });
    await row.getByRole("cell", { name: "Expected standard" }).waitFor();
  });

  it("says, before a second submission, what it adds and what the validator is reviewing", async () => {
    const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
    await judgeOneCriterion(server, evaluation);
    const leader = (await loadActor(world.people.schoolLeader.id))!;
    await submitEvaluation(
      { actor: leader, collab: server.collab },
      { evaluationId: evaluation.id, basedOn: "none" },
    );
    await buildValidation(evaluation, [world.people.validator.id], world.people.trustAdmin.id);

    const page = await signedInPage(server.url, world.people.schoolLeader.id);
    await page.goto(`${server.url}/evaluations/${evaluation.id}?area=inclusion`);
    const submission = page.getByRole("region", { name: "Submission" });
    await submission.getByText("Submitted for validation", { exact: true }).waitFor();
    await expect
      .poll(() => page.getByRole("button", { name: "Submit again for validation" }).isEnabled())
      .toBe(true);
    await page.getByRole("button", { name: "Submit again for validation" }).click();
    const dialog = page.getByRole("dialog", {
      name: "Submit this evaluation for validation again?",
    });
    await dialog.waitFor();
    await dialog
      .getByText(
        /^It was last submitted by you on \d{1,2} \w{3} \d{4}, \d\d:\d\d\. Submitting again keeps a new snapshot .* as it is now; the earlier snapshot stays exactly as it was, and History and comparison lists both/,
      )
      .waitFor();
    await dialog
      .getByText(
        "What the validator reviews: Helen Validator reviews the judgements in your last snapshot; any you have changed since show to them as changed since submission. Submitting again gives them this new snapshot to review instead.",
        { exact: false },
      )
      .waitFor();
    // Said to assistive technology as the dialog opens.
    expect(await dialog.getAttribute("aria-describedby")).toContain("submit-dialog-review");

    await dialog.getByRole("button", { name: "Submit now" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Submitted for validation. A snapshot" })
      .waitFor();
    await page.getByRole("link", { name: "History and comparison" }).click();
    const timeline = page.getByRole("region", { name: "Snapshots" });
    await timeline.waitFor();
    expect(await timeline.getByRole("listitem").count()).toBe(2);
  });

  it("with nothing judged, says to judge a criterion first and offers no way to submit", async () => {
    const evaluation = await buildEvaluation(world.school, world.people.schoolLeader, world.trust);
    const page = await signedInPage(server.url, world.people.schoolLeader.id);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/evaluations/${evaluation.id}?area=inclusion`);
    await page.getByRole("heading", { level: 2, name: "Inclusion" }).waitFor();
    const open = page.getByRole("button", { name: "Submit for validation" });
    await expect.poll(() => open.isEnabled()).toBe(true);
    await open.click();
    const refusal = page.getByRole("dialog", { name: "Nothing to submit yet" });
    await refusal.waitFor();
    await refusal
      .getByText(
        "Judge at least one criterion before submitting: the validator reviews the judgements you submit, and there are none yet. Choose a level for any criterion, then submit.",
      )
      .waitFor();
    // Said to assistive technology as the dialog opens; nothing to submit with.
    expect(await refusal.getAttribute("aria-describedby")).toBe("submit-dialog-text");
    expect(await refusal.getByRole("button", { name: "Submit now" }).count()).toBe(0);
    expect(await refusal.getByRole("list", { name: "Criteria not judged yet" }).count()).toBe(0);
    // Nothing wrong with the page, on a laptop and a phone.
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await settle(page, 50, 500);
      expect(await checkPage(page), `${width} px`).toEqual([]);
    }
    await refusal.getByRole("button", { name: "Close" }).click();
    await refusal.waitFor({ state: "hidden" });

    // One judgement is enough; the rest are listed, and it may still be submitted.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "Expand all" }).click();
    await judge(page, "2.1", "Expected standard");
    await saved(page);
    await open.click();
    const dialog = page.getByRole("dialog", { name: "Submit this evaluation for validation?" });
    await dialog.getByText("You can still submit.", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Submit now" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Submitted for validation. A snapshot" })
      .waitFor();
  });
});

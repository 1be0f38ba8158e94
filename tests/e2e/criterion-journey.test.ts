import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { evaluationOfDocument as findEvaluationById } from "../../models/document-records.ts";
import type { AppServer } from "../../server/app.ts";
import { pdf } from "../fixtures/evidence-files.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { eventually } from "../support/wait.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer({ storeDebounceMs: 200 });
});
afterAll(async () => {
  await server?.close();
});

/** Each click, choice, file pick or piece of typing is one action. */
function counter(page: Page) {
  let actions = 0;
  return {
    get count() {
      return actions;
    },
    async click(locator: Locator) {
      actions++;
      await locator.click();
    },
    async type(locator: Locator, text: string) {
      actions++;
      await locator.click();
      await page.keyboard.type(text, { delay: 5 });
    },
    async choose(locator: Locator, value: string) {
      actions++;
      await locator.selectOption({ label: value });
    },
    async fill(locator: Locator, value: string) {
      actions++;
      await locator.fill(value);
    },
    async pick(locator: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
      actions++;
      await locator.setInputFiles(file);
    },
  };
}

describe("one criterion through Judge → Evidence → Analyse → Plan", () => {
  it("takes at most 20 actions and 60 seconds", async () => {
    const page = await signedInPage(server.url, world.people.staff.id);
    await page.goto(`${server.url}/evaluations/${world.evaluation.id}`);
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const started = Date.now();
    const me = counter(page);

    await me.click(
      page.getByRole("navigation", { name: "Areas" }).getByRole("link", { name: "Inclusion" }),
    );
    const criterion = page.getByRole("article", { name: /^2\.1 / });
    // Criteria are closed until opened, one at a time.
    await me.click(criterion.getByRole("button", { name: /^2\.1 / }));

    // Judge
    await me.click(
      criterion
        .getByRole("group", { name: "Judgement for 2.1" })
        .getByRole("radio", { name: "Strong standard" }),
    );
    // Evidence: one file
    await me.click(criterion.getByText("Add evidence to 2.1"));
    await me.pick(criterion.getByLabel("Upload a file"), {
      name: "send-register.pdf",
      mimeType: "application/pdf",
      buffer: pdf(),
    });
    await me.click(criterion.getByRole("button", { name: "Upload", exact: true }));
    await criterion.getByRole("status").filter({ hasText: "attached it to 2.1" }).waitFor();
    // Analyse: two forces
    const field = page.getByRole("group", { name: "Force-field for 2.1" });
    await me.click(field.getByRole("button", { name: "Add a helping factor" }));
    await me.type(
      field.getByRole("group", { name: "Helping factor 1", exact: true }).getByRole("textbox"),
      "Experienced SENCO",
    );
    await me.click(field.getByRole("button", { name: "Add a hindering factor" }));
    await me.type(
      field.getByRole("group", { name: "Hindering factor 1", exact: true }).getByRole("textbox"),
      "Late referrals from Year 1",
    );
    // Plan: one action, linked to the hindering factor
    const actions = page.getByRole("group", { name: "Actions for 2.1" });
    await me.click(actions.getByRole("button", { name: "Add an action" }));
    await me.type(
      actions.getByRole("textbox", { name: "What will we do?" }),
      "Train Year 1 staff in early screening",
    );
    await me.choose(actions.getByRole("combobox", { name: "Owner" }), "Sam Leader");
    await me.fill(actions.getByLabel("Due date"), "2027-03-31");
    await me.click(actions.getByRole("checkbox", { name: "Late referrals from Year 1" }));
    await me.type(
      actions.getByRole("textbox", { name: "How will we judge impact?" }),
      "Referrals made within a term of entry",
    );
    await page
      .getByRole("status")
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const seconds = (Date.now() - started) / 1000;
    console.log(`Criterion journey: ${me.count} actions, ${seconds.toFixed(1)} s`);
    expect(me.count).toBeLessThanOrEqual(20);
    expect(seconds).toBeLessThanOrEqual(60);

    // Everything reached the database's projection (after the next store). A store can land
    // between two of the edits, so wait for the whole of it, not just for one action.
    const complete = (e: Awaited<ReturnType<typeof findEvaluationById>>) => {
      const action = e?.projection.actions?.[0];
      return (
        e!.projection.judgements.some((j) => j.criterionId === "incl-1" && j.level === "strong") &&
        e!.projection.actions?.length === 1 &&
        action?.ownerId === world.people.schoolLeader.id &&
        action?.due === "2027-03-31" &&
        action?.forceIds.length === 1 &&
        e!.projection.forceTotals?.helping === 3 &&
        e!.projection.forceTotals?.hindering === 3
      );
    };
    await eventually(
      async () => complete(await findEvaluationById(world.evaluation.id)),
      10_000,
      "projection",
    );
    const evaluation = (await findEvaluationById(world.evaluation.id))!;
    expect(evaluation.projection.actions![0]).toMatchObject({
      ownerId: world.people.schoolLeader.id,
      due: "2027-03-31",
      forceIds: [expect.any(String)],
    });
    expect(evaluation.projection.forceTotals).toEqual({ helping: 3, hindering: 3 });
  });
});

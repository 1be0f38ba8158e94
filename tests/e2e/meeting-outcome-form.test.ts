import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEvaluation } from "../../models/evaluation/evaluation.ts";
import { ensureStarterFramework } from "../../models/framework/framework.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { agreeJudgement } from "../../server/commands/agree-judgement.ts";
import { recordOutcome } from "../../server/commands/record-outcome.ts";
import { checkPage } from "../support/axe.ts";
import { allowBrowserConsoleError, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { judgeAndWait, submitForValidation } from "../support/judge.ts";
import { startTestServer } from "../support/server.ts";

// The validator records the outcome in the meeting: every field's error at once, beside its
// field; and once it is recorded, agreements are read-only and only a correction is offered.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let meetingPath: string;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld();
  const version = await ensureStarterFramework(
    world.trust.id,
    "inclusion-excellence",
    inclusionExcellence,
  );
  world.evaluation = await startEvaluation(world.school, version, {
    title: "Inclusion Excellence",
    createdBy: world.people.schoolLeader.id,
  });
  const ids = Object.keys(world.evaluation.levelsByCriterion);
  await judgeAndWait(server, world.evaluation, Object.fromEntries(ids.map((id) => [id, "secure"])));
  ({ validation } = await submitForValidation(server, world));
  await saveMeetingSchedule(
    validation,
    {
      scheduledAt: new Date(Date.now() - 60_000),
      videoLink: "https://meet.example.org/outcome",
      agendaCriterionIds: ["ie-1"],
    },
    ids,
    world.people.validator.id,
  );
  meetingPath = `/validations/${validation.id}/meeting`;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("the meeting's outcome form", () => {
  it("shows every field's error at once beside its field, refusing an award that starts in 1999", async () => {
    // The refusals answer 400, as they should.
    allowBrowserConsoleError(/status of 400 \(Bad Request\)/);
    const page = await signedInPage(server.url, world.people.validator.id);
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(server.url + meetingPath);
    await page.getByRole("tab", { name: "Minutes" }).waitFor({ timeout: 30_000 });
    await page.locator("summary", { hasText: "Record the outcome" }).click();
    await page.getByRole("combobox", { name: "Outcome", exact: true }).selectOption("accredited");
    await page.getByLabel(/Award starts/).fill("1999-01-01");
    await page.getByLabel(/^Reason/).fill("x");
    await page.getByRole("button", { name: "Record the outcome" }).click();
    const start = page.getByLabel(/Award starts/);
    await expect.poll(() => start.getAttribute("aria-invalid"), { timeout: 30_000 }).toBe("true");
    const text = await page.locator(".meeting-outcome").innerText();
    expect(text).toContain("The award cannot start that long before the decision");
    expect(text).toContain("The reason is too short");
    expect(text).not.toContain("Outcome recorded");
    expect(await checkPage(page)).toEqual([]);

    await page.getByRole("combobox", { name: "Outcome", exact: true }).selectOption("deferred");
    await page.getByRole("button", { name: "Record the outcome" }).click();
    await expect
      .poll(() => page.getByLabel("Review date (deferred)").getAttribute("aria-invalid"), {
        timeout: 30_000,
      })
      .toBe("true");
    const deferred = await page.locator(".meeting-outcome").innerText();
    expect(deferred).toContain("State the conditions.");
    expect(deferred).toContain("Give a review date.");
    await page.close();
  });

  it("after the outcome, shows the agreed judgement read-only and offers only the correction", async () => {
    const validator = (await loadActor(world.people.validator.id))!;
    const ctx = { actor: validator, collab: server.collab };
    await agreeJudgement(ctx, {
      validationId: validation.id,
      criterionId: "ie-1",
      level: "developing",
      rationale: "Referral route in place, plans vary",
    });
    await recordOutcome(ctx, {
      validationId: validation.id,
      result: "notYetAccredited",
      mustImprove: "Support plans shared with families",
    });
    const page = await signedInPage(server.url, world.people.validator.id);
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(server.url + meetingPath);
    await page.getByRole("tab", { name: "Minutes" }).waitFor({ timeout: 30_000 });
    await page.getByText("Referral route in place, plans vary").waitFor();
    expect(await page.getByRole("button", { name: /^(Agree|Correct) 1\.1$/ }).count()).toBe(0);
    expect(await page.getByText("Correct the agreed judgement for 1.1").count()).toBe(0);
    await page.locator("summary", { hasText: "Correct the outcome" }).click();
    await page.getByRole("button", { name: "Record the correction" }).waitFor();
    expect(await page.locator(".meeting-outcome").innerText()).toContain(
      "The agreed judgements are final now that the outcome is recorded",
    );
    expect(await checkPage(page)).toEqual([]);
    await page.close();
  });
});

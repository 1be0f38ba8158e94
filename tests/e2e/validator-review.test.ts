import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";
import { formatDay, todayInEngland } from "../../models/dates.ts";
import { evaluationOfDocument as findEvaluationById } from "../../models/document-records.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import { checkPageAtWidths, preloadAxe } from "../support/axe.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildValidation, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { eventually } from "../support/wait.ts";

// The validator reviews what the school submitted (ADR 062): in the browser, before and in the
// meeting, with the school's later changes shown beside it, live.

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let submittedOn: string;
/** The submission the validator was assigned on (the latest, until the school submits again). */
let firstSubmissionId: string;
const CHANGED = { id: "incl-1", code: "2.1" };

const judge = (level: string | null) =>
  server.collab.change(documentName("evaluation", world.evaluation.id), (doc) =>
    setJudgement(doc, CHANGED.id, level),
  );

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  await judge("expected");
  const leader = (await loadActor(world.people.schoolLeader.id))!;
  const { snapshot } = await submitEvaluation(
    { actor: leader, collab: server.collab },
    { evaluationId: world.evaluation.id, basedOn: "none" },
  );
  submittedOn = formatDay(todayInEngland(snapshot.createdAt), "short");
  firstSubmissionId = snapshot.id;
  validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  await saveMeetingSchedule(
    validation,
    {
      scheduledAt: new Date(Date.now() + 86_400_000),
      videoLink: "https://meet.example.org/review",
      agendaCriterionIds: [CHANGED.id],
    },
    Object.keys(world.evaluation.levelsByCriterion),
    world.people.validator.id,
  );
  // The school carries on after submitting, and that is saved (the page before the meeting
  // shows the evaluation as last stored, not live).
  await judge("strong");
  await eventually(
    async () =>
      (await findEvaluationById(world.evaluation.id))!.projection.judgements.some(
        (j) => j.criterionId === CHANGED.id && j.level === "strong",
      ),
    10_000,
    "the change stored",
  );
});
afterAll(async () => {
  await server?.close();
});

describe("what the validator reviews", () => {
  it("before the meeting: the judgement as submitted, the change since beside it, accessible at every width", async () => {
    const page = await signedInPage(server.url, world.people.validator.id);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/validations/${validation.id}/prepare`);
    // 2.1's area, open when the page opens: it has a criterion on the agenda.
    const table = page.getByRole("table", { name: "Inclusion" });
    await table.getByRole("columnheader", { name: "School's judgement as submitted" }).waitFor();
    const row = table.getByRole("row").filter({ hasText: CHANGED.code });
    const school = row.getByRole("cell").first();
    await school.waitFor();
    expect((await school.innerText()).split("\n").filter(Boolean)).toEqual([
      "Expected standard",
      `Now Strong standard: changed since submission on ${submittedOn}`,
    ]);
    await page.getByText(/^Submitted by Sam Leader on /).waitFor();
    expect(await checkPageAtWidths(page, [1280, 390])).toEqual([]);
  });

  it("in the meeting: the school's change shows beside its submitted judgement as it is made", async () => {
    const page = await signedInPage(server.url, world.people.validator.id);
    await preloadAxe(page.context());
    await page.goto(`${server.url}/validations/${validation.id}/meeting`);
    const card = page.locator(".judgement-card").filter({
      hasText: "School's judgement as submitted",
    });
    await card.getByText("Expected standard", { exact: true }).waitFor();
    const note = card.getByText(/changed since submission on/);
    await expect
      .poll(() => note.textContent())
      .toBe(`Now Strong standard: changed since submission on ${submittedOn}`);
    // The school puts it back as submitted: the note goes, live.
    await judge("expected");
    await note.waitFor({ state: "detached", timeout: 10_000 });
    await judge("needs-attention");
    await expect
      .poll(() => note.textContent(), { timeout: 10_000 })
      .toBe(`Now Needs attention: changed since submission on ${submittedOn}`);
    expect(await checkPageAtWidths(page, [1280, 390])).toEqual([]);
  });
  it("in the meeting: the school submitting again brings its new submission in, without a reload", async () => {
    await judge("strong");
    const page = await signedInPage(server.url, world.people.validator.id);
    await page.goto(`${server.url}/validations/${validation.id}/meeting`);
    const card = page.locator(".judgement-card").filter({
      hasText: "School's judgement as submitted",
    });
    const submitted = card.locator(".level-chip").first();
    await card.getByText(/changed since submission on/).waitFor({ timeout: 10_000 });
    expect(await submitted.textContent()).toBe("Expected standard");
    // Anything kept on the page's window goes with a reload: this must still be there after.
    await page.evaluate(() => Object.assign(window, { sameMeetingPage: true }));

    // The school leader submits again with the changed judgement, as the submit route does.
    const leader = (await loadActor(world.people.schoolLeader.id))!;
    const { created } = await submitEvaluation(
      { actor: leader, collab: server.collab },
      { evaluationId: world.evaluation.id, basedOn: firstSubmissionId },
    );
    expect(created).toBe(true);

    await expect.poll(() => submitted.textContent(), { timeout: 10_000 }).toBe("Strong standard");
    // As submitted now matches the live judgement: nothing has changed since.
    await card.getByText(/changed since submission on/).waitFor({ state: "detached" });
    expect(await page.evaluate(() => "sameMeetingPage" in window)).toBe(true);
  });
});

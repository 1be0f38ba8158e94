import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";
import { ensureCycle } from "../../models/cycle/cycle.ts";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { AppServer } from "../../server/app.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import { checkPage } from "../support/axe.ts";
import { pathOf, signedInPage, useBrowser } from "../support/browser.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildStarterFramework, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let cycleId: string;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  const version = await buildStarterFramework(world.trust);
  const { cycle } = await ensureCycle(version, {
    name: "Autumn 2026",
    dueDate: null,
    createdBy: world.people.trustAdmin.id,
  });
  cycleId = cycle.id;
  await EvaluationModel.updateOne({ _id: world.evaluation.id }, { $set: { cycleId } });
  const [criterionId, levels] = Object.entries(world.evaluation.levelsByCriterion)[0];
  await server.collab.change(documentName("evaluation", world.evaluation.id), (doc) =>
    setJudgement(doc, criterionId, levels[0]),
  );
  await submitEvaluation(
    { actor: (await loadActor(world.people.schoolLeader.id))!, collab: server.collab },
    { evaluationId: world.evaluation.id, basedOn: "none" },
  );
});
afterAll(async () => {
  await server?.close();
});

describe("a submitted evaluation waiting for a validator", () => {
  it("is one link away from the trust admin's validations, on a phone and a laptop", async () => {
    const page = await signedInPage(server.url, world.people.trustAdmin.id);
    for (const [width, height] of [
      [390, 844],
      [1280, 900],
    ]) {
      await page.setViewportSize({ width, height });
      for (const path of ["/validations", `/cycles/${cycleId}`]) {
        await page.goto(`${server.url}${path}`);
        await page
          .getByRole("link", { name: `Assign a validator for ${world.school.name}` })
          .waitFor();
        expect(
          await checkPage(page, { tablesMayScroll: width < 1280 }),
          `${path} at ${width}`,
        ).toEqual([]);
      }
    }
    await page.goto(`${server.url}/validations`);
    const waiting = page.getByRole("region", { name: "Waiting for a validator" });
    await waiting
      .getByRole("link", { name: `Assign a validator for ${world.school.name}` })
      .click();
    await page.getByRole("heading", { level: 2, name: "Validators" }).waitFor();
    expect(pathOf(page)).toBe(`/evaluations/${world.evaluation.id}/validation`);
    await page.getByRole("group", { name: "Choose validators" }).waitFor();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { ensureCycle } from "../../models/cycle/cycle.ts";
import { distributeEvaluations } from "../../models/evaluation/distribution.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import type { FrameworkVersion } from "../../models/framework/framework.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import {
  buildEvaluation,
  buildSchool,
  buildStarterFramework,
  buildUser,
  buildWorld,
} from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
useBrowser();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let version: FrameworkVersion;
let staff: TestClient | null = null;

beforeAll(async () => {
  world = await buildWorld();
  version = await buildStarterFramework(world.trust);
  server = await startTestServer();
});
afterAll(async () => {
  staff?.destroy();
  await server?.close();
});

describe("distributing a cycle to a school already working on the framework", () => {
  it("adopts the school's evaluation, and its home card shows the team's real progress", async () => {
    // The school's team has judged two criteria of its own evaluation.
    staff = connectClient(
      server.url,
      documentName("evaluation", world.evaluation.id),
      await cookieFor(world.people.staff.id),
    );
    await staff.synced;
    for (const [criterionId, levels] of Object.entries(world.evaluation.levelsByCriterion).slice(
      0,
      2,
    ))
      judgementsOf(staff.doc).set(criterionId, levels[1]);
    await staff.whenSaved();
    await eventually(
      async () =>
        (await getEvaluation(world.trust.id, world.evaluation.id))!.projection.judgedCount === 2,
      10_000,
      "the projection",
    );
    const total = world.evaluation.projection.criteriaCount;

    const admin = await signedInPage(server.url, world.people.trustAdmin.id);
    await admin.goto(`${server.url}/cycles/new?version=${version.id}`);
    await admin.getByText("1 school already has an evaluation on this framework").waitFor();
    await admin
      .getByText(
        `Has “${world.evaluation.title}” (in progress, 2 of ${total} judged): it joins this cycle with its work.`,
      )
      .waitFor();
    await admin.getByRole("textbox", { name: "Due date" }).fill("2027-07-16");
    await admin.getByRole("checkbox", { name: /^All schools/ }).uncheck();
    await admin.getByRole("checkbox", { name: world.school.name }).check();
    await admin.getByRole("button", { name: "Distribute" }).click();
    const done = admin.getByRole("status").filter({ hasText: "0 new evaluations created." });
    await done
      .getByText(
        `their evaluation joined this cycle with its work: ${world.school.name} (“${world.evaluation.title}”)`,
      )
      .waitFor();

    // Done, and it says so: the form (and its button) gives way to what was done, focus moves to
    // it, and the next step is offered.
    expect(await admin.getByRole("button", { name: "Distribute" }).count()).toBe(0);
    expect(await admin.getByRole("textbox", { name: "Cycle name" }).count()).toBe(0);
    expect(await admin.evaluate(() => document.activeElement?.textContent?.trim() ?? null)).toBe(
      "Distributed",
    );
    await admin.getByRole("link", { name: "Distribute to more schools" }).waitFor();

    // The cycle overview's row is that evaluation, in progress.
    await done.getByRole("link", { name: "See who has started" }).click();
    const row = admin.getByRole("row", { name: new RegExp(world.school.name) });
    await row.getByRole("cell", { name: /^In progress/ }).waitFor();
    expect(await row.getByRole("link", { name: world.school.name }).getAttribute("href")).toBe(
      `/evaluations/${world.evaluation.id}`,
    );

    // The school leader's home card shows the same evaluation with its real progress and due date.
    const leader = await signedInPage(server.url, world.people.schoolLeader.id);
    await leader.goto(`${server.url}/home`);
    const card = leader.getByRole("listitem").filter({
      has: leader.getByRole("heading", { name: world.school.name }),
    });
    expect(await card.getByRole("link", { name: world.evaluation.title }).count()).toBe(1);
    await card.getByText(`2 of ${total} criteria judged`).waitFor();
    await card.getByText("Due 16 July 2027").waitFor();
    expect(
      await card
        .getByRole("progressbar", {
          name: `${world.school.name}: ${world.evaluation.title} progress`,
        })
        .getAttribute("value"),
    ).toBe("2");
  });

  it("says beside a school already in the cycle named that it keeps its evaluation, as the name is typed", async () => {
    // A school whose evaluation is already in the cycle "Reading review 2026–27".
    const school = await buildSchool(world.trust);
    const leader = await buildUser("schoolLeader", world.trust, school);
    const own = await buildEvaluation(school, leader, world.trust);
    const { cycle } = await ensureCycle(version, {
      name: "Reading review 2026–27",
      dueDate: null,
      createdBy: world.people.trustAdmin.id,
    });
    await distributeEvaluations([school], version, {
      title: cycle.name,
      createdBy: world.people.trustAdmin.id,
      cycleId: cycle.id,
      dueDate: null,
    });

    const admin = await signedInPage(server.url, world.people.trustAdmin.id);
    await admin.goto(`${server.url}/cycles/new?version=${version.id}`);
    const name = admin.getByRole("textbox", { name: "Cycle name" });
    const hint = admin.locator(`#hint-${school.id}`);
    const notice = admin.locator("#existing-work");
    const intoNewCycle = `Its last evaluation, “${own.title}”, belongs to the cycle “Reading review 2026–27”: a new one starts pre-filled from it.`;
    await expect.poll(() => hint.textContent()).toBe(intoNewCycle);

    // Typed as the existing cycle's name (however it is cased or dashed): it stays as it is.
    await name.fill("reading review 2026-27");
    await expect
      .poll(() => hint.textContent())
      .toMatch(
        new RegExp(
          `^Already has “${own.title}” in this cycle \\(.*\\): it stays as it is, and nothing new is made\\.$`,
        ),
      );
    await expect
      .poll(() => notice.textContent())
      .toContain("1 school is already in this cycle and keeps its evaluation as it is");

    // Another name: a new cycle, so a new evaluation pre-filled from it.
    await name.fill("Reading review 2027–28");
    await expect.poll(() => hint.textContent()).toBe(intoNewCycle);

    // Distributing again into the existing cycle does what the hint said.
    await name.fill("Reading review 2026–27");
    await admin.getByRole("textbox", { name: "Due date" }).fill("2027-07-16");
    await admin.getByRole("checkbox", { name: /^All schools/ }).uncheck();
    await admin.getByRole("checkbox", { name: school.name }).check();
    await admin.getByRole("button", { name: "Distribute" }).click();
    await admin
      .getByRole("status")
      .getByText(`1 school already had one in this cycle: ${school.name}.`)
      .waitFor();
  });
});

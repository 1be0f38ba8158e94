import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import type { FrameworkVersion } from "../../models/framework/framework.ts";
import type { AppServer } from "../../server/app.ts";
import { signedInPage, useBrowser } from "../support/browser.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildStarterFramework, buildWorld } from "../support/factories.ts";
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
});

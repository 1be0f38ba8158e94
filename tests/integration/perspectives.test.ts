import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { PerspectiveJudgementModel } from "../../models/perspective/perspective.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let path: string;

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
  path = `/evaluations/${world.evaluation.id}/perspectives`;
});
afterAll(() => server.close());

describe("perspectives", () => {
  it("lets a school leader invite contributors; staff cannot", async () => {
    const staff = await as(world.people.staff.id);
    expect(
      (
        await staff.post(path, {
          intent: "invite",
          userId: world.people.otherStaff.id,
          perspective: "widerVoice",
        })
      ).status,
    ).toBe(403);
    const leader = await as(world.people.schoolLeader.id);
    const bad = await leader.post(path, {
      intent: "invite",
      userId: world.people.otherStaff.id,
      perspective: "king",
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Choose a perspective");
    const ok = await leader.post(path, {
      intent: "invite",
      userId: world.people.otherStaff.id,
      perspective: "widerVoice",
    });
    expect(ok.html).toContain("Contributor invited.");
    expect(ok.html).toContain("Jordan Other");
  });

  it("lets a contributor from another school see only this evaluation, read-only, and record their own judgements", async () => {
    const contributor = await as(world.people.otherStaff.id);
    expect((await contributor.get(`/evaluations/${world.evaluation.id}`)).status).toBe(200);
    expect((await contributor.get(`/schools/${world.school.id}`)).status).toBe(404);
    const home = await contributor.get("/home");
    expect(home.html).toContain("Evaluations you contribute to");

    const client = connectClient(
      server.url,
      documentName("evaluation", world.evaluation.id),
      await cookieFor(world.people.otherStaff.id),
    );
    expect(await client.authenticated).toBe("readonly");
    client.destroy();

    const [first, second] = Object.entries(world.evaluation.levelsByCriterion)
      .filter(([, levels]) => levels.length === 5)
      .map(([id]) => id);
    const bad = await contributor.post(path, {
      intent: "record",
      [`level.${first}`]: "not-a-level",
    });
    expect(bad.status).toBe(400);
    expect(await PerspectiveJudgementModel.countDocuments()).toBe(0);
    const saved = await contributor.post(path, {
      intent: "record",
      [`level.${first}`]: "strong",
      [`level.${second}`]: "expected",
    });
    expect(saved.html).toContain("Your judgements are saved.");
    expect(
      await PerspectiveJudgementModel.countDocuments({ evaluationId: world.evaluation.id }),
    ).toBe(2);
  });

  it("shows the team the spread; people who were not invited cannot record", async () => {
    const staff = await as(world.people.staff.id);
    const page = await staff.get(path);
    expect(page.html).toContain("1 (Wider voice)");
    expect(page.html).toContain("<svg");
    const first = Object.entries(world.evaluation.levelsByCriterion).find(
      ([, levels]) => levels.length === 5,
    )![0];
    expect(
      (await staff.post(path, { intent: "record", [`level.${first}`]: "strong" })).status,
    ).toBe(403);
    const stranger = new HttpSession(server.url);
    stranger.setCookie(await cookieFor(world.people.validator.id));
    expect((await stranger.get(path)).status).toBe(404);
  });
});

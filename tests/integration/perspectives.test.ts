import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import { PerspectiveJudgementModel } from "../../models/perspective/perspective.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually } from "../support/collab-client.ts";
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
  it("says who each person is, this school's people first, never the inviter, and what an invitation opens", async () => {
    const leader = await as(world.people.schoolLeader.id);
    const page = await leader.get(path);
    const list = page.html.slice(page.html.indexOf('name="userId"'));
    const select = list.slice(0, list.indexOf("</select>"));
    const own = world.school.name;
    const other = world.otherSchool.name;
    expect(select).toContain(`label="${own} (this school)"`);
    expect(select).toContain(`Alex Staff — school staff, ${own}`);
    expect(select).toContain("Priya Admin — trust admin");
    expect(select).toContain("Helen Validator — validator");
    expect(select).toContain(`Jordan Other — school staff, ${other}`);
    // This school's team, then the trust's central roles, then other schools' people.
    const at = (text: string) => select.indexOf(text);
    expect(at("Chris Staff")).toBeLessThan(at("Priya Admin"));
    expect(at("Priya Admin")).toBeLessThan(at("Jordan Other"));
    expect(select).not.toContain(`value="${world.people.schoolLeader.id}"`);
    expect(select).not.toContain("Sam Leader");
    // Said before anyone is invited: what the invited person will be able to read.
    expect(page.html).toContain(
      "whole evaluation, read only: every criterion&#x27;s judgement, narrative and evidence (files included) and its PDF report. People from other schools of the trust see none of it otherwise.",
    );
    const self = await leader.post(path, {
      intent: "invite",
      userId: world.people.schoolLeader.id,
      perspective: "schoolLeader",
    });
    expect(self.status).toBe(400);
    expect(self.html).toContain("Choose someone other than yourself");
  });

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

  it("names a contributor from another school by their perspective on the evaluation, and in presence", async () => {
    const contributor = await as(world.people.otherStaff.id);
    const page = await contributor.get(`/evaluations/${world.evaluation.id}`);
    expect(page.html).toContain(
      "You are viewing as a contributor giving the wider voice perspective: read only.",
    );
    // Their own presence card (what the page says they are), and what everyone else sees
    // (stamped by the server).
    const data = await contributor.get(
      `/evaluations/${world.evaluation.id}?_data=${encodeURIComponent("routes/evaluations.$evaluationId")}`,
    );
    expect((JSON.parse(data.html) as { me: unknown }).me).toMatchObject({
      role: "Contributor",
      observing: true,
    });

    const name = documentName("evaluation", world.evaluation.id);
    const them = connectClient(server.url, name, await cookieFor(world.people.otherStaff.id));
    const watcher = connectClient(server.url, name, await cookieFor(world.people.staff.id));
    await Promise.all([them.synced, watcher.synced]);
    them.provider.awareness!.setLocalStateField("user", { name: "Jordan Other" });
    await eventually(
      () => watcher.provider.awareness!.getStates().get(them.doc.clientID)?.user !== undefined,
      5000,
      "the contributor's presence",
    );
    expect(watcher.provider.awareness!.getStates().get(them.doc.clientID)!.user).toMatchObject({
      name: "Jordan Other",
      role: "Contributor",
      observing: true,
    });
    them.destroy();
    watcher.destroy();
  });

  it("sends only the school's team to record the agreed judgement; a contributor's judgement never reaches the evaluation", async () => {
    const contributor = await as(world.people.otherStaff.id);
    expect((await contributor.get(path)).html).not.toContain("agreed judgement for");
    const staff = await as(world.people.staff.id);
    expect((await staff.get(path)).html).toContain("agreed judgement for");

    const name = documentName("evaluation", world.evaluation.id);
    const criterionId = Object.keys(world.evaluation.levelsByCriterion)[0];
    const level = world.evaluation.levelsByCriterion[criterionId][0];
    const forger = connectClient(server.url, name, await cookieFor(world.people.otherStaff.id));
    const writer = connectClient(server.url, name, await cookieFor(world.people.staff.id));
    expect(await forger.authenticated).toBe("readonly");
    await Promise.all([forger.synced, writer.synced]);
    judgementsOf(forger.doc).set(criterionId, level);
    // The team's later edit arrives; the contributor's never does, nor is it stored.
    writer.doc.getText("marker").insert(0, "after");
    await writer.whenSaved();
    const reader = connectClient(server.url, name, await cookieFor(world.people.staff2.id));
    await reader.synced;
    await eventually(() => reader.doc.getText("marker").toString() === "after");
    expect(judgementsOf(reader.doc).get(criterionId)).toBeUndefined();
    const stored = await loadStoredDocument(name);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u.update);
    expect(judgementsOf(doc).get(criterionId)).toBeUndefined();
    for (const client of [forger, writer, reader]) client.destroy();
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

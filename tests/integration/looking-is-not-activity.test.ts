import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { projectionsOf } from "../../models/evaluation/projection-store.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

// Serving a page reads the evaluation's live document (to send its state with the page, for its
// history, a report): the server loads it, copies it and lets it go, and Hocuspocus stores it as
// it closes. That store must not count as someone working in it: the lists would call an
// evaluation nobody has touched "In progress", and a trust leader looking at a school's
// evaluation would move its "last active" date to today.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let name: string;

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

/** Until the server has stored the document and let it go (its projection is written by then). */
const unloaded = () =>
  eventually(() => !server.collab.hocuspocus.documents.has(name), 5000, "the document to unload");

/** When anyone last worked in the evaluation, as its stored projection says. */
const lastActivity = async () =>
  (await projectionsOf([world.evaluation.id])).get(world.evaluation.id)?.lastActivityAt ?? null;

beforeAll(async () => {
  world = await buildWorld();
  name = documentName("evaluation", world.evaluation.id);
  server = await startTestServer({ storeDebounceMs: 50 });
});
afterAll(() => server?.close());

describe("looking at an evaluation", () => {
  it("is nobody's activity: still not started, and a last activity stays where it was", async () => {
    const leader = await as(world.people.trustLeader.id);
    const head = await as(world.people.schoolLeader.id);
    /** The school's status on the trust's heat map (from the insight summary, ADR 023). */
    const onHeatMap = async () =>
      (await leader.get("/insight/heat-map.csv")).html
        .split("\n")
        .find((line) => line.startsWith(world.school.name))!
        .split(",")[2];
    // The heat map's summary exists before the look, so the look's store reaches it too.
    expect(await onHeatMap()).toBe("Not started");
    const page = await leader.get(`/evaluations/${world.evaluation.id}`);
    expect(page.status).toBe(200);
    await unloaded();
    expect(await lastActivity()).toBeNull();
    expect(await onHeatMap()).toBe("Not started");
    expect((await head.get(`/evaluations/${world.evaluation.id}`)).html).toMatch(
      /Status: <span class="badge status-notStarted">Not started/,
    );
    await unloaded();

    // Someone judges a criterion: that is activity.
    const criterion = Object.keys(world.evaluation.levelsByCriterion)[0];
    const staff = connectClient(server.url, name, await cookieFor(world.people.staff.id));
    await staff.synced;
    judgementsOf(staff.doc).set(criterion, world.evaluation.levelsByCriterion[criterion][0]);
    await staff.whenSaved();
    staff.destroy();
    await unloaded();
    const worked = await lastActivity();
    expect(worked).not.toBeNull();
    expect((await head.get("/home")).html).toContain("In progress");
    expect(await onHeatMap()).toBe("In progress");
    await unloaded();

    // A later look (the page, its history) leaves that date alone.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await leader.get(`/evaluations/${world.evaluation.id}`)).status).toBe(200);
    await unloaded();
    expect((await leader.get(`/evaluations/${world.evaluation.id}/history`)).status).toBe(200);
    await unloaded();
    expect((await lastActivity())?.getTime()).toBe(worked!.getTime());
  });
});

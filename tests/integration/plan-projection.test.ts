import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mongoose } from "../../models/mongoose.ts";
import type { AppServer } from "../../server/app.ts";
import { evaluationOfDocument as findEvaluationById } from "../../models/document-records.ts";
import { documentName, parseDocumentName } from "../../collab/document-name.ts";
import { UNCHANGED_PROJECTION_EVERY_MS, writeProjection } from "../../collab/projections.ts";
import {
  actionsOf,
  addAction,
  addForce,
  linkForce,
  removeForce,
} from "../../collab/shapes/plan.ts";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let criteria: string[];

async function as(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  return http;
}

async function openAs(userId: string): Promise<TestClient> {
  const client = connectClient(
    server.url,
    documentName("evaluation", world.evaluation.id),
    await cookieFor(userId),
  );
  await client.synced;
  return client;
}

function setAction(doc: Y.Doc, id: string, fields: Record<string, unknown>) {
  const item = actionsOf(doc).get(id)!;
  doc.transact(() => Object.entries(fields).forEach(([k, v]) => item.set(k, v)));
}

/** Where each string first appears in the page, to check the order of table rows. */
const positions = (html: string, ...texts: string[]) => texts.map((t) => html.indexOf(t));

beforeAll(async () => {
  world = await buildWorld();
  criteria = Object.keys(world.evaluation.levelsByCriterion);
  server = await startTestServer({ storeDebounceMs: 50 });
});
afterAll(() => server?.close());

describe("force-fields and actions in the projection", () => {
  it("writes no projection for a store that changed nothing it holds (typing a narrative), and does for one that did", async () => {
    const alex = await openAs(world.people.staff.id);
    const projected = async () => (await findEvaluationById(world.evaluation.id))!.projection;
    const probe = addForce(alex.doc, criteria[0], "helping", "Reading leader in post", 3);
    await eventually(
      async () => ((await projected()).forceTotals?.helping ?? 0) >= 3,
      5000,
      "first projection",
    );
    const before = (await projected()).updatedAt;
    // Typing in a narrative: several stores run (50 ms debounce), none rewrites the record, and
    // none reads the evaluation's record or projection either (the scale is known per version).
    const reads: string[] = [];
    mongoose.set("debug", (collection: string, method: string) => {
      if (/^evaluation/.test(collection)) reads.push(`${method} ${collection}`);
    });
    try {
      for (let i = 0; i < 4; i++) {
        alex.doc.getXmlFragment(`narrative-probe`).insert(0, [new Y.XmlText(`typed ${i}`)]);
        await alex.whenSaved();
        await new Promise((r) => setTimeout(r, 150));
      }
    } finally {
      mongoose.set("debug", false);
    }
    expect(reads).toEqual([]);
    expect((await projected()).updatedAt).toEqual(before);
    // A judgement changes what the projection holds: written after the next store.
    judgementsOf(alex.doc).set(criteria[0], world.evaluation.levelsByCriterion[criteria[0]][0]);
    await eventually(
      async () => (await projected()).updatedAt?.getTime() !== before?.getTime(),
      5000,
      "projection after a judgement",
    );
    judgementsOf(alex.doc).delete(criteria[0]);
    removeForce(alex.doc, probe);
    await alex.whenSaved();
    alex.destroy();
  });

  it("rewrites an unchanged projection once a minute without reading the evaluation or touching the insight summary", async () => {
    const alex = await openAs(world.people.staff.id);
    const name = documentName("evaluation", world.evaluation.id);
    const first = await writeProjection(parseDocumentName(name)!, alex.doc);
    expect(first).not.toBeNull();
    const commands: string[] = [];
    let lastCommandAt = Date.now();
    // Only the records in question: the server's own background work (the log sweep) goes on.
    mongoose.set("debug", (collection: string, method: string) => {
      if (!/^(evaluation|insight)/.test(collection)) return;
      commands.push(`${method} ${collection}`);
      lastCommandAt = Date.now();
    });
    try {
      // The server may still be storing the last test's edits (its projection, then the insight
      // summary): count only from once it has been quiet on these records for a while.
      await eventually(async () => Date.now() - lastCommandAt > 300, 5000, "the server's store");
      commands.length = 0;
      const later = new Date(first!.at + UNCHANGED_PROJECTION_EVERY_MS + 1000);
      const again = await writeProjection(parseDocumentName(name)!, alex.doc, first, {
        now: later,
      });
      expect(again!.at).toBe(later.getTime());
    } finally {
      mongoose.set("debug", false);
    }
    expect(commands).toEqual(["replaceOne evaluationprojections"]);
    alex.destroy();
  });

  it("reads an evaluation's projection by _id alone, which FerretDB reads through its index (ADR 038)", async () => {
    const filters: string[] = [];
    mongoose.set("debug", (collection: string, method: string, filter: unknown) => {
      if (collection === "evaluationprojections")
        filters.push(`${method} ${JSON.stringify(filter)}`);
    });
    try {
      expect((await findEvaluationById(world.evaluation.id))!.id).toBe(world.evaluation.id);
    } finally {
      mongoose.set("debug", false);
    }
    expect(filters).toEqual([`find {"_id":{"$in":["${world.evaluation.id}"]}}`]);
  });

  it("writes forces and actions edited through a client to the evaluation's record after a store", async () => {
    const { staff, staff2, schoolLeader, otherStaff } = world.people;
    const alex = await openAs(staff.id);
    const chris = await openAs(staff2.id);
    const [first, second] = [criteria[1], criteria[2]];

    // Two people build one force-field at once.
    addForce(alex.doc, first, "helping", "Strong SENCO leadership", 5);
    const turnover = addForce(chris.doc, first, "hindering", "Staff turnover", 4);
    addForce(chris.doc, first, "helping", "Governor for SEND", 4);
    const time = addForce(alex.doc, first, "hindering", "No time for plan reviews", 3);
    const gone = addForce(alex.doc, second, "hindering", "Removed again", 2);
    await eventually(
      () => chris.doc.getMap("forces").size === 5,
      5000,
      "forces reach the other client",
    );

    const induction = addAction(alex.doc, first, "Induction for new staff on SEND plans");
    setAction(alex.doc, induction, { ownerId: staff.id, due: "2020-01-15", status: "inProgress" });
    linkForce(alex.doc, induction, turnover, true);
    const reviews = addAction(chris.doc, first, "Protected time for termly plan reviews");
    setAction(chris.doc, reviews, { ownerId: schoolLeader.id, due: "2099-07-01" });
    linkForce(chris.doc, reviews, time, true);
    const audit = addAction(alex.doc, second, "Audit of reasonable adjustments");
    setAction(alex.doc, audit, { status: "done", due: "2020-02-01" });
    linkForce(alex.doc, audit, gone, true);
    removeForce(chris.doc, gone);
    // Someone of another school named as owner: it must never show to them.
    const stray = addAction(chris.doc, second, "Owned by someone who cannot read this");
    setAction(chris.doc, stray, { ownerId: otherStaff.id });

    await Promise.all([alex.whenSaved(), chris.whenSaved()]);
    alex.destroy();
    chris.destroy();
    await eventually(
      async () =>
        ((await findEvaluationById(world.evaluation.id))!.projection.actions ?? []).length === 4,
      5000,
      "projection of the actions",
    );
    const { projection } = (await findEvaluationById(world.evaluation.id))!;
    expect(projection.forceTotals).toEqual({ helping: 9, hindering: 7 });
    expect(projection.forcesByCriterion).toEqual([
      { criterionId: first, helping: 9, hindering: 7 },
    ]);
    expect(projection.actionCounts).toEqual({ notStarted: 2, inProgress: 1, done: 1, dropped: 0 });
    expect(projection.actions).toEqual(
      expect.arrayContaining([
        {
          id: induction,
          criterionId: first,
          what: "Induction for new staff on SEND plans",
          ownerId: staff.id,
          due: "2020-01-15",
          status: "inProgress",
          forceIds: [turnover],
          addresses: ["Staff turnover"],
        },
        {
          id: reviews,
          criterionId: first,
          what: "Protected time for termly plan reviews",
          ownerId: schoolLeader.id,
          due: "2099-07-01",
          status: "notStarted",
          forceIds: [time],
          addresses: ["No time for plan reviews"],
        },
        {
          id: audit,
          criterionId: second,
          what: "Audit of reasonable adjustments",
          ownerId: null,
          due: "2020-02-01",
          status: "done",
          forceIds: [],
          addresses: [],
        },
      ]),
    );
    // The judgement fields are still there, as before.
    expect(projection).toMatchObject({
      judgements: [],
      judgedCount: 0,
      criteriaCount: criteria.length,
    });
    expect(projection.lastActivityAt).not.toBeNull();
  });

  it("shows the action plan from the projection, sortable and filterable", async () => {
    const path = `/evaluations/${world.evaluation.id}/actions`;
    const staff = await as(world.people.staff.id);
    const page = await staff.get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Action plan");
    for (const text of [
      "Induction for new staff on SEND plans",
      "Protected time for termly plan reviews",
      "Audit of reasonable adjustments",
      "Alex Staff",
      "Sam Leader",
    ]) {
      expect(page.html).toContain(text);
    }
    // Only the open action past its date is overdue (the done one is not), and it says so in words.
    expect(page.html.match(/> Overdue</g)).toHaveLength(1);

    const byDue = await staff.get(`${path}?sort=due&dir=asc`);
    const [induction, audit, reviews] = positions(
      byDue.html,
      "Induction for new",
      "Audit of reasonable",
      "Protected time for",
    );
    expect(induction).toBeLessThan(audit);
    expect(audit).toBeLessThan(reviews);
    expect(byDue.html).toMatch(
      /<th scope="col" aria-sort="ascending"><a [^>]*href="[^"]*\/actions\?sort=due&amp;dir=desc"/,
    );
    const byDueDesc = await staff.get(`${path}?sort=due&dir=desc`);
    const [induction2, , reviews2] = positions(
      byDueDesc.html,
      "Induction for new",
      "Audit of reasonable",
      "Protected time for",
    );
    expect(reviews2).toBeLessThan(induction2);
    expect(byDueDesc.html).toContain('aria-sort="descending"');

    const mine = await staff.get(`${path}?owner=${world.people.staff.id}`);
    expect(mine.html).toContain("Induction for new staff on SEND plans");
    expect(mine.html).not.toContain("Protected time for termly plan reviews");
    const done = await staff.get(`${path}?status=done`);
    expect(done.html).toContain("Audit of reasonable adjustments");
    expect(done.html).not.toContain("Induction for new staff on SEND plans");
    const nobody = await staff.get(`${path}?owner=none&status=nonsense`);
    expect(nobody.status).toBe(200);
    expect(nobody.html).toContain("Audit of reasonable adjustments");
    expect(nobody.html).not.toContain("Protected time for termly plan reviews");

    const leader = await (await as(world.people.trustLeader.id)).get(path);
    expect(leader.status).toBe(200);
    expect(leader.html).toContain("Protected time for termly plan reviews");
  });

  it("lists the school's team as possible owners, to those who may read the evaluation", async () => {
    const path = `/evaluations/${world.evaluation.id}/members`;
    const response = await (await as(world.people.staff.id)).get(path);
    expect(response.status).toBe(200);
    expect(response.response.headers.get("content-type")).toContain("application/json");
    const members = JSON.parse(response.html) as { id: string; name: string }[];
    expect(members.map((m) => m.name)).toEqual(["Alex Staff", "Chris Staff", "Sam Leader"]);
    expect(members.find((m) => m.name === "Alex Staff")!.id).toBe(world.people.staff.id);
    expect(Object.keys(members[0]).sort()).toEqual(["id", "name"]);
  });

  it("shows each person their own actions across the evaluations they can read", async () => {
    const alex = await (await as(world.people.staff.id)).get("/my-actions");
    expect(alex.status).toBe(200);
    expect(alex.html).toContain("Induction for new staff on SEND plans");
    expect(alex.html).toContain(world.evaluation.title);
    expect(alex.html).not.toContain("Protected time for termly plan reviews");
    expect(alex.html).toContain("Overdue");

    const sam = await (await as(world.people.schoolLeader.id)).get("/my-actions");
    expect(sam.html).toContain("Protected time for termly plan reviews");
    expect(sam.html).not.toContain("Induction for new staff on SEND plans");

    const jordan = await (await as(world.people.otherStaff.id)).get("/my-actions");
    expect(jordan.status).toBe(200);
    expect(jordan.html).not.toContain("Owned by someone who cannot read this");
    expect(jordan.html).not.toContain(world.evaluation.title);

    const signedOut = await new HttpSession(server.url).get("/my-actions");
    expect(signedOut.status).toBe(302);
  });

  it("looks exactly like a missing page to another school's staff", async () => {
    const other = await as(world.people.otherStaff.id);
    for (const suffix of ["actions", "members"]) {
      const forbidden = await other.get(`/evaluations/${world.evaluation.id}/${suffix}`);
      const missing = await other.get(`/evaluations/0123456789abcdef01234567/${suffix}`);
      expect([forbidden.status, missing.status]).toEqual([404, 404]);
      expect(forbidden.html).not.toContain("Induction for new staff");
      expect(forbidden.html).not.toContain("Alex Staff");
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { listComments, listThreads, reply, startThread } from "../../collab/shapes/discussion.ts";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import { assignValidators } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildWorld } from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let discussion: string;
let evaluation: string;
const clients: TestClient[] = [];

async function clientAs(userId: string | null, doc = discussion) {
  const client = connectClient(server.url, doc, userId ? await cookieFor(userId) : null);
  clients.push(client);
  return client;
}

async function storedDoc(name: string): Promise<Y.Doc> {
  const stored = await loadStoredDocument(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return doc;
}

beforeAll(async () => {
  world = await buildWorld();
  const { evaluation: e, people } = world;
  await assignValidators(e, [people.validator.id], people.trustAdmin.id);
  await EvaluationModel.updateOne({ _id: e.id }, { $set: { validatorIds: [people.validator.id] } });
  discussion = documentName("discussion", e.id);
  evaluation = documentName("evaluation", e.id);
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("discussion document over /collab", () => {
  it("lets the school's staff and the assigned validator comment, live to each other, and keeps it", async () => {
    const staff = await clientAs(world.people.staff.id);
    const validator = await clientAs(world.people.validator.id);
    expect(await staff.authenticated).toBe("read-write");
    expect(await validator.authenticated).toBe("read-write");
    await Promise.all([staff.synced, validator.synced]);

    const threadId = startThread(
      validator.doc,
      { criterionId: "crit-1", body: "Which evidence shows this?" },
      { userId: world.people.validator.id, name: "Helen Validator" },
    )!;
    await eventually(
      () => listThreads(staff.doc, "crit-1").length === 1,
      5000,
      "thread reaches staff",
    );
    reply(staff.doc, threadId, "The reading audit, see evidence 3.", {
      userId: world.people.staff.id,
      name: "Alex Staff",
    });
    await eventually(
      () => listComments(validator.doc, threadId).length === 2,
      5000,
      "reply reaches validator",
    );
    await Promise.all([staff.whenSaved(), validator.whenSaved()]);

    const stored = await storedDoc(discussion);
    expect(listComments(stored, threadId).map((c) => c.authorName)).toEqual([
      "Helen Validator",
      "Alex Staff",
    ]);
  });

  it("lets a trust admin comment too", async () => {
    const admin = await clientAs(world.people.trustAdmin.id);
    expect(await admin.authenticated).toBe("read-write");
  });

  it("opens it read-only for a trust leader, whose edits never arrive nor persist", async () => {
    const staff = await clientAs(world.people.staff2.id);
    const leader = await clientAs(world.people.trustLeader.id);
    expect(await leader.authenticated).toBe("readonly");
    await Promise.all([staff.synced, leader.synced]);
    await eventually(() => listThreads(leader.doc).length === 1, 5000, "leader reads the threads");

    startThread(
      leader.doc,
      { criterionId: "crit-1", body: "A forged comment" },
      { userId: world.people.trustLeader.id, name: "David Leader" },
    );
    // The honest writer's later comment arrives; the leader's never does, nor is it stored.
    startThread(
      staff.doc,
      { criterionId: "crit-2", body: "Marker" },
      { userId: world.people.staff2.id, name: "Chris Staff" },
    );
    await staff.whenSaved();
    const late = await clientAs(world.people.schoolLeader.id);
    await late.synced;
    await eventually(() => listThreads(late.doc, "crit-2").length === 1, 5000, "marker arrives");
    expect(listThreads(late.doc, "crit-1")).toHaveLength(1);
    expect(listThreads(staff.doc, "crit-1")).toHaveLength(1);
    const stored = await storedDoc(discussion);
    expect(listThreads(stored).map((t) => t.createdBy)).not.toContain(world.people.trustLeader.id);
  });

  it("keeps the assigned validator read-only on the evaluation document itself", async () => {
    const validator = await clientAs(world.people.validator.id, evaluation);
    expect(await validator.authenticated).toBe("readonly");
    await validator.synced;
    validator.doc.getText("forged-by-validator").insert(0, "should never arrive");
    const staff = await clientAs(world.people.staff.id, evaluation);
    await staff.synced;
    staff.doc.getText("marker").insert(0, "after");
    await staff.whenSaved();
    const stored = await storedDoc(evaluation);
    expect(stored.getText("marker").toString()).toBe("after");
    expect(stored.getText("forged-by-validator").toString()).toBe("");
  });

  it("refuses another school's staff, validators not assigned, and signed-out users", async () => {
    const stranger = await buildUser("validator", world.trust, undefined, "Unassigned Validator");
    for (const userId of [world.people.otherStaff.id, stranger.id, null]) {
      const client = await clientAs(userId);
      await expect(client.authenticated).rejects.toThrow(
        "You do not have access to this document.",
      );
      expect(threadsSize(client.doc)).toBe(0);
    }
  });
});

function threadsSize(doc: Y.Doc): number {
  return doc.getMap("threads").size;
}

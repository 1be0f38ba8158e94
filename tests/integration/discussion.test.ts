import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import {
  commentsOf,
  getComment,
  listComments,
  listThreads,
  newRequestId,
  readMark,
  readMarkKey,
  readMarksOf,
  threadsOf,
} from "../../collab/shapes/discussion.ts";
import { startThread as writeThread } from "../../collab/shapes/discussion-changes.ts";
import { encodeMessage, parseServerMessage } from "../../collab/stateless.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { EvaluationModel } from "../../models/evaluation/evaluation.ts";
import { assignValidators } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let discussion: string;
let path: string;
let criterion: string;
const clients: TestClient[] = [];

async function clientAs(userId: string | null, base = server.url) {
  const client = connectClient(base, discussion, userId ? await cookieFor(userId) : null);
  clients.push(client);
  return client;
}

/** A signed-in browser for the discussion's HTTP commands (its CSRF token from a page). */
async function httpAs(userId: string) {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get("/home");
  expect(http.csrf).not.toBe("");
  return {
    async post(fields: Record<string, string>) {
      const response = await http.post(path, fields);
      let answer: { formError?: string | null; fieldErrors?: Record<string, string> } = {};
      try {
        answer = JSON.parse(response.html);
      } catch {
        // a 404 page or a redirect: the status says enough
      }
      return { status: response.status, ...answer };
    },
  };
}

/**
 * Waits until the server has handled everything this client sent before (a stateless round
 * trip on the same socket, answered after the messages before it), so a refused update has
 * had every chance to arrive anywhere.
 */
async function handled(client: TestClient) {
  const n = 1_000_000 + Math.floor(Math.random() * 1000);
  const answered = new Promise<void>((resolve) => {
    const listener = ({ payload }: { payload: string }) => {
      if (parseServerMessage(payload)?.n !== n) return;
      client.provider.off("stateless", listener);
      resolve();
    };
    client.provider.on("stateless", listener);
  });
  client.provider.sendStateless(encodeMessage({ type: "checkpoint", n }));
  await answered;
}

/** The document as a fresh server loads it from the database, read by a fresh provider. */
async function reloaded(): Promise<Y.Doc> {
  const fresh = await startTestServer();
  const reader = connectClient(
    fresh.url,
    discussion,
    await cookieFor(world.people.schoolLeader.id),
  );
  try {
    await reader.synced;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc));
    return copy;
  } finally {
    reader.destroy();
    await fresh.close();
  }
}

function threadInput(body: string, extra: Record<string, string> = {}) {
  return { intent: "start", requestId: newRequestId(), criterionId: criterion, body, ...extra };
}

beforeAll(async () => {
  world = await buildWorld();
  const { evaluation: e, people } = world;
  await assignValidators(e, [people.validator.id], people.trustAdmin.id);
  await EvaluationModel.updateOne({ _id: e.id }, { $set: { validatorIds: [people.validator.id] } });
  discussion = documentName("discussion", e.id);
  path = `/evaluations/${e.id}/discussion`;
  criterion = Object.keys(e.levelsByCriterion)[0];
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

describe("discussion.<id> over /collab", () => {
  it("is read-only for every client, those who may comment included", async () => {
    const { people } = world;
    for (const id of [
      people.staff.id,
      people.schoolLeader.id,
      people.validator.id,
      people.trustAdmin.id,
      people.trustLeader.id,
    ]) {
      expect(await (await clientAs(id)).authenticated).toBe("readonly");
    }
  });

  it("stays closed to another school's staff, validators not assigned, and signed-out users", async () => {
    const stranger = await buildUser("validator", world.trust, undefined, "Unassigned Validator");
    for (const userId of [world.people.otherStaff.id, stranger.id, null]) {
      const client = await clientAs(userId);
      await expect(client.authenticated).rejects.toThrow(
        "You do not have access to this document.",
      );
      expect(client.doc.getMap("threads").size).toBe(0);
    }
  });

  it("refuses a comment written into the socket in someone else's name: nobody sees it, nothing stores it", async () => {
    const { people } = world;
    const forger = await clientAs(people.validator.id);
    const watcher = await clientAs(people.staff2.id);
    await Promise.all([forger.synced, watcher.synced]);

    const forgedId = newRequestId();
    writeThread(
      forger.doc,
      { threadId: forgedId, criterionId: criterion, anchor: null, quote: "", body: "Forged" },
      { userId: people.schoolLeader.id, name: "Sam Leader" },
      Date.now(),
    );
    await handled(forger);
    // An honest comment posted afterwards arrives; the forged one never does.
    const marker = threadInput("Posted the honest way");
    expect((await (await httpAs(people.staff.id)).post(marker)).status).toBe(200);
    await eventually(
      () => listThreads(watcher.doc).some((t) => t.id === marker.requestId),
      5000,
      "the honest comment reaches the watcher",
    );
    expect(listThreads(watcher.doc).map((t) => t.id)).not.toContain(forgedId);

    const stored = await reloaded();
    expect(listThreads(stored).map((t) => t.id)).toContain(marker.requestId);
    expect(listThreads(stored).map((t) => t.id)).not.toContain(forgedId);
  });

  it("refuses editing, deleting, resolving or marking another person's things over the socket", async () => {
    const { people } = world;
    const validator = await httpAs(people.validator.id);
    const question = threadInput("Which evidence shows this?");
    expect((await validator.post(question)).status).toBe(200);
    const threadId = question.requestId;

    const forger = await clientAs(people.staff.id);
    const watcher = await clientAs(people.schoolLeader.id);
    await Promise.all([forger.synced, watcher.synced]);
    await eventually(() => getComment(forger.doc, threadId) !== null, 5000, "thread arrives");

    forger.doc.transact(() => {
      commentsOf(forger.doc).get(threadId)!.set("body", "Rewritten by someone else");
      threadsOf(forger.doc).get(threadId)!.set("resolved", true);
      readMarksOf(forger.doc).set(readMarkKey(people.validator.id, threadId), 0);
    });
    commentsOf(forger.doc).delete(threadId);
    await handled(forger);

    const marker = threadInput("Marker after the forgery");
    expect((await validator.post(marker)).status).toBe(200);
    await eventually(
      () => getComment(watcher.doc, marker.requestId) !== null,
      5000,
      "marker reaches the watcher",
    );
    for (const doc of [watcher.doc, await reloaded()]) {
      expect(getComment(doc, threadId)).toMatchObject({
        body: "Which evidence shows this?",
        authorId: people.validator.id,
      });
      expect(listThreads(doc).find((t) => t.id === threadId)?.resolved).toBe(false);
      expect(readMark(doc, people.validator.id, threadId)).toBe(1);
    }
  });
});

describe("discussion commands over HTTP", () => {
  it("stamp the signed-in person, whatever the form claims, and reach every open page live", async () => {
    const { people } = world;
    const staffPage = await clientAs(people.staff.id);
    await staffPage.synced;
    const claims = {
      authorId: people.schoolLeader.id,
      authorName: "Sam Leader",
      createdBy: people.schoolLeader.id,
      createdByName: "Sam Leader",
    };
    const question = threadInput("How do you know the reviews happen?", claims);
    const posted = await (await httpAs(people.validator.id)).post(question);
    expect(posted.status).toBe(200);
    // change() returns once every open page has been sent the change.
    await eventually(() => getComment(staffPage.doc, question.requestId) !== null, 2000, "live");
    expect(listThreads(staffPage.doc).find((t) => t.id === question.requestId)).toMatchObject({
      createdBy: people.validator.id,
      createdByName: "Helen Validator",
    });

    const answer = {
      intent: "reply",
      threadId: question.requestId,
      requestId: newRequestId(),
      body: "The SENCo's termly log.",
      ...claims,
    };
    expect((await (await httpAs(people.staff.id)).post(answer)).status).toBe(200);
    const stored = await reloaded();
    expect(
      listComments(stored, question.requestId).map((c) => [c.authorId, c.authorName, c.body]),
    ).toEqual([
      [people.validator.id, "Helen Validator", "How do you know the reviews happen?"],
      [people.staff.id, "Alex Staff", "The SENCo's termly log."],
    ]);
  });

  it("let only the author edit or delete a comment: staff get 403 on the validator's", async () => {
    const { people } = world;
    const validator = await httpAs(people.validator.id);
    const staff = await httpAs(people.staff.id);
    const question = threadInput("Teh evidence?");
    await validator.post(question);
    const id = question.requestId;
    const reply = { intent: "reply", threadId: id, requestId: newRequestId(), body: "Here." };
    expect((await staff.post(reply)).status).toBe(200);

    const edit = await staff.post({ intent: "edit", commentId: id, body: "Rewritten" });
    expect(edit.status).toBe(403);
    expect(edit.formError).toMatch(/Only the person who wrote a comment/);
    expect((await staff.post({ intent: "delete", commentId: id })).status).toBe(403);

    expect(
      (await validator.post({ intent: "edit", commentId: id, body: "The evidence?" })).status,
    ).toBe(200);
    // The validator's comment has a reply after it, so deleting leaves its place.
    expect((await validator.post({ intent: "delete", commentId: id })).status).toBe(200);
    const stored = await reloaded();
    expect(listComments(stored, id).map((c) => [c.deleted, c.body])).toEqual([
      [true, ""],
      [false, "Here."],
    ]);
    expect(
      await AuditModel.countDocuments({ action: "commentDeleted", actorId: people.validator.id }),
    ).toBe(1);
  });

  it("let the thread's starter, the school's leaders and the validator resolve; other staff get 403", async () => {
    const { people } = world;
    const question = threadInput("Resolve me");
    await (await httpAs(people.validator.id)).post(question);
    const resolve = (resolved: boolean) => ({
      intent: "resolve",
      threadId: question.requestId,
      resolved: String(resolved),
    });
    expect((await (await httpAs(people.staff2.id)).post(resolve(true))).status).toBe(403);
    expect((await (await httpAs(people.schoolLeader.id)).post(resolve(true))).status).toBe(200);
    expect((await (await httpAs(people.validator.id)).post(resolve(false))).status).toBe(200);

    const own = threadInput("My own thread");
    const staff2 = await httpAs(people.staff2.id);
    await staff2.post(own);
    expect(
      (await staff2.post({ intent: "resolve", threadId: own.requestId, resolved: "true" })).status,
    ).toBe(200);
    const stored = await reloaded();
    expect(listThreads(stored).find((t) => t.id === own.requestId)).toMatchObject({
      resolved: true,
      resolvedBy: people.staff2.id,
    });
  });

  it("let a trust leader mark threads read but not comment, reply or resolve (403)", async () => {
    const { people } = world;
    const question = threadInput("For the leader to read");
    await (await httpAs(people.validator.id)).post(question);
    const leader = await httpAs(people.trustLeader.id);
    const marked = await leader.post({ intent: "markRead", threadId: question.requestId });
    expect(marked.status).toBe(200);

    const refused: Record<string, string>[] = [
      threadInput("A leader's comment"),
      { intent: "reply", threadId: question.requestId, requestId: newRequestId(), body: "Hm" },
      { intent: "resolve", threadId: question.requestId, resolved: "true" },
    ];
    for (const fields of refused) expect((await leader.post(fields)).status).toBe(403);

    const stored = await reloaded();
    expect(readMark(stored, people.trustLeader.id, question.requestId)).toBe(1);
    expect(listThreads(stored).map((t) => t.createdBy)).not.toContain(people.trustLeader.id);
  });

  it("give people who may not read the discussion a 404, and change nothing", async () => {
    const other = await httpAs(world.people.otherStaff.id);
    const before = listThreads(await reloaded()).length;
    expect((await other.post(threadInput("From another school"))).status).toBe(404);
    expect((await other.post({ intent: "markRead", threadId: newRequestId() })).status).toBe(404);
    expect(listThreads(await reloaded())).toHaveLength(before);
  });

  it("refuse bad input with a 400 next to the field: __proto__, toString, anchors, lengths", async () => {
    const staff = await httpAs(world.people.staff.id);
    for (const criterionId of ["__proto__", "toString", "constructor", "no-such-criterion"]) {
      const answer = await staff.post(threadInput("On what?", { criterionId }));
      expect(answer.status, criterionId).toBe(400);
      expect(answer.fieldErrors?.criterionId).toBe(
        "That criterion is not part of this evaluation.",
      );
    }
    const badAnchors = [
      "not json",
      JSON.stringify({ start: { item: { client: 1, clock: 2 } } }),
      JSON.stringify({ start: { item: { client: -1, clock: 0 } }, end: { tname: "x" } }),
      JSON.stringify({ start: { tname: "x", extra: 1 }, end: { tname: "x" } }),
      JSON.stringify({ start: {}, end: {} }),
      "x".repeat(5000),
    ];
    for (const anchor of badAnchors) {
      const answer = await staff.post(threadInput("Anchored", { anchor, quote: "q" }));
      expect(answer.status, anchor.slice(0, 40)).toBe(400);
      expect(answer.fieldErrors?.anchor).toMatch(/could not be read/);
    }
    const good = JSON.stringify({
      start: { item: { client: 12345, clock: 3 }, assoc: 0 },
      end: { item: { client: 12345, clock: 9 }, assoc: -1 },
    });
    expect(
      (await staff.post(threadInput("Anchored well", { anchor: good, quote: "q" }))).status,
    ).toBe(200);

    expect((await staff.post(threadInput("   "))).fieldErrors?.body).toBe(
      "Write your comment first.",
    );
    expect((await staff.post(threadInput("x".repeat(2001)))).fieldErrors?.body).toMatch(/2,000/);
    expect((await staff.post(threadInput("No id", { requestId: "1" }))).status).toBe(400);
    expect(
      (
        await staff.post({
          intent: "reply",
          threadId: newRequestId(),
          requestId: newRequestId(),
          body: "Lost",
        })
      ).status,
    ).toBe(400);
    expect((await staff.post({ intent: "nonsense" })).status).toBe(400);
    expect((await staff.post({ intent: "__proto__" })).status).toBe(400);
  });

  it("make one thread of 20 identical posts sent at once", async () => {
    const staff = await httpAs(world.people.staff.id);
    const question = threadInput("Posted with a double-click, twenty times over");
    const answers = await Promise.all(Array.from({ length: 20 }, () => staff.post(question)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const stored = await reloaded();
    const made = listThreads(stored).filter((t) => t.id === question.requestId);
    expect(made).toHaveLength(1);
    expect(listComments(stored, question.requestId)).toHaveLength(1);
    const sameText = [...commentsOf(stored).values()].filter(
      (c) => c.get("body") === question.body,
    );
    expect(sameText).toHaveLength(1);
  });
});

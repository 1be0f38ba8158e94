import { createHmac, randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@liveblocks/client";
import WebSocket from "ws";
import * as Y from "yjs";
import { createLiveblocksRoom } from "../../app/collab/liveblocks-room.client.ts";
import type { Room } from "../../app/collab/room.ts";
import { documentName } from "../../collab/document-name.ts";
import { READ_SCOPES, WRITE_SCOPES } from "../../collab/liveblocks/backend.ts";
import { readJudgements, setJudgement } from "../../collab/shapes/evaluation.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import {
  grantRole,
  listMembershipsOfUser,
  removeMembership,
} from "../../models/membership/membership.ts";
import {
  SessionModel,
  revokeSessionOf,
  revokeSessionsOfUser,
} from "../../models/session/session.ts";
import { evaluationOfDocument as findEvaluationById } from "../../models/document-records.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildWorld } from "../support/factories.ts";
import {
  LIVEBLOCKS_DEV_SECRET,
  startLiveblocksDev,
  type LiveblocksDevServer,
} from "../support/liveblocks-dev.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { eventually } from "../support/wait.ts";

useTestDatabase();

const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString("base64")}`;
let dev: LiveblocksDevServer;
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let name: string;
const rooms: { room: Room; names: string[] }[] = [];

beforeAll(async () => {
  dev = await startLiveblocksDev();
  world = await buildWorld();
  name = documentName("evaluation", world.evaluation.id);
  server = await startTestServer({
    env: {
      COLLAB_BACKEND: "liveblocks",
      LIVEBLOCKS_SECRET_KEY: LIVEBLOCKS_DEV_SECRET,
      LIVEBLOCKS_BASE_URL: dev.baseUrl,
      LIVEBLOCKS_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
  });
});

afterEach(() => {
  for (const { room, names } of rooms.splice(0)) for (const n of names) room.release(n);
});

afterAll(async () => {
  await server?.close();
  await dev?.stop();
});

async function post(path: string, body: unknown, cookie: string | null, headers = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The ID token's payload (the dev server's tokens are JWTs like Liveblocks' own). */
function tokenPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

async function roomAccesses(room: string): Promise<Record<string, string[]>> {
  const answer = await server.liveblocks!.client.getRoom(room);
  return answer.usersAccesses as Record<string, string[]>;
}

/** The browser's Liveblocks room, in Node: the real @liveblocks/client + @liveblocks/yjs. */
async function openAs(userId: string, document = name) {
  const cookie = await cookieFor(userId);
  const room = createLiveblocksRoom({
    userId,
    baseUrl: dev.baseUrl,
    site: server.url,
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      // Our own endpoints get the session cookie; Liveblocks' get nothing of ours.
      const headers = new Headers(init?.headers);
      if (url.startsWith(server.url)) headers.set("cookie", cookie);
      return fetch(input, { ...init, headers });
    }) as typeof fetch,
    WebSocket,
    retryMs: 100,
  });
  const opened = room.open(document);
  rooms.push({ room, names: [document] });
  return opened;
}

describe("Liveblocks as the collab backend", () => {
  it("gives no token to someone our policy refuses (403), and none without a session", async () => {
    const outsider = await post(
      "/collab/liveblocks-auth",
      { room: name },
      await cookieFor(world.people.otherStaff.id),
    );
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toMatchObject({ error: "forbidden" });
    expect((await post("/collab/liveblocks-auth", { room: name }, null)).status).toBe(403);
    const malformed = await post(
      "/collab/liveblocks-auth",
      { room: "evaluation.nothex" },
      await cookieFor(world.people.staff.id),
    );
    expect(malformed.status).toBe(400);
    expect(await roomAccesses(name).catch(() => ({}))).not.toHaveProperty(
      world.people.otherStaff.id,
    );
  });

  it("grants a trust leader read access only, and a school's staff write access, with the server's identity", async () => {
    const leader = await post(
      "/collab/liveblocks-auth",
      { room: name },
      await cookieFor(world.people.trustLeader.id),
    );
    expect(leader.status).toBe(200);
    const { token } = (await leader.json()) as { token: string };
    expect(tokenPayload(token)).toMatchObject({
      k: "id",
      uid: world.people.trustLeader.id,
      ui: { name: "David Leader", observing: true },
    });
    const staff = await post(
      "/collab/liveblocks-auth",
      { room: name },
      await cookieFor(world.people.staff.id),
    );
    expect(staff.status).toBe(200);
    const accesses = await roomAccesses(name);
    expect(accesses[world.people.trustLeader.id]).toEqual([...READ_SCOPES]);
    expect(accesses[world.people.staff.id]).toEqual([...WRITE_SCOPES]);
  });

  it("co-edits through Liveblocks; 'Saved' only once MongoDB holds the edit, and the projection follows", async () => {
    const alex = await openAs(world.people.staff.id);
    const chris = await openAs(world.people.staff2.id);
    await eventually(
      () => alex.status().readOnly === false && alex.status().synced,
      20_000,
      "alex in",
    );
    await eventually(() => chris.status().synced, 20_000, "chris in");
    const criterionId = Object.keys(world.evaluation.levelsByCriterion)[0];
    const level = world.evaluation.levelsByCriterion[criterionId][0];
    // The room was seeded from MongoDB: both see the evaluation's criteria.
    expect(readJudgements(chris.doc)).toEqual(readJudgements(alex.doc));
    setJudgement(alex.doc, criterionId, level);
    expect(alex.save().unsavedEdits).toBe(true);
    await eventually(
      () => readJudgements(chris.doc)[criterionId] === level,
      10_000,
      "chris sees it",
    );
    await eventually(() => alex.save().state === "saved", 15_000, "saved");
    // "Saved" means stored: the log holds it, and the projection says so.
    const stored = await loadStoredDocument(name);
    const copy = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(copy, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(copy, update);
    expect(readJudgements(copy)[criterionId]).toBe(level);
    const evaluation = await findEvaluationById(world.evaluation.id);
    expect(evaluation!.projection.judgements).toContainEqual({ criterionId, level });
    // An edit pulled from the room is someone's activity (ADR 053).
    expect(evaluation!.projection.lastActivityAt).not.toBeNull();
    // Presence shows the server's names, whatever a client writes in its own state.
    alex.awareness.setLocalStateField("user", { name: "Someone Else", userId: "x" });
    await eventually(
      () =>
        [...chris.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === "Alex Staff",
        ),
      10_000,
      "alex's presence",
    );
    const names = [...chris.awareness.getStates().values()].map(
      (s) => (s as { user: { name: string } }).user.name,
    );
    expect(names).not.toContain("Someone Else");
  });

  it("opens the document read-only for a trust leader, whose edits reach nobody", async () => {
    const alex = await openAs(world.people.staff.id);
    const david = await openAs(world.people.trustLeader.id);
    await eventually(
      () => david.status().readOnly === true && david.status().synced,
      20_000,
      "david in",
    );
    await eventually(() => alex.status().synced, 20_000, "alex in");
    david.doc.getText("observer-field").insert(0, "observer was here");
    alex.doc.getText("writer-field").insert(0, "writer was here");
    await eventually(
      () => david.doc.getText("writer-field").toString() === "writer was here",
      10_000,
      "the observer sees the writer",
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alex.doc.getText("observer-field").toString()).toBe("");
    const live = await server.liveblocks!.read(name);
    expect(live.getText("observer-field").toString()).toBe("");
    expect(david.save().unsavedEdits).toBe(false);
  });

  it("answers many asks for one document, each still right; asks made together share one or two pulls", async () => {
    const cookie = await cookieFor(world.people.staff.id);
    await server.liveblocks!.ensureRoom(name);
    // What a browser holds: the room's document plus an edit Liveblocks has (sent over REST,
    // as a browser's provider would have sent it) …
    const browser = await server.liveblocks!.read(name);
    const before = Y.encodeStateVector(browser);
    browser.getMap("meta").set("coalesced", "stored");
    await server.liveblocks!.client.sendYjsBinaryUpdate(
      name,
      Y.encodeStateAsUpdate(browser, before),
    );
    const covered = Buffer.from(Y.encodeSnapshot(Y.snapshot(browser))).toString("base64");
    // … and another browser with an edit Liveblocks never received.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(browser));
    offline.getMap("meta").set("never-sent", "local only");
    const uncovered = Buffer.from(Y.encodeSnapshot(Y.snapshot(offline))).toString("base64");

    // One ask first, so the route and its session lookup are warm and the burst arrives together.
    await post("/collab/liveblocks-saved", { room: name, snapshot: covered }, cookie);
    const reads = () => dev.requests("GET", `/v2/rooms/${name}/ydoc-binary`);
    const readsBefore = reads();
    const asks = Array.from({ length: 8 }, (_, i) =>
      post(
        "/collab/liveblocks-saved",
        { room: name, snapshot: i % 3 ? covered : uncovered },
        cookie,
      ),
    );
    const answers = await Promise.all(
      asks.map(async (ask) => {
        const response = await ask;
        expect(response.status).toBe(200);
        return ((await response.json()) as { durable: boolean }).durable;
      }),
    );
    expect(answers).toEqual(Array.from({ length: 8 }, (_, i) => i % 3 !== 0));
    // The dev server's own request log: the room was read for those 8 asks. How often depends on
    // how far apart they arrive, which on a busy machine is up to the machine.
    await eventually(() => reads() > readsBefore, 5000, "the log shows the read");
    // Coalescing itself, where arrival is not: eight asks in one turn share one read, and eight
    // more made once it has started share one more.
    const readsBeforeTogether = reads();
    const together = Array.from({ length: 8 }, () => server.liveblocks!.pull(name));
    await eventually(() => reads() > readsBeforeTogether, 5000, "the first read starts");
    const during = Array.from({ length: 8 }, () => server.liveblocks!.pull(name));
    await Promise.all([...together, ...during]);
    expect(reads() - readsBeforeTogether).toBe(2);
    const stored = await loadStoredDocument(name);
    const copy = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(copy, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getMap("meta").get("coalesced")).toBe("stored");
    expect(copy.getMap("meta").get("never-sent")).toBeUndefined();
  });

  it("does not let someone who may only read start a pull (a pull stores what the room holds)", async () => {
    await server.liveblocks!.ensureRoom(name);
    // Content in the room that MongoDB lacks, as a modified observer client could put there
    // (the dev server does not refuse an observer's Yjs update: ADR 021).
    const live = await server.liveblocks!.read(name);
    const before = Y.encodeStateVector(live);
    live.getMap("meta").set("unpulled", "written into the room");
    await server.liveblocks!.client.sendYjsBinaryUpdate(name, Y.encodeStateAsUpdate(live, before));
    const snapshot = Buffer.from(Y.encodeSnapshot(Y.snapshot(live))).toString("base64");
    const reads = () => dev.requests("GET", `/v2/rooms/${name}/ydoc-binary`);
    const readsBefore = reads();
    const leader = await post(
      "/collab/liveblocks-saved",
      { room: name, snapshot },
      await cookieFor(world.people.trustLeader.id),
    );
    expect(leader.status).toBe(403);
    expect(await leader.json()).toMatchObject({ reason: expect.stringMatching(/only read/) });
    const outsider = await post(
      "/collab/liveblocks-saved",
      { room: name, snapshot },
      await cookieFor(world.people.otherStaff.id),
    );
    expect(outsider.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reads()).toBe(readsBefore);
    const stored = await loadStoredDocument(name);
    const copy = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(copy, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getMap("meta").get("unpulled")).toBeUndefined();
    // A writer's ask pulls it: the remaining gap (ADR 021), shown rather than hidden.
    const staff = await post(
      "/collab/liveblocks-saved",
      { room: name, snapshot },
      await cookieFor(world.people.staff.id),
    );
    expect(await staff.json()).toEqual({ durable: true });
  });

  it("when a person's sessions end, shuts the room's door on them and their browser leaves", async () => {
    const alex = await openAs(world.people.staff.id);
    const chris = await openAs(world.people.staff2.id);
    await eventually(() => chris.status().readOnly === false, 20_000, "chris in");
    await eventually(() => alex.status().synced, 20_000, "alex in");
    const present = async () =>
      (await server.liveblocks!.client.getActiveUsers(name)).data.map((user) => user.id);
    expect(await present()).toContain(world.people.staff2.id);

    // Alex is signed in elsewhere too: one of Alex's sessions ending keeps Alex's grant.
    await cookieFor(world.people.staff.id);
    const ended = await SessionModel.findOne({ userId: world.people.staff.id })
      .sort({ createdAt: 1 })
      .lean();
    await revokeSessionOf(world.people.staff.id, ended!._id.toString());
    await server.liveblocks!.endSessions({ sessionIds: [ended!._id.toString()] });
    expect(await roomAccesses(name)).toHaveProperty(world.people.staff.id);

    // An ID token Chris's browser holds (it would reuse it to reconnect).
    const issued = await post(
      "/collab/liveblocks-auth",
      { room: name },
      await cookieFor(world.people.staff2.id),
    );
    const { token: heldToken } = (await issued.json()) as { token: string };

    // Chris is signed out everywhere (a trust admin's "sign out everywhere").
    await revokeSessionsOfUser(world.people.staff2.id);
    await server.liveblocks!.endSessions({ userId: world.people.staff2.id });
    expect(await roomAccesses(name)).not.toHaveProperty(world.people.staff2.id);
    // The held token no longer opens the room: the dev server refuses it at the door.
    const client = createClient({
      baseUrl: dev.baseUrl,
      authEndpoint: async () => ({ token: heldToken }),
      polyfills: { WebSocket },
    } as Parameters<typeof createClient>[0]);
    const { room: held, leave: leaveHeld } = client.enterRoom(name, { initialPresence: {} });
    const statuses: string[] = [];
    held.subscribe("status", (status) => void statuses.push(status));
    await eventually(() => held.getStatus() === "disconnected", 10_000, "refused at the door");
    expect(statuses).not.toContain("connected");
    leaveHeld();
    // Liveblocks has no call to close Chris's open connection: it is still there …
    expect(await present()).toContain(world.people.staff2.id);
    // … until Chris's browser next talks to us (here: asking whether an edit is saved).
    chris.doc.getMap("meta").set("after-sign-out", "typed");
    await eventually(() => chris.status().readOnly === true, 10_000, "chris locked");
    await eventually(
      async () => !(await present()).includes(world.people.staff2.id),
      10_000,
      "chris left the room",
    );
    expect(rooms.at(-1)!.room.sessionEnded()).toBe(true);
    expect(rooms.at(-2)!.room.sessionEnded()).toBe(false);
  });

  it("locks a document whose writer may now only read, once their browser next asks", async () => {
    // School staff who is also a trust leader: writes now, may only read once no longer staff.
    const editor = await buildUser("schoolStaff", world.trust, world.school);
    await grantRole(world.trust.id, { userId: editor.id, role: "trustLeader" });
    const work = await openAs(editor.id);
    await eventually(() => work.status().readOnly === false, 20_000, "writable");
    const membership = (await listMembershipsOfUser(editor.id)).find(
      (m) => m.role === "schoolStaff",
    )!;
    await removeMembership(world.trust.id, membership.id);
    await server.liveblocks!.recheckAccess([editor.id]);
    expect((await roomAccesses(name))[editor.id]).toEqual([...READ_SCOPES]);
    // The open connection keeps its write scope (Liveblocks closes nothing); the next ask is
    // refused as read-only, and the page locks the document for good.
    work.doc.getMap("meta").set("demoted-edit", "typed");
    await eventually(() => work.status().readOnly === true, 10_000, "locked");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(work.status().readOnly).toBe(true);
    expect(work.status().refused).toBeNull();
    expect(rooms.at(-1)!.room.sessionEnded()).toBe(false);
  });

  it("leaves a document its writer may no longer read, once their browser next asks", async () => {
    const editor = await buildUser("schoolStaff", world.trust, world.school);
    const work = await openAs(editor.id);
    await eventually(() => work.status().readOnly === false, 20_000, "writable");
    const present = async () =>
      (await server.liveblocks!.client.getActiveUsers(name)).data.map((user) => user.id);
    expect(await present()).toContain(editor.id);
    const membership = (await listMembershipsOfUser(editor.id))[0];
    await removeMembership(world.trust.id, membership.id);
    await server.liveblocks!.recheckAccess([editor.id]);
    expect(await roomAccesses(name)).not.toHaveProperty(editor.id);
    work.doc.getMap("meta").set("after-removal", "typed");
    await eventually(() => work.status().refused !== null, 10_000, "refused");
    expect(work.status().readOnly).toBe(true);
    await eventually(async () => !(await present()).includes(editor.id), 10_000, "left");
    expect(rooms.at(-1)!.room.sessionEnded()).toBe(false);
  });

  it("after a permission change, sets each room's grant to what our policy says now", async () => {
    // A grant left over from before (as if the validator had lost access since).
    await server.liveblocks!.client.updateRoom(name, {
      usersAccesses: { [world.people.validator.id]: ["room:write"] },
    });
    await server.liveblocks!.client.updateRoom(name, {
      usersAccesses: { [world.people.trustLeader.id]: ["room:write"] },
    });
    await server.liveblocks!.recheckAccess([
      world.people.validator.id,
      world.people.trustLeader.id,
    ]);
    const accesses = await roomAccesses(name);
    expect(accesses).not.toHaveProperty(world.people.validator.id);
    expect(accesses[world.people.trustLeader.id]).toEqual([...READ_SCOPES]);
  });

  it("writes server-side changes through the REST API, durable when the call returns", async () => {
    await server.liveblocks!.change(name, (doc) =>
      doc.getMap("meta").set("server-note", "from the server"),
    );
    const live = await server.liveblocks!.read(name);
    expect(live.getMap("meta").get("server-note")).toBe("from the server");
    const stored = await loadStoredDocument(name);
    const copy = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(copy, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getMap("meta").get("server-note")).toBe("from the server");
  });

  it("takes a signed ydocUpdated webhook and pulls the room into MongoDB; refuses a bad signature (401)", async () => {
    // A change only Liveblocks has (sent straight to its REST API, as another backend would).
    const doc = await server.liveblocks!.read(name);
    const before = Y.encodeStateVector(doc);
    doc.getMap("meta").set("webhook-note", "pulled");
    await server.liveblocks!.client.sendYjsBinaryUpdate(name, Y.encodeStateAsUpdate(doc, before));
    const body = JSON.stringify({
      type: "ydocUpdated",
      data: { projectId: "localdev", roomId: name, updatedAt: new Date().toISOString() },
    });
    const id = `msg_${randomBytes(8).toString("hex")}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const key = Buffer.from(WEBHOOK_SECRET.slice("whsec_".length), "base64");
    const signature = createHmac("sha256", key)
      .update(`${id}.${timestamp}.${body}`)
      .digest("base64");
    const headers = { "webhook-id": id, "webhook-timestamp": timestamp };

    const forged = await post("/collab/liveblocks-webhook", body, null, {
      ...headers,
      "webhook-signature": `v1,${Buffer.from("forged").toString("base64")}`,
    });
    expect(forged.status).toBe(401);
    const storedAfterForged = await loadStoredDocument(name);
    const seen = new Y.Doc();
    if (storedAfterForged.snapshot) Y.applyUpdate(seen, storedAfterForged.snapshot);
    for (const { update } of storedAfterForged.updates) Y.applyUpdate(seen, update);
    expect(seen.getMap("meta").get("webhook-note")).toBeUndefined();

    const signed = await post("/collab/liveblocks-webhook", body, null, {
      ...headers,
      "webhook-signature": `v1,${signature}`,
    });
    expect(signed.status).toBe(200);
    const stored = await loadStoredDocument(name);
    const copy = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(copy, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getMap("meta").get("webhook-note")).toBe("pulled");
  });
});

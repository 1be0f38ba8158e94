import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE } from "../../collab/close-codes.ts";
import { documentName } from "../../collab/document-name.ts";
import { READ_ONLY_REFUSAL } from "../../collab/yjs-edge.ts";
import {
  AccessTokenModel,
  createAccessToken,
  type TokenScope,
} from "../../models/access-token/access-token.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import { grantRole, loadActor } from "../../models/membership/membership.ts";
import type { AppServer } from "../../server/app.ts";
import { createToken, revokeToken } from "../../server/commands/access-tokens.ts";
import { revokeSessions } from "../../server/commands/revoke-sessions.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import {
  buildEvaluation,
  buildSchool,
  buildTrust,
  buildUser,
  buildWorld,
} from "../support/factories.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";
import { connectYjs, type YjsClient } from "../support/yjs-client.ts";

useTestDatabase();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let name: string;
const clients: { destroy(): void }[] = [];
let fieldCount = 0;

beforeAll(async () => {
  world = await buildWorld();
  name = documentName("evaluation", world.evaluation.id);
  server = await startTestServer();
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

afterAll(async () => {
  await server.close();
});

/** A text field of the evaluation document that no other test writes to. */
const freshField = () => `yjs-endpoint-${++fieldCount}`;

async function tokenFor(userId: string, scope: TokenScope, trustId = world.trust.id) {
  const actor = (await loadActor(userId))!;
  const { secret, token } = await createToken(
    { actor, collab: server.collab },
    { name: `test ${scope}`, scope, trustId, lifetimeDays: "30" },
  );
  return { secret, id: token.id };
}

function yjs(credentials: Parameters<typeof connectYjs>[2], doc = name): YjsClient {
  const client = connectYjs(server.url, doc, credentials);
  clients.push(client);
  return client;
}

async function hocuspocus(userId: string): Promise<TestClient> {
  const client = connectClient(server.url, name, await cookieFor(userId));
  clients.push(client);
  await client.synced;
  return client;
}

function storedText(stored: Awaited<ReturnType<typeof loadStoredDocument>>, field: string) {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return doc.getText(field).toString();
}

/** The HTTP status a WebSocket upgrade to `path` is answered with (101: it was taken). */
function upgradeStatus(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, {
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": randomBytes(16).toString("base64"),
        ...headers,
      },
    });
    req.on("upgrade", (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

type Presence = { user?: { name?: string; userId?: string; observing?: boolean } };

describe("/yjs/<document name>: the y-websocket protocol into the same server", () => {
  it("co-edits with a Hocuspocus client, both ways, with presence stamped by the server", async () => {
    const { secret } = await tokenFor(world.people.staff.id, "readWrite");
    const integration = yjs({ token: secret });
    const browser = await hocuspocus(world.people.staff2.id);
    await integration.synced;
    // It sees what is already there: the seeded evaluation.
    expect(integration.doc.getMap("meta").get("evaluationId")).toBe(world.evaluation.id);

    const field = freshField();
    integration.doc.getText(field).insert(0, "from the MIS import");
    await eventually(
      () => browser.doc.getText(field).toString() === "from the MIS import",
      5000,
      "the y-websocket edit at the Hocuspocus client",
    );
    browser.doc.getText(field).insert(0, "Checked: ");
    await eventually(
      () => integration.doc.getText(field).toString() === "Checked: from the MIS import",
      5000,
      "the Hocuspocus edit at the y-websocket client",
    );

    // Whatever the integration claims, others see who it is: the token's person.
    integration.provider.awareness.setLocalStateField("user", { name: "Someone else" });
    await eventually(
      () =>
        [...browser.provider.awareness!.getStates().values()].some(
          (s) => (s as Presence).user?.userId === world.people.staff.id,
        ),
      5000,
      "the integration's presence at the browser",
    );
    const seen = [...browser.provider.awareness!.getStates().values()].find(
      (s) => (s as Presence).user?.userId === world.people.staff.id,
    ) as Presence;
    expect(seen.user?.name).toBe("Alex Staff");
    browser.provider.setAwarenessField("user", { name: "Mallory" });
    await eventually(
      () =>
        [...integration.provider.awareness.getStates().values()].some(
          (s) => (s as Presence).user?.name === "Chris Staff",
        ),
      5000,
      "the browser's stamped presence at the integration",
    );
  });

  it("takes a Bearer header as well as ?token=, and a session cookie from this site", async () => {
    const { secret } = await tokenFor(world.people.schoolLeader.id, "readWrite");
    const bearer = yjs({ bearer: secret });
    const cookie = yjs({ cookie: await cookieFor(world.people.staff2.id) });
    await Promise.all([bearer.synced, cookie.synced]);
    const field = freshField();
    bearer.doc.getText(field).insert(0, "bearer");
    await eventually(() => cookie.doc.getText(field).toString() === "bearer", 5000, "the edit");
  });

  it("refuses a read-only token's edits: they reach neither the other client nor the log", async () => {
    const { secret } = await tokenFor(world.people.staff.id, "read");
    const reader = yjs({ token: secret });
    const browser = await hocuspocus(world.people.staff2.id);
    await reader.synced;
    const field = freshField();
    browser.doc.getText(field).insert(0, "visible to readers");
    await eventually(
      () => reader.doc.getText(field).toString() === "visible to readers",
      5000,
      "the edit at the read-only client",
    );

    reader.doc.getText(field).insert(0, "NOT ALLOWED ");
    await eventually(() => reader.refusals.length > 0, 5000, "the refusal");
    expect(reader.refusals[0]).toBe(READ_ONLY_REFUSAL);
    // A later edit by a writer still arrives, so the refused one had its chance to, and did not.
    browser.doc.getText(field).insert(0, "later ");
    await eventually(
      () => reader.doc.getText(field).toString().includes("later "),
      5000,
      "the later edit",
    );
    await browser.whenSaved();
    expect(browser.doc.getText(field).toString()).toBe("later visible to readers");
    expect(storedText(await loadStoredDocument(name), field)).toBe("later visible to readers");
    // It is shown as an observer.
    reader.provider.awareness.setLocalStateField("cursor", 1);
    await eventually(
      () =>
        [...browser.provider.awareness!.getStates().values()].some(
          (s) =>
            (s as Presence).user?.userId === world.people.staff.id &&
            (s as Presence).user?.observing === true,
        ),
      5000,
      "the reader's presence as an observer",
    );
  });

  it("closes an open socket within 2 s of its token being revoked, and refuses it from then on", async () => {
    const { secret, id } = await tokenFor(world.people.staff.id, "readWrite");
    const integration = yjs({ token: secret });
    await integration.synced;
    const actor = (await loadActor(world.people.staff.id))!;
    const started = Date.now();
    await revokeToken({ actor, collab: server.collab }, { tokenId: id });
    await eventually(
      () => integration.closeEvents.some((e) => e.code === CLOSE.tokenEnded.code),
      2000,
      "the close",
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(integration.closeEvents.at(-1)).toEqual(CLOSE.tokenEnded);
    // y-websocket does not retry a close in the 4400s; a new client is refused at once.
    const again = yjs({ token: secret });
    await eventually(() => again.closeEvents.length > 0, 5000, "the refusal");
    expect(again.closeEvents[0]).toEqual(CLOSE.tokenEnded);
    expect(again.provider.synced).toBe(false);
    const audit = await AuditModel.find({ action: "accessTokenRevoked" }).lean();
    expect(audit.some((entry) => entry.details?.tokenId === id)).toBe(true);
  });

  it("refuses an expired token, and a token of another trust", async () => {
    const expired = await createAccessToken({
      userId: world.people.staff.id,
      trustId: world.trust.id,
      name: "old",
      scope: "readWrite",
      expiresAt: new Date(Date.now() - 1000),
    });
    const late = yjs({ token: expired.secret });
    await eventually(() => late.closeEvents.length > 0, 5000, "the expired token's refusal");
    expect(late.closeEvents[0]).toEqual(CLOSE.tokenEnded);

    // The same person also works for a second trust; a token for that one opens nothing here.
    const otherTrust = await buildTrust();
    const otherSchool = await buildSchool(otherTrust);
    await grantRole(otherTrust.id, {
      userId: world.people.staff.id,
      role: "schoolStaff",
      schoolId: otherSchool.id,
    });
    const elsewhere = await tokenFor(world.people.staff.id, "readWrite", otherTrust.id);
    const wrongTrust = yjs({ token: elsewhere.secret });
    await eventually(() => wrongTrust.closeEvents.length > 0, 5000, "the other trust's refusal");
    expect(wrongTrust.closeEvents[0]).toEqual(CLOSE.forbidden);
    expect(wrongTrust.refusals).toEqual([CLOSE.forbidden.reason]);
    // …but it opens that trust's evaluations.
    const theirs = await buildEvaluation(otherSchool, world.people.staff, otherTrust);
    const right = yjs({ token: elsewhere.secret }, documentName("evaluation", theirs.id));
    await right.synced;
    expect(right.doc.getMap("meta").get("evaluationId")).toBe(theirs.id);
  });

  it("refuses a socket with no credentials, a malformed name, and a cookie from another site", async () => {
    const anonymous = yjs({});
    await eventually(() => anonymous.closeEvents.length > 0, 5000, "the refusal");
    expect(anonymous.closeEvents[0]).toEqual(CLOSE.forbidden);
    const { secret } = await tokenFor(world.people.staff.id, "readWrite");
    const malformed = yjs({ token: secret }, `${name}%00x`);
    await eventually(() => malformed.closeEvents.length > 0, 5000, "the malformed name's refusal");
    expect(malformed.closeEvents[0]).toEqual(CLOSE.forbidden);
    const status = await upgradeStatus(`/yjs/${name}`, {
      origin: "https://elsewhere.example",
      cookie: await cookieFor(world.people.staff.id),
    });
    expect(status).toBe(403);
  });

  it("keeps the edit: in the update log at once, and after a restart", async () => {
    const { secret } = await tokenFor(world.people.schoolLeader.id, "readWrite");
    const integration = yjs({ token: secret });
    await integration.synced;
    const field = freshField();
    integration.doc.getText(field).insert(0, "durable through /yjs/");
    await eventually(
      async () => storedText(await loadStoredDocument(name), field) === "durable through /yjs/",
      5000,
      "the edit in the update log",
    );
    integration.destroy();
    await server.close();
    server = await startTestServer();
    const after = yjs({ token: secret });
    await after.synced;
    expect(after.doc.getText(field).toString()).toBe("durable through /yjs/");
  });

  it("a trust admin's 'Sign out everywhere' also revokes the person's tokens and closes their sockets", async () => {
    const person = await buildUser("schoolStaff", world.trust, world.school);
    const { secret, id } = await tokenFor(person.id, "readWrite");
    const integration = yjs({ token: secret });
    await integration.synced;
    const admin = (await loadActor(world.people.trustAdmin.id))!;
    await revokeSessions({ actor: admin, collab: server.collab }, { userId: person.id });
    await eventually(
      () => integration.closeEvents.some((e) => e.code === CLOSE.tokenEnded.code),
      2000,
      "the token's socket closed",
    );
    expect((await AccessTokenModel.findById(id).lean())!.revokedAt).not.toBeNull();
  });

  it("limits token checks from one address (last: it uses up this address's allowance)", async () => {
    const stored = await AccessTokenModel.countDocuments({});
    expect(stored).toBeGreaterThan(0);
    let limited = false;
    for (let i = 0; i < 30 && !limited; i++) {
      if ((await upgradeStatus(`/yjs/${name}?token=qmt_wrong${i}`, {})) === 429) limited = true;
    }
    expect(limited).toBe(true);
  });
});

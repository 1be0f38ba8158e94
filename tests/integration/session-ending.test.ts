import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE } from "../../collab/close-codes.ts";
import { documentName } from "../../collab/document-name.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import { listMembershipsOfUser } from "../../models/membership/membership.ts";
import {
  SessionModel,
  createSession,
  replaceSession,
  revokeSessionsOfUser,
} from "../../models/session/session.ts";
import { codeAt } from "../../models/second-factor/totp.ts";
import type { Role } from "../../models/permissions/roles.ts";
import { grantRole } from "../../models/membership/membership.ts";
import { UserModel } from "../../models/user/user.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, eventually, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { TEST_PASSWORD, buildUser, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { openRawCollabSocket } from "../support/raw-collab-socket.ts";
import { ensureSecondFactor, setUpKeyOn } from "../support/second-factor.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor, cookieOfToken } from "../support/sessions.ts";

useTestDatabase();

let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let name: string;
let discussion: string;
const clients: TestClient[] = [];
let fieldCount = 0;

beforeAll(async () => {
  world = await buildWorld();
  name = documentName("evaluation", world.evaluation.id);
  discussion = documentName("discussion", world.evaluation.id);
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.close();
});

/** A text field of the evaluation document that no other test writes to. */
const freshField = () => `session-ending-${++fieldCount}`;

function connect(cookie: string | null, doc = name): TestClient {
  const client = connectClient(server.url, doc, cookie);
  clients.push(client);
  return client;
}

/** An HTTP session signed in as `userId` (one new server-side session), with its CSRF token. */
async function signedIn(userId: string): Promise<HttpSession> {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get("/home");
  return http;
}

/** A person of the world's school, so each test ends only its own people's sessions. */
async function person(role: Role = "schoolStaff") {
  return buildUser(role, world.trust, role === "schoolStaff" ? world.school : undefined);
}

/** The page as rendered, without the data Remix serialises into scripts for hydration. */
const rendered = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

function storedText(stored: Awaited<ReturnType<typeof loadStoredDocument>>, field: string) {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return doc.getText(field).toString();
}

/** Waits until `client`'s socket is closed with `reason`, and says how long it took. */
async function closedWith(client: TestClient, reason: { code: number; reason: string }) {
  await eventually(
    () => client.closeEvents.some((e) => e.code === reason.code),
    2000,
    `a close with ${reason.code}`,
  );
  expect(client.closeEvents.find((e) => e.code === reason.code)).toEqual(reason);
}

/**
 * A colleague's edit made after `field` was tried is stored and seen, while `field` still holds
 * only `expected`: what the ended or demoted socket sent went nowhere.
 */
async function expectOnly(field: string, expected: string, witness: TestClient) {
  const marker = freshField();
  witness.doc.getText(marker).insert(0, "later");
  await witness.whenSaved();
  const fresh = connect(await cookieFor(world.people.staff2.id));
  await fresh.synced;
  await eventually(() => fresh.doc.getText(marker).toString() === "later");
  expect(fresh.doc.getText(field).toString()).toBe(expected);
  expect(witness.doc.getText(field).toString()).toBe(expected);
  expect(storedText(await loadStoredDocument(name), field)).toBe(expected);
}

async function colleague(): Promise<TestClient> {
  const client = connect(await cookieFor(world.people.staff2.id));
  await client.synced;
  return client;
}

async function auditCount(action: string, userId: string) {
  return AuditModel.countDocuments({ action, subject: `user:${userId}` });
}

describe("signing out ends the session's sockets", () => {
  it("closes the editor's socket within 2 s; what it sends afterwards reaches nobody; its other sessions carry on", async () => {
    const editor = await person();
    const http = await signedIn(editor.id);
    const socket = connect(http.cookieHeader);
    const otherDevice = connect(await cookieFor(editor.id));
    const witness = await colleague();
    await Promise.all([socket.synced, otherDevice.synced]);
    const field = freshField();
    socket.doc.getText(field).insert(0, "before ");
    await eventually(() => witness.doc.getText(field).toString() === "before ");

    const started = Date.now();
    expect((await http.post("/sign-out", {})).location).toBe("/sign-in");
    await closedWith(socket, CLOSE.sessionEnded);
    expect(Date.now() - started).toBeLessThan(2000);

    // The provider tries again with the same, now revoked, cookie: refused, as signed out.
    socket.doc.getText(field).insert(socket.doc.getText(field).length, "after");
    await eventually(
      () => socket.authEvents.includes(`refused: ${CLOSE.sessionEnded.reason}`),
      5000,
      "the reconnect refused as signed out",
    );
    await expectOnly(field, "before ", witness);
    // Only the signed-out session ended: the same person's other device is still connected.
    expect(otherDevice.closeEvents).toEqual([]);
  });

  it("does not hear a socket that ignores the close and keeps sending", async () => {
    const editor = await person();
    const http = await signedIn(editor.id);
    const raw = await openRawCollabSocket(server.url, http.cookieHeader);
    const witness = await colleague();
    raw.open(name);
    await eventually(() => raw.answers.includes(`${name} authenticated read-write`));
    const field = freshField();
    const attacker = new Y.Doc();
    const updates: Uint8Array[] = [];
    attacker.on("update", (u: Uint8Array) => updates.push(u));
    attacker.getText(field).insert(0, "before ");
    raw.sendUpdate(name, updates[0]);
    await eventually(() => witness.doc.getText(field).toString() === "before ");

    const started = Date.now();
    await http.post("/sign-out", {});
    expect(await raw.closeFrame).toEqual(CLOSE.sessionEnded);
    expect(Date.now() - started).toBeLessThan(2000);
    // It never answers the close, and goes on: an edit, then a second document.
    attacker.getText(field).insert(7, "after");
    raw.sendUpdate(name, updates[1]);
    raw.open(discussion);
    await raw.gone;
    expect(raw.answers).toEqual([`${name} authenticated read-write`]);
    await expectOnly(field, "before ", witness);
  });

  it("refuses a document opened after the session was revoked elsewhere, and closes the socket", async () => {
    const editor = await person();
    const socket = connect(await cookieFor(editor.id));
    await socket.synced;
    // Revoked in the database only, as another process would: nobody told this one.
    await revokeSessionsOfUser(editor.id);
    await expect(socket.alsoOpen(discussion).authenticated).rejects.toThrow(
      CLOSE.sessionEnded.reason,
    );
    await closedWith(socket, CLOSE.sessionEnded);
  });
});

describe("changing one's password", () => {
  it("closes the person's other sessions' sockets within 2 s; the current one carries on", async () => {
    const editor = await person();
    const here = await signedIn(editor.id);
    const elsewhere = await signedIn(editor.id);
    const mine = connect(here.cookieHeader);
    const theirs = connect(elsewhere.cookieHeader);
    const witness = await colleague();
    await Promise.all([mine.synced, theirs.synced]);

    const started = Date.now();
    const newPassword = "a brand new passphrase";
    const changed = await here.post("/account", {
      currentPassword: TEST_PASSWORD,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(changed.status).toBe(200);
    expect(rendered(changed.html)).toContain("Your password has been changed.");
    await closedWith(theirs, CLOSE.sessionEnded);
    expect(Date.now() - started).toBeLessThan(2000);

    const field = freshField();
    mine.doc.getText(field).insert(0, "still here");
    await eventually(() => witness.doc.getText(field).toString() === "still here");
    expect(mine.closeEvents).toEqual([]);
    expect((await here.get("/home")).status).toBe(200);
    expect((await elsewhere.get("/home")).location).toMatch(/^\/sign-in/);
    expect(await auditCount("passwordChanged", editor.id)).toBe(1);

    const signIn = new HttpSession(server.url);
    const email = (await UserModel.findById(editor.id).lean())!.email;
    expect((await signIn.post("/sign-in", { email, password: TEST_PASSWORD })).status).toBe(400);
    expect((await signIn.post("/sign-in", { email, password: newPassword })).status).toBe(302);
  });
});

describe("a trust admin's controls", () => {
  let admin: HttpSession;
  beforeAll(async () => {
    admin = await signedIn(world.people.trustAdmin.id);
    await admin.get("/trust");
  });

  async function membershipOf(userId: string, role: Role) {
    const memberships = await listMembershipsOfUser(userId);
    return memberships.find((m) => m.role === role)!;
  }

  it("removing a role closes what it gave within 2 s: read-only where another role still reads, refused where nothing does", async () => {
    // Staff who is also a trust leader keeps read access; staff alone keeps nothing.
    const leader = await person();
    await grantRole(world.trust.id, { userId: leader.id, role: "trustLeader" });
    const staff = await person();
    const demoted = connect(await cookieFor(leader.id));
    const removed = connect(await cookieFor(staff.id));
    const witness = await colleague();
    expect(await demoted.authenticated).toBe("read-write");
    expect(await removed.authenticated).toBe("read-write");
    await Promise.all([demoted.synced, removed.synced]);

    const started = Date.now();
    for (const userId of [leader.id, staff.id]) {
      const membership = await membershipOf(userId, "schoolStaff");
      const response = await admin.post("/trust", {
        intent: "removeRole",
        membershipId: membership.id,
        personId: userId,
      });
      expect(response.status).toBe(200);
      expect(rendered(response.html)).toContain("is no longer school staff here.");
    }
    await closedWith(demoted, CLOSE.accessChanged);
    await closedWith(removed, CLOSE.accessChanged);
    expect(Date.now() - started).toBeLessThan(2000);

    // Each reconnects as the policy now says.
    await eventually(() => demoted.authEvents.at(-1) === "readonly", 5000, "read-only again");
    await eventually(
      () => removed.authEvents.at(-1) === `refused: ${CLOSE.forbidden.reason}`,
      5000,
      "refused",
    );
    const field = freshField();
    demoted.doc.getText(field).insert(0, "observer ");
    removed.doc.getText(field).insert(0, "outsider ");
    await expectOnly(field, "", witness);
    expect(await auditCount("roleRemoved", leader.id)).toBe(1);
    expect(await auditCount("roleRemoved", staff.id)).toBe(1);
  });

  it("leaves alone the sockets of a person whose access did not change", async () => {
    // A second school role at another school: the evaluation's access is unchanged.
    const staff = await person();
    await grantRole(world.trust.id, {
      userId: staff.id,
      role: "schoolStaff",
      schoolId: world.otherSchool.id,
    });
    const socket = connect(await cookieFor(staff.id));
    await socket.synced;
    const other = (await listMembershipsOfUser(staff.id)).find(
      (m) => m.schoolId === world.otherSchool.id,
    )!;
    const response = await admin.post("/trust", {
      intent: "removeRole",
      membershipId: other.id,
      personId: staff.id,
    });
    expect(response.status).toBe(200);
    const field = freshField();
    const witness = await colleague();
    socket.doc.getText(field).insert(0, "carry on");
    await eventually(() => witness.doc.getText(field).toString() === "carry on");
    expect(socket.closeEvents).toEqual([]);
  });

  it("signing a person out everywhere closes every socket of theirs within 2 s", async () => {
    const staff = await person();
    const phone = connect(await cookieFor(staff.id));
    const laptop = connect(await cookieFor(staff.id));
    await Promise.all([phone.synced, laptop.synced]);

    const started = Date.now();
    const response = await admin.post("/trust", {
      intent: "signOutEverywhere",
      userId: staff.id,
      personId: staff.id,
    });
    expect(response.status).toBe(200);
    expect(rendered(response.html)).toContain("has been signed out everywhere.");
    await closedWith(phone, CLOSE.sessionEnded);
    await closedWith(laptop, CLOSE.sessionEnded);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await SessionModel.countDocuments({ userId: staff.id, revokedAt: null })).toBe(0);
    expect(await auditCount("sessionsRevoked", staff.id)).toBe(1);
  });

  it("resetting a person's second factor closes every socket of theirs within 2 s (a lost phone may be in someone else's hands)", async () => {
    const staff = await person();
    await ensureSecondFactor(staff.id);
    const phone = connect(await cookieFor(staff.id));
    const laptop = connect(await cookieFor(staff.id));
    await Promise.all([phone.synced, laptop.synced]);

    const started = Date.now();
    const response = await admin.post(`/trust/people/${staff.id}/two-factor`, {});
    expect(response.status).toBe(200);
    expect(rendered(response.html)).toContain("was reset and they were signed out everywhere");
    await closedWith(phone, CLOSE.sessionEnded);
    await closedWith(laptop, CLOSE.sessionEnded);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await SessionModel.countDocuments({ userId: staff.id, revokedAt: null })).toBe(0);
  });

  it("refuses to remove the admin's own last admin role, and anything not of this trust", async () => {
    const own = await membershipOf(world.people.trustAdmin.id, "trustAdmin");
    const refused = await admin.post("/trust", {
      intent: "removeRole",
      membershipId: own.id,
      personId: world.people.trustAdmin.id,
    });
    expect(refused.status).toBe(403);
    expect(rendered(refused.html)).toContain("You cannot remove your own last admin role");
    expect(await membershipOf(world.people.trustAdmin.id, "trustAdmin")).toBeDefined();

    const elsewhere = await buildWorld();
    const foreign = await membershipOf(elsewhere.people.staff.id, "schoolStaff");
    const unknown = await admin.post("/trust", {
      intent: "removeRole",
      membershipId: foreign.id,
      personId: elsewhere.people.staff.id,
    });
    expect(unknown.status).toBe(404);
    expect(await membershipOf(elsewhere.people.staff.id, "schoolStaff")).toBeDefined();
    const notOurs = await admin.post("/trust", {
      intent: "signOutEverywhere",
      userId: elsewhere.people.staff.id,
      personId: elsewhere.people.staff.id,
    });
    expect(notOurs.status).toBe(404);
  });

  it("is a trust admin's only", async () => {
    const staff = await signedIn(world.people.schoolLeader.id);
    const target = await membershipOf(world.people.staff2.id, "schoolStaff");
    const response = await staff.post("/trust", {
      intent: "removeRole",
      membershipId: target.id,
      personId: world.people.staff2.id,
    });
    expect(response.status).toBe(404);
    expect(await membershipOf(world.people.staff2.id, "schoolStaff")).toBeDefined();
  });
});

describe("turning two-factor sign-in on from one's account (a new session replaces the old)", () => {
  /** Sets two-factor sign-in up on the account page, as the person would; a 302 when done. */
  async function turnOnTwoFactor(http: HttpSession) {
    const key = setUpKeyOn((await http.get("/account/two-factor")).html);
    return http.post("/account/two-factor", { code: codeAt(key, new Date()) });
  }

  it("tells the old session's sockets at once to reconnect: the new cookie is let in to write, the old one is refused", async () => {
    const staff = await person();
    const http = await signedIn(staff.id);
    const oldCookie = http.cookieHeader;
    const otherTab = connect(oldCookie);
    const witness = await colleague();
    await otherTab.synced;

    const started = Date.now();
    expect((await turnOnTwoFactor(http)).status).toBe(302);
    expect(http.cookieHeader).not.toBe(oldCookie);
    await closedWith(otherTab, CLOSE.sessionRenewed);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(otherTab.closeEvents.some((e) => e.code === CLOSE.sessionEnded.code)).toBe(false);

    // The browser's tab reconnects with the cookie it holds now, and carries on writing.
    const reconnected = connect(http.cookieHeader);
    await reconnected.synced;
    const field = freshField();
    reconnected.doc.getText(field).insert(0, "typed after the renewal");
    await reconnected.whenSaved();
    await eventually(() => witness.doc.getText(field).toString() === "typed after the renewal");
    expect(storedText(await loadStoredDocument(name), field)).toBe("typed after the renewal");

    // A copy of the old cookie (the test client keeps reconnecting with it) is refused.
    await eventually(() => otherTab.authEvents.some((e) => e.startsWith("refused")), 5000);
    const stale = connect(oldCookie);
    await expect(stale.authenticated).rejects.toThrow(CLOSE.sessionEnded.reason);
  });

  it("20 parallel submissions of the form (a double-click, retries) turn it on once and start one new session", async () => {
    const staff = await person();
    const http = await signedIn(staff.id);
    const otherTab = connect(http.cookieHeader);
    await otherTab.synced;
    const page = await http.get("/account/two-factor");
    const key = setUpKeyOn(page.html);
    const code = codeAt(key, new Date());
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => http.post("/account/two-factor", { code })),
    );
    // One is done (a new session's cookie and the recovery codes). The others, behind it, find
    // the factor on and their session not past it, or ended: sent on to sign in. Each was
    // counted as a try (a burst of guesses must be), so those read while the first was still
    // under way, beyond the five tries an address has, are refused 429: they could not know yet
    // that it worked. None is told anything else, and none gets a cookie.
    const done = answers.filter((answer) => answer.location === "/account/two-factor");
    expect(done).toHaveLength(1);
    expect(done[0].response.headers.getSetCookie()).toHaveLength(2);
    for (const answer of answers.filter((a) => a !== done[0])) {
      if (answer.status === 429) expect(answer.html).toContain("Too many attempts");
      else expect(answer.location).toMatch(/^\/sign-in/);
      expect(answer.response.headers.getSetCookie()).toEqual([]);
    }
    // Five tries pass the limit (the one that worked among them): at most 15 refused.
    expect(answers.filter((a) => a.status === 429).length).toBeLessThanOrEqual(20 - 5);
    await closedWith(otherTab, CLOSE.sessionRenewed);
    expect(otherTab.closeEvents.filter((e) => e.code === CLOSE.sessionRenewed.code)).toHaveLength(
      1,
    );
    expect(await SessionModel.countDocuments({ userId: staff.id, revokedAt: null })).toBe(1);
    expect(await auditCount("secondFactorEnrolled", staff.id)).toBe(1);
  });

  it("a replaced session's socket that no signal reached is told by the sweep to reconnect, not that it ended", async () => {
    const sweeping = await startTestServer({ sessionSweepMs: 200 });
    try {
      const staff = await person();
      const { token } = await createSession(staff.id, "test");
      const socket = connectClient(sweeping.url, name, await cookieOfToken(token));
      clients.push(socket);
      await socket.synced;
      const replacement = await createSession(staff.id, "test");
      expect(await replaceSession(token, replacement.session.id)).not.toBeNull();
      await closedWith(socket, CLOSE.sessionRenewed);
    } finally {
      await sweeping.close();
    }
  });
});

describe("a page reconnecting after its session ended while it was away (a laptop asleep)", () => {
  it("is told its session ended, and closed, not that it has no access; a cookie no session had is refused as before", async () => {
    const staff = await person();
    const cookie = await cookieFor(staff.id);
    await revokeSessionsOfUser(staff.id);
    const away = connect(cookie);
    await expect(away.authenticated).rejects.toThrow(CLOSE.sessionEnded.reason);
    await closedWith(away, CLOSE.sessionEnded);

    const unknown = connect(await cookieOfToken(`${"0".repeat(24)}.${"x".repeat(43)}`));
    await expect(unknown.authenticated).rejects.toThrow(CLOSE.forbidden.reason);
    expect(unknown.closeEvents.some((e) => e.code === CLOSE.sessionEnded.code)).toBe(false);
  });
});

describe("sessions that expire while their socket is open", () => {
  it("are closed by the sweep", async () => {
    const sweeping = await startTestServer({ sessionSweepMs: 200 });
    try {
      const staff = await person();
      const socket = connectClient(sweeping.url, name, await cookieFor(staff.id));
      clients.push(socket);
      await socket.synced;
      await SessionModel.updateMany({ userId: staff.id }, { expiresAt: new Date(Date.now() - 1) });
      await closedWith(socket, CLOSE.sessionEnded);
    } finally {
      await sweeping.close();
    }
  });
});

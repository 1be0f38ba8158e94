import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentName } from "../../collab/document-name.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { secondFactorKey } from "../../app/utils/second-factor-key.server.ts";
import {
  SecondFactorModel,
  hasSecondFactor,
  useSecondFactor,
} from "../../models/second-factor/second-factor.ts";
import { codeAt } from "../../models/second-factor/totp.ts";
import { SessionModel } from "../../models/session/session.ts";
import { findUserByEmail } from "../../models/user/user.ts";
import type { AppServer } from "../../server/app.ts";
import { connectClient, type TestClient } from "../support/collab-client.ts";
import { useTestDatabase } from "../support/database.ts";
import { TEST_PASSWORD, buildTrust, buildUser, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { ensureSecondFactor, freshCodeFor, setUpKeyOn } from "../support/second-factor.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
const clients: TestClient[] = [];

beforeAll(async () => {
  world = await buildWorld();
  // Behind a trusted proxy, so a test can act from several addresses (X-Forwarded-For).
  server = await startTestServer({ trustProxy: true });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.close();
});

async function passwordStep(http: HttpSession, email: string) {
  return http.post("/sign-in", { email, password: TEST_PASSWORD });
}

/** Sessions of the person that have passed the second factor. */
async function passedSessions(userId: string): Promise<number> {
  const sessions = await SessionModel.find({ userId }).lean();
  return sessions.filter((s) => s.secondFactorAt && !s.revokedAt).length;
}

async function audited(action: string, userId: string) {
  return AuditModel.find({ action, subject: `user:${userId}` }).lean();
}

function socketWith(cookie: string) {
  const client = connectClient(server.url, documentName("evaluation", world.evaluation.id), cookie);
  clients.push(client);
  return client;
}

describe("a trust admin who has only given their password", () => {
  it("reaches no page, no action and no collab socket until the code (or set-up) is done", async () => {
    const withFactor = await buildUser("trustAdmin", world.trust, undefined, "Pat Pending");
    await ensureSecondFactor(withFactor.id);
    const withoutFactor = await buildUser("trustAdmin", world.trust, undefined, "Noor Newcomer");

    for (const [person, step] of [
      [withFactor, "/sign-in/code"],
      [withoutFactor, "/account/two-factor"],
    ] as const) {
      const http = new HttpSession(server.url);
      const signIn = await passwordStep(http, person.email);
      expect(signIn.status).toBe(302);
      expect(signIn.location).toBe(step);

      const home = await http.get("/home");
      expect(home.status).toBe(302);
      expect(home.location).toBe(step);
      const trust = await http.get("/trust");
      expect(trust.location).toBe(`${step}?redirectTo=${encodeURIComponent("/trust")}`);
      expect((await http.get("/trust/audit.csv")).status).toBe(302);

      const email = `added-by-${person.id}@test.example`;
      const add = await http.post("/trust", {
        intent: "addPerson",
        name: "Should Not Exist",
        email,
        role: "schoolStaff",
        schoolId: world.school.id,
        password: "a long first password",
      });
      expect(add.status).toBe(302);
      expect(await findUserByEmail(email)).toBeNull();

      const socket = socketWith(http.cookieHeader);
      await expect(socket.authenticated).rejects.toThrow(
        "You do not have access to this document.",
      );
    }

    // The same person, once signed in completely, does get the document (read-only).
    const complete = socketWith(await cookieFor(withFactor.id));
    expect(await complete.authenticated).toBe("readonly");
  });
});

describe("the second step", () => {
  it("refuses a wrong code (audited, nothing signed in), accepts the right one once, and ends the half-way session", async () => {
    const admin = await buildUser("trustAdmin", world.trust, undefined, "Robin Right");
    const { secret } = await ensureSecondFactor(admin.id);
    const http = new HttpSession(server.url);
    await passwordStep(http, admin.email);
    const halfWay = http.cookieHeader;

    const right = codeAt(secret, new Date());
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
    const refused = await http.post("/sign-in/code", { code: wrong });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("That code is not right.");
    expect(refused.html).toContain('aria-invalid="true"');
    expect((await http.get("/home")).location).toBe("/sign-in/code");
    expect(await passedSessions(admin.id)).toBe(0);
    const failures = await audited("secondFactorFailed", admin.id);
    expect(failures).toHaveLength(1);
    expect(failures[0].details).toMatchObject({ reason: "wrong", method: "code" });

    const empty = await http.post("/sign-in/code", { code: "" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("Enter the code from your app, or a recovery code");

    const accepted = await http.post("/sign-in/code", { code: await freshCodeFor(admin.id) });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/home");
    expect((await http.get("/home")).status).toBe(200);
    expect(await passedSessions(admin.id)).toBe(1);
    expect(await audited("signIn", admin.id)).toHaveLength(1);
    // The token from before the second step signs nobody in any more.
    const old = await fetch(`${server.url}/home`, {
      headers: { cookie: halfWay },
      redirect: "manual",
    });
    expect(old.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("does not accept the same app code twice, even in its own 30 seconds", async () => {
    const validator = await buildUser("validator", world.trust, undefined, "Val Replay");
    await ensureSecondFactor(validator.id);
    const first = new HttpSession(server.url);
    await passwordStep(first, validator.email);
    const code = await freshCodeFor(validator.id);
    expect((await first.post("/sign-in/code", { code })).status).toBe(302);

    const second = new HttpSession(server.url);
    await passwordStep(second, validator.email);
    const replay = await second.post("/sign-in/code", { code });
    expect(replay.status).toBe(400);
    expect(replay.html).toContain("That code has just been used.");
    expect((await audited("secondFactorFailed", validator.id))[0].details).toMatchObject({
      reason: "used",
    });
  });

  it("accepts a recovery code once only, however it is typed", async () => {
    const validator = await buildUser("validator", world.trust, undefined, "Rae Recovery");
    const { recoveryCodes } = await ensureSecondFactor(validator.id);
    expect(recoveryCodes).toHaveLength(10);

    const first = new HttpSession(server.url);
    await passwordStep(first, validator.email);
    const used = await first.post("/sign-in/code", { code: recoveryCodes[0] });
    expect(used.status).toBe(302);
    expect(used.location).toBe("/home");

    const again = new HttpSession(server.url);
    await passwordStep(again, validator.email);
    const retyped = recoveryCodes[0].toUpperCase().replace(/-/g, " ");
    const refused = await again.post("/sign-in/code", { code: retyped });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("That recovery code has already been used.");
    expect((await again.post("/sign-in/code", { code: recoveryCodes[1] })).status).toBe(302);
    const page = await again.get("/account/two-factor");
    expect(page.html).toContain("8 of 10 recovery codes are left");
    const signIns = await audited("signIn", validator.id);
    expect(signIns.map((e) => e.details.secondFactor)).toEqual(["recoveryCode", "recoveryCode"]);
  });

  it("answers 429 after five tries from one address, even for the right code", async () => {
    const leader = await buildUser("trustLeader", world.trust, undefined, "Lee Limited");
    await ensureSecondFactor(leader.id);
    const http = new HttpSession(server.url);
    await passwordStep(http, leader.email);
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await http.post("/sign-in/code", { code: "000000" })).status);
    expect(statuses.slice(0, 5).every((s) => s === 400 || s === 302)).toBe(true);
    expect(statuses[5]).toBe(429);
    const blocked = await http.post("/sign-in/code", { code: await freshCodeFor(leader.id) });
    expect(blocked.status).toBe(429);
    expect(blocked.html).toContain("Too many attempts");
  });

  it("signs in at most once when 20 requests race with one valid code", async () => {
    const admin = await buildUser("trustAdmin", world.trust, undefined, "Rory Race");
    await ensureSecondFactor(admin.id);
    // Twenty half-way sessions from twenty addresses (someone who knows the password and has
    // seen one code), all submitting that code at once.
    const sessions = Array.from(
      { length: 20 },
      (_, i) => new HttpSession(server.url, { "x-forwarded-for": `203.0.113.${i + 1}` }),
    );
    for (const http of sessions) expect((await passwordStep(http, admin.email)).status).toBe(302);
    const code = await freshCodeFor(admin.id);
    const answers = await Promise.all(sessions.map((http) => http.post("/sign-in/code", { code })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.every((s) => s === 302 || s === 400 || s === 429)).toBe(true);
    expect(await passedSessions(admin.id)).toBe(1);
  });
});

describe("setting up a second factor", () => {
  it("is required of a validator without one: QR code and key, a checked code, then 10 recovery codes once", async () => {
    const validator = await buildUser("validator", world.trust, undefined, "Eve Enrol");
    const http = new HttpSession(server.url);
    expect((await passwordStep(http, validator.email)).location).toBe("/account/two-factor");

    const page = await http.get("/account/two-factor");
    expect(page.status).toBe(200);
    expect(page.html).toContain('src="data:image/svg+xml;base64,');
    const secret = setUpKeyOn(page.html);
    // A reload shows the same secret (the app may have scanned it already).
    expect(setUpKeyOn((await http.get("/account/two-factor")).html)).toBe(secret);

    const right = codeAt(secret, new Date());
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
    const refused = await http.post("/account/two-factor", { code: wrong });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("That code is not right.");
    expect(await hasSecondFactor(validator.id)).toBe(false);

    const done = await http.post("/account/two-factor", { code: codeAt(secret, new Date()) });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/account/two-factor");
    const shown = await http.get("/account/two-factor");
    expect(shown.status).toBe(200);
    const codes = [...shown.html.matchAll(/<code>([a-z2-9-]{19})<\/code>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    expect(await hasSecondFactor(validator.id)).toBe(true);
    expect((await http.get("/home")).status).toBe(200);
    // Shown once: the page now only says it is on.
    const after = await http.get("/account/two-factor");
    expect(after.html).toContain("Two-factor sign-in is on");
    expect(after.html).not.toContain(codes[0]);
    expect(await audited("secondFactorEnrolled", validator.id)).toHaveLength(1);
    expect((await audited("signIn", validator.id))[0].details).toMatchObject({
      secondFactor: "enrolled",
    });
  });

  it("is optional for school staff, and once on, their next sign-in asks for a code", async () => {
    const staff = await buildUser("schoolStaff", world.trust, world.school, "Opal Optional");
    const http = new HttpSession(server.url);
    expect((await passwordStep(http, staff.email)).location).toBe("/home");
    const secret = setUpKeyOn((await http.get("/account/two-factor")).html);
    expect(
      (await http.post("/account/two-factor", { code: codeAt(secret, new Date()) })).status,
    ).toBe(302);
    expect((await http.get("/home")).status).toBe(200);

    const next = new HttpSession(server.url);
    expect((await passwordStep(next, staff.email)).location).toBe("/sign-in/code");
  });

  // A submission the server has started on (its session read) when another one, sent after it,
  // turns the factor on: its session has been replaced, so whatever refused it, it is sent on to
  // sign in, as a browser's second click or retry should be, not told of a failure. (Remix runs
  // the page's loaders after a refused action; the loader finds the session gone.)
  const SESSION_READ_MS = 500;

  it("sends a submission overtaken by the one that turned it on to sign in, not 'already set up'", async () => {
    const staff = await buildUser("schoolStaff", world.trust, world.school, "Otto Overtaken");
    const http = new HttpSession(server.url);
    await passwordStep(http, staff.email);
    const code = codeAt(setUpKeyOn((await http.get("/account/two-factor")).html), new Date());
    const first = await http.postHeld("/account/two-factor", { code });
    await new Promise((resolve) => setTimeout(resolve, SESSION_READ_MS));

    const overtaking = await http.post("/account/two-factor", { code });
    expect(overtaking.location).toBe("/account/two-factor");
    const overtaken = await first.finish();
    expect(overtaken.status).toBe(302);
    expect(overtaken.location).toMatch(/^\/sign-in/);
    expect(await audited("secondFactorEnrolled", staff.id)).toHaveLength(1);
    expect(await passedSessions(staff.id)).toBe(1);
  });

  it("sends an overtaken submission to sign in rather than 'too many attempts' counted before the factor went on", async () => {
    const staff = await buildUser("schoolStaff", world.trust, world.school, "Tess Tries");
    const here = new HttpSession(server.url, { "x-forwarded-for": "192.0.2.10" });
    await passwordStep(here, staff.email);
    const secret = setUpKeyOn((await here.get("/account/two-factor")).html);
    const right = codeAt(secret, new Date());
    const first = await here.postHeld("/account/two-factor", { code: right });
    await new Promise((resolve) => setTimeout(resolve, SESSION_READ_MS));
    // Five wrong codes from this address use up its tries...
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++) {
      expect((await here.post("/account/two-factor", { code: wrong })).status).toBe(400);
    }
    // ...then the person, on another network, turns it on with the right code.
    const phone = new HttpSession(server.url, { "x-forwarded-for": "192.0.2.20" });
    for (const pair of here.cookieHeader.split("; ")) phone.setCookie(pair);
    expect((await phone.post("/account/two-factor", { code: right })).location).toBe(
      "/account/two-factor",
    );
    const overtaken = await first.finish();
    expect(overtaken.status).toBe(302);
    expect(overtaken.location).toMatch(/^\/sign-in/);
    expect(await hasSecondFactor(staff.id)).toBe(true);
  });
});

/** The recovery codes a page shows (the page after setting up, or after making a new set). */
const codesOn = (html: string) =>
  [...html.matchAll(/<code>([a-z2-9-]{19})<\/code>/g)].map((m) => m[1]);

const storedHashes = async (userId: string) =>
  (await SecondFactorModel.findOne({ _id: userId }).lean())?.recoveryCodeHashes ?? [];

describe("making new recovery codes", () => {
  it("takes a fresh code from the app, shows the new set once, and only the new set works", async () => {
    const staff = await buildUser("schoolStaff", world.trust, world.school, "Rhea Renew");
    const { recoveryCodes: old } = await ensureSecondFactor(staff.id);
    const key = secondFactorKey();
    expect((await useSecondFactor(key, staff.id, old[0])).ok).toBe(true);
    const http = new HttpSession(server.url);
    http.setCookie(await cookieFor(staff.id));
    const page = await http.get("/account/two-factor");
    expect(page.html).toContain("9 of 10 recovery codes are left.");
    expect(page.html).toContain("Make new recovery codes");
    const before = await storedHashes(staff.id);

    const refused = await http.post("/account/two-factor", {
      intent: "newRecoveryCodes",
      code: "000000",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("That code is not right.");
    const empty = await http.post("/account/two-factor", { intent: "newRecoveryCodes", code: "" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("Enter the 6-digit code your app shows");
    expect(await storedHashes(staff.id)).toEqual(before);

    const code = await freshCodeFor(staff.id);
    const made = await http.post("/account/two-factor", { intent: "newRecoveryCodes", code });
    expect([made.status, made.location]).toEqual([302, "/account/two-factor"]);
    const shown = await http.get("/account/two-factor");
    expect(shown.html).toContain("New recovery codes are ready. Your old ones no longer work.");
    const fresh = codesOn(shown.html);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);
    // Shown once; the count starts again from the new set.
    const after = await http.get("/account/two-factor");
    expect(codesOn(after.html)).toEqual([]);
    expect(after.html).toContain("10 of 10 recovery codes are left.");
    // The same app code again is a replay.
    const replay = await http.post("/account/two-factor", { intent: "newRecoveryCodes", code });
    expect(replay.status).toBe(400);
    expect(replay.html).toContain("That code has been used already.");

    expect(await useSecondFactor(key, staff.id, old[1])).toMatchObject({ ok: false });
    expect((await useSecondFactor(key, staff.id, fresh[0])).ok).toBe(true);
    expect(await audited("recoveryCodesReplaced", staff.id)).toHaveLength(1);
  });

  it("makes one new set when 20 requests race with one code", async () => {
    const leader = await buildUser("trustLeader", world.trust, undefined, "Rio Racer");
    await ensureSecondFactor(leader.id);
    const cookie = await cookieFor(leader.id);
    const sessions = Array.from({ length: 20 }, (_, i) => {
      const http = new HttpSession(server.url, { "x-forwarded-for": `198.51.100.${i + 1}` });
      http.setCookie(cookie);
      return http;
    });
    const before = await storedHashes(leader.id);
    const code = await freshCodeFor(leader.id);
    const answers = await Promise.all(
      sessions.map((http) =>
        http.post("/account/two-factor", { intent: "newRecoveryCodes", code }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    // The others: the code was used (400), or too many tries for one person (429).
    expect(statuses.every((s) => s === 302 || s === 400 || s === 429)).toBe(true);
    expect(await audited("recoveryCodesReplaced", leader.id)).toHaveLength(1);
    // The set the winner was shown is the one stored.
    const winner = sessions[statuses.indexOf(302)];
    const shown = codesOn((await winner.get("/account/two-factor")).html);
    expect(shown).toHaveLength(10);
    expect(await storedHashes(leader.id)).not.toEqual(before);
    expect((await useSecondFactor(secondFactorKey(), leader.id, shown[3])).ok).toBe(true);
  });

  it("is refused to someone without two-factor sign-in, changing nothing", async () => {
    const staff = await buildUser("schoolStaff", world.trust, world.school, "Nia Nofactor");
    const http = new HttpSession(server.url);
    http.setCookie(await cookieFor(staff.id));
    await http.get("/account/two-factor");
    const answer = await http.post("/account/two-factor", {
      intent: "newRecoveryCodes",
      code: "123456",
    });
    expect(answer.status).toBe(409);
    expect(answer.html).toContain("Two-factor sign-in is not set up for your account.");
    expect(await hasSecondFactor(staff.id)).toBe(false);
    expect(await audited("recoveryCodesReplaced", staff.id)).toHaveLength(0);
  });
});

describe("a trust admin resetting someone's second factor", () => {
  it("ends their sessions and makes them set one up again; audited; nobody else may", async () => {
    const target = await buildUser("validator", world.trust, undefined, "Jordan Lost-Phone");
    await ensureSecondFactor(target.id);
    const targetCookie = await cookieFor(target.id);
    const signedIn = new HttpSession(server.url);
    signedIn.setCookie(targetCookie);
    expect((await signedIn.get("/home")).status).toBe(200);

    const leader = new HttpSession(server.url);
    leader.setCookie(await cookieFor(world.people.trustLeader.id));
    expect((await leader.get(`/trust/people/${target.id}/two-factor`)).status).toBe(404);
    await leader.get("/home");
    expect((await leader.post(`/trust/people/${target.id}/two-factor`, {})).status).toBe(404);
    const otherTrust = await buildTrust();
    const otherAdmin = new HttpSession(server.url);
    otherAdmin.setCookie(await cookieFor((await buildUser("trustAdmin", otherTrust)).id));
    await otherAdmin.get("/home");
    expect((await otherAdmin.post(`/trust/people/${target.id}/two-factor`, {})).status).toBe(404);
    expect(await hasSecondFactor(target.id)).toBe(true);

    const admin = new HttpSession(server.url);
    admin.setCookie(await cookieFor(world.people.trustAdmin.id));
    const list = await admin.get("/trust");
    expect(list.html).toContain(`Reset ${target.name}&#x27;s two-factor sign-in`);
    const confirm = await admin.get(`/trust/people/${target.id}/two-factor`);
    expect(confirm.html).toContain("has two-factor sign-in set up");
    const reset = await admin.post(`/trust/people/${target.id}/two-factor`, {});
    expect(reset.status).toBe(200);
    expect(reset.html).toContain("was reset and they were signed out everywhere");

    expect(await hasSecondFactor(target.id)).toBe(false);
    expect((await signedIn.get("/home")).location).toMatch(/^\/sign-in\?/);
    const again = new HttpSession(server.url);
    expect((await passwordStep(again, target.email)).location).toBe("/account/two-factor");
    const entries = await audited("secondFactorReset", target.id);
    expect(entries).toHaveLength(1);
    expect(entries[0].actorId).toBe(world.people.trustAdmin.id);
    expect(entries[0].trustId).toBe(world.trust.id);
  });
});

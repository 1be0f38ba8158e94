import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../server/app.ts";
import { SessionModel } from "../../models/session/session.ts";
import { useTestDatabase } from "../support/database.ts";
import { TEST_PASSWORD, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { UserModel } from "../../models/user/user.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

async function emailOf(userId: string) {
  return (await UserModel.findById(userId).lean())!.email;
}

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(() => server.close());

describe("signing in and out", () => {
  it("gives the same answer for an unknown email and a wrong password, and no session", async () => {
    const http = new HttpSession(server.url);
    const sessionsBefore = await SessionModel.countDocuments();
    const unknown = await http.post("/sign-in", {
      email: "nobody@test.example",
      password: "whatever it is",
    });
    const wrong = await http.post("/sign-in", {
      email: await emailOf(world.people.staff.id),
      password: "not the password",
    });
    for (const response of [unknown, wrong]) {
      expect(response.status).toBe(400);
      expect(response.html).toContain("The email address or password is not right.");
    }
    expect(await SessionModel.countDocuments()).toBe(sessionsBefore);
  });

  it("shows field errors next to the fields for empty or malformed input", async () => {
    const http = new HttpSession(server.url);
    const response = await http.post("/sign-in", { email: "not-an-email", password: "" });
    expect(response.status).toBe(400);
    expect(response.html).toContain("Enter an email address like name@school.org.uk");
    expect(response.html).toContain("Enter your password");
    expect(response.html).toContain('aria-invalid="true"');
  });

  it("signs in with a server-side session in an HttpOnly, SameSite=Lax cookie, and signs out for good", async () => {
    const http = new HttpSession(server.url);
    const signIn = await http.post("/sign-in", {
      email: await emailOf(world.people.staff.id),
      password: TEST_PASSWORD,
    });
    expect(signIn.status).toBe(302);
    expect(signIn.location).toBe("/home");
    const cookie = signIn.response.headers.getSetCookie().find((c) => c.startsWith("qm_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await http.get("/home")).status).toBe(200);

    const stolen = http.cookieHeader;
    await http.get("/home");
    const out = await http.post("/sign-out", {});
    expect(out.location).toBe("/sign-in");
    // The old cookie, even if copied before signing out, no longer signs anyone in.
    const replay = await fetch(`${server.url}/home`, {
      headers: { cookie: stolen },
      redirect: "manual",
    });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("after signing in, goes back only to a page of this site (open-redirect safe)", async () => {
    const email = await emailOf(world.people.staff2.id);
    const cases: [string, string][] = [
      // The browser drops the tab: "//evil.example/phish", another site.
      ["%2F%09%2Fevil.example%2Fphish", "/home"],
      ["%2F%5Cevil.example", "/home"],
      ["https%3A%2F%2Fevil.example", "/home"],
      ["%2Fevaluations%2Fabc%3Farea%3Dx%23c", "/evaluations/abc?area=x#c"],
    ];
    for (const [query, expected] of cases) {
      const http = new HttpSession(server.url);
      const page = await http.get(`/sign-in?redirectTo=${query}`);
      // What the sign-in form will post back, exactly as the page carries it.
      const redirectTo = /name="redirectTo" value="([^"]*)"/.exec(page.html)![1];
      expect(redirectTo).toBe(decodeURIComponent(query));
      const signIn = await http.post("/sign-in", { email, password: TEST_PASSWORD, redirectTo });
      expect(signIn.status).toBe(302);
      expect(signIn.location).toBe(expected);
    }
  });

  it("limits repeated sign-in attempts for one account", async () => {
    const http = new HttpSession(server.url);
    const email = await emailOf(world.people.trustLeader.id);
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await http.post("/sign-in", { email, password: "wrong guess" })).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
    const blocked = await http.post("/sign-in", { email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.html).toContain("Too many attempts");
  });
});

describe("CSRF", () => {
  it("refuses a form without the token, with a wrong token, or from another site", async () => {
    const http = new HttpSession(server.url);
    const email = await emailOf(world.people.staff2.id);
    await http.get("/sign-in");
    expect(
      (await http.post("/sign-in", { email, password: TEST_PASSWORD }, { csrf: null })).status,
    ).toBe(403);
    expect(
      (await http.post("/sign-in", { email, password: TEST_PASSWORD }, { csrf: "forged" })).status,
    ).toBe(403);
    expect(
      (
        await http.post(
          "/sign-in",
          { email, password: TEST_PASSWORD },
          { origin: "https://evil.example" },
        )
      ).status,
    ).toBe(403);
    expect((await http.post("/sign-in", { email, password: TEST_PASSWORD })).status).toBe(302);
  });
});

describe("security headers", () => {
  it("sends a CSP with a per-response nonce, and frame protection", async () => {
    const a = await fetch(`${server.url}/sign-in`);
    const b = await fetch(`${server.url}/sign-in`);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await a.text()).toMatch(/<script nonce="/);
  });

  it("keeps pages out of other sites' windows (ADR 043)", async () => {
    const page = await fetch(`${server.url}/sign-in`);
    expect(page.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  });
});

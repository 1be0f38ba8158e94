import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditModel } from "../../models/audit/audit.ts";
import { UserModel, verifyCredentials } from "../../models/user/user.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { TEST_PASSWORD, buildUser, buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld();
  server = await startTestServer();
});
afterAll(() => server.close());

async function signedIn(userId: string): Promise<HttpSession> {
  const http = new HttpSession(server.url);
  http.setCookie(await cookieFor(userId));
  await http.get("/account");
  return http;
}

async function newPerson() {
  const user = await buildUser("schoolStaff", world.trust, world.school);
  const email = (await UserModel.findById(user.id).lean())!.email;
  return { ...user, email };
}

/** The page as rendered, without the data Remix serialises into scripts for hydration. */
const rendered = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

const passwordChanges = (userId: string) =>
  AuditModel.countDocuments({ action: "passwordChanged", subject: `user:${userId}` });

describe("the account page", () => {
  it("shows who is signed in, and is linked from their name in the header", async () => {
    const person = await newPerson();
    const http = await signedIn(person.id);
    const page = await http.get("/account");
    expect(page.status).toBe(200);
    expect(rendered(page.html)).toContain(person.email);
    expect(rendered(page.html)).toContain("Change your password");
    expect(rendered(page.html)).toMatch(
      new RegExp(`<a[^>]*href="/account"[^>]*>${person.name}</a>`),
    );
    const signedOut = await new HttpSession(server.url).get("/account");
    expect(signedOut.location).toBe("/sign-in?redirectTo=%2Faccount");
  });

  it("says so next to the field when the current password is wrong, and changes nothing", async () => {
    const person = await newPerson();
    const http = await signedIn(person.id);
    const elsewhere = await signedIn(person.id);
    const response = await http.post("/account", {
      currentPassword: "not my password at all",
      newPassword: "a perfectly good new one",
      confirmPassword: "a perfectly good new one",
    });
    expect(response.status).toBe(400);
    expect(rendered(response.html)).toContain("That is not your current password.");
    expect(rendered(response.html)).toContain('aria-invalid="true"');
    expect(await verifyCredentials(person.email, TEST_PASSWORD)).not.toBeNull();
    expect((await elsewhere.get("/home")).status).toBe(200);
    expect(await passwordChanges(person.id)).toBe(0);
  });

  it("shows every problem with the new password at once", async () => {
    const person = await newPerson();
    const http = await signedIn(person.id);
    const response = await http.post("/account", {
      currentPassword: TEST_PASSWORD,
      newPassword: "too short",
      confirmPassword: "something else",
    });
    expect(response.status).toBe(400);
    expect(rendered(response.html)).toContain("Use at least 12 characters");
    expect(rendered(response.html)).toContain("The two new passwords do not match");
    const empty = await http.post("/account", {});
    expect(empty.status).toBe(400);
    expect(rendered(empty.html)).toContain("Enter your current password");
    const same = await http.post("/account", {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
      confirmPassword: TEST_PASSWORD,
    });
    expect(rendered(same.html)).toContain("Choose a new password, not your current one");
    expect(await verifyCredentials(person.email, TEST_PASSWORD)).not.toBeNull();
    expect(await passwordChanges(person.id)).toBe(0);
  });

  it("answers a double submit the same twice, and changes the password once", async () => {
    const person = await newPerson();
    const http = await signedIn(person.id);
    const fields = {
      currentPassword: TEST_PASSWORD,
      newPassword: "twice is the same as once",
      confirmPassword: "twice is the same as once",
    };
    const answers = await Promise.all([
      http.post("/account", fields),
      http.post("/account", fields),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    for (const a of answers) expect(rendered(a.html)).toContain("Your password has been changed.");
    expect(await passwordChanges(person.id)).toBe(1);
    expect(await verifyCredentials(person.email, fields.newPassword)).not.toBeNull();
    expect(await verifyCredentials(person.email, TEST_PASSWORD)).toBeNull();
    // The session that asked is still signed in.
    expect((await http.get("/home")).status).toBe(200);
  });

  it("refuses a form without its CSRF token", async () => {
    const person = await newPerson();
    const http = await signedIn(person.id);
    const response = await http.post(
      "/account",
      {
        currentPassword: TEST_PASSWORD,
        newPassword: "x".repeat(20),
        confirmPassword: "x".repeat(20),
      },
      { csrf: null },
    );
    expect(response.status).toBe(403);
    expect(await verifyCredentials(person.email, TEST_PASSWORD)).not.toBeNull();
  });
});

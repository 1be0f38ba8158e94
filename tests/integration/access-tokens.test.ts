import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessTokenModel, createAccessToken } from "../../models/access-token/access-token.ts";
import { AuditModel } from "../../models/audit/audit.ts";
import { grantRole } from "../../models/membership/membership.ts";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildSchool, buildTrust, buildUser, buildWorld } from "../support/factories.ts";
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

/** The page as rendered, without the data Remix serialises into scripts for hydration. */
const rendered = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "");

const goodToken = (trustId: string) => ({
  intent: "createToken",
  name: "Evidence summariser",
  scope: "read",
  trustId,
  lifetimeDays: "30",
});

function api(path: string, token?: string) {
  return fetch(`${server.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe("personal access tokens over HTTP", () => {
  it("creates one from the account page: the secret in that answer only, stored hashed, audited", async () => {
    const person = await buildUser("schoolStaff", world.trust, world.school);
    const http = await signedIn(person.id);
    const response = await http.post("/account", goodToken(world.trust.id));
    expect(response.status).toBe(200);
    expect(response.response.headers.get("cache-control")).toBe("no-store");
    const secret = /qmt_[A-Za-z0-9_-]{43}/.exec(rendered(response.html))?.[0];
    expect(secret).toBeDefined();
    const stored = await AccessTokenModel.findOne({ userId: person.id }).lean();
    expect(stored).toMatchObject({ name: "Evidence summariser", scope: "read" });
    expect(JSON.stringify(stored)).not.toContain(secret!);
    const page = rendered((await http.get("/account")).html);
    expect(page).toContain("Evidence summariser");
    expect(page).not.toContain(secret!);
    const audit = await AuditModel.find({
      action: "accessTokenCreated",
      actorId: person.id,
    }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0].trustId?.toString()).toBe(world.trust.id);
  });

  it("says what is wrong next to each field, and creates nothing", async () => {
    const person = await buildUser("schoolStaff", world.trust, world.school);
    const http = await signedIn(person.id);
    const empty = await http.post("/account", { intent: "createToken" });
    expect(empty.status).toBe(400);
    const html = rendered(empty.html);
    expect(html).toContain("Give the token a name");
    expect(html).toContain("Choose what the token may do");
    expect(html).toContain("Choose a trust");
    expect(html).toContain("Choose when the token expires");
    const odd = await http.post("/account", {
      ...goodToken(world.trust.id),
      name: "x".repeat(61),
      scope: "admin",
      lifetimeDays: "10000",
    });
    expect(odd.status).toBe(400);
    expect(rendered(odd.html)).toContain("Use at most 60 characters");
    // A trust the person has no role in.
    const stranger = await buildTrust();
    const elsewhere = await http.post("/account", goodToken(stranger.id));
    expect(elsewhere.status).toBe(400);
    expect(rendered(elsewhere.html)).toContain("Choose one of your trusts");
    expect(await AccessTokenModel.countDocuments({ userId: person.id })).toBe(0);
  });

  it("revokes only one's own tokens; someone else's is not found", async () => {
    const owner = await buildUser("schoolStaff", world.trust, world.school);
    const other = await buildUser("schoolStaff", world.trust, world.school);
    const { token } = await createAccessToken({
      userId: owner.id,
      trustId: world.trust.id,
      name: "mine",
      scope: "readWrite",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const theirs = await signedIn(other.id);
    const refused = await theirs.post("/account", { intent: "revokeToken", tokenId: token.id });
    expect(refused.status).toBe(404);
    expect((await AccessTokenModel.findById(token.id).lean())!.revokedAt).toBeNull();
    const mine = await signedIn(owner.id);
    const twice = await Promise.all([
      mine.post("/account", { intent: "revokeToken", tokenId: token.id }),
      mine.post("/account", { intent: "revokeToken", tokenId: token.id }),
    ]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    expect((await AccessTokenModel.findById(token.id).lean())!.revokedAt).not.toBeNull();
    const audit = await AuditModel.countDocuments({
      action: "accessTokenRevoked",
      actorId: owner.id,
    });
    expect(audit).toBe(1);
  });

  it("reads an evaluation's projection through the API with a token, in its trust only", async () => {
    const { secret } = await createAccessToken({
      userId: world.people.staff.id,
      trustId: world.trust.id,
      name: "api",
      scope: "read",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const response = await api(`/api/evaluations/${world.evaluation.id}`, secret);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; document: string; projection: object };
    expect(body.id).toBe(world.evaluation.id);
    expect(body.document).toBe(`evaluation.${world.evaluation.id}`);
    expect(body.projection).toBeTypeOf("object");

    // Another school's person: not found, like the page.
    const { secret: outsider } = await createAccessToken({
      userId: world.people.otherStaff.id,
      trustId: world.trust.id,
      name: "api",
      scope: "readWrite",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect((await api(`/api/evaluations/${world.evaluation.id}`, outsider)).status).toBe(404);

    // The same person's token for another trust of theirs opens nothing in this one.
    const second = await buildTrust();
    await grantRole(second.id, {
      userId: world.people.staff.id,
      role: "schoolStaff",
      schoolId: (await buildSchool(second)).id,
    });
    const { secret: wrongTrust } = await createAccessToken({
      userId: world.people.staff.id,
      trustId: second.id,
      name: "api",
      scope: "read",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect((await api(`/api/evaluations/${world.evaluation.id}`, wrongTrust)).status).toBe(404);

    // No credentials, or a bad token: 401 with a Bearer challenge.
    const none = await api(`/api/evaluations/${world.evaluation.id}`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await api(`/api/evaluations/${world.evaluation.id}`, "qmt_nonsense")).status).toBe(401);
    // A session cookie works too.
    const cookie = await fetch(`${server.url}/api/evaluations/${world.evaluation.id}`, {
      headers: { cookie: await cookieFor(world.people.staff.id) },
    });
    expect(cookie.status).toBe(200);
  });
});

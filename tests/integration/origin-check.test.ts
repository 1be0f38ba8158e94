import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { AppServer } from "../../server/app.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";
import { cookieFor } from "../support/sessions.ts";

useTestDatabase();
let world: Awaited<ReturnType<typeof buildWorld>>;
let direct: AppServer;
let proxied: AppServer;
let cookie: string;

beforeAll(async () => {
  world = await buildWorld();
  cookie = await cookieFor(world.people.staff.id);
  [direct, proxied] = await Promise.all([startTestServer(), startTestServer({ trustProxy: true })]);
});
afterAll(async () => {
  await Promise.all([direct.close(), proxied.close()]);
});

/**
 * A sign-in post with a valid CSRF token and a wrong password: 400 when the origin check lets
 * it through, 403 "Cross-site…" when the origin check refuses it.
 */
async function postSignIn(server: AppServer, headers: Record<string, string>) {
  const http = new HttpSession(server.url);
  await http.get("/sign-in");
  const response = await fetch(`${server.url}/sign-in`, {
    method: "POST",
    body: new URLSearchParams({
      email: "someone@test.example",
      password: "not the password",
      csrf: http.csrf,
    }),
    headers: {
      cookie: http.cookieHeader,
      "content-type": "application/x-www-form-urlencoded",
      ...headers,
    },
    redirect: "manual",
  });
  return { status: response.status, text: await response.text() };
}

/** The HTTP status a /collab handshake gets: 101 when it is taken, else the refusal. */
function upgrade(server: AppServer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`, {
      headers: { cookie, ...headers },
    });
    ws.once("upgrade", (res) => {
      resolve(res.statusCode ?? 0);
      ws.close();
    });
    ws.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.once("error", reject);
  });
}

describe("the origin check, without a trusted proxy (TRUST_PROXY=false)", () => {
  it("accepts the site's own origin", async () => {
    expect((await postSignIn(direct, { origin: direct.url })).status).toBe(400);
    expect(await upgrade(direct, { origin: direct.url })).toBe(101);
  });

  it("refuses another site even when it forges X-Forwarded-Host", async () => {
    const forged = {
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    };
    const post = await postSignIn(direct, forged);
    expect(post.status).toBe(403);
    expect(post.text).toBe("Cross-site requests are not accepted.");
    expect(await upgrade(direct, forged)).toBe(403);
  });

  it("refuses the right host with the wrong scheme", async () => {
    const https = { origin: direct.url.replace("http:", "https:") };
    const post = await postSignIn(direct, https);
    expect(post.status).toBe(403);
    expect(post.text).toBe("Cross-site requests are not accepted.");
    expect(await upgrade(direct, https)).toBe(403);
  });
});

describe("the origin check behind a trusted proxy (TRUST_PROXY=true)", () => {
  const viaProxy = {
    origin: "https://qm.example",
    "x-forwarded-host": "qm.example",
    "x-forwarded-proto": "https",
  };

  it("accepts the origin the proxy vouches for", async () => {
    expect((await postSignIn(proxied, viaProxy)).status).toBe(400);
    expect(await upgrade(proxied, viaProxy)).toBe(101);
  });

  it("refuses an origin that does not match what the proxy forwarded", async () => {
    for (const headers of [
      { ...viaProxy, origin: "https://evil.example" },
      { ...viaProxy, origin: "http://qm.example" },
    ]) {
      expect((await postSignIn(proxied, headers)).status).toBe(403);
      expect(await upgrade(proxied, headers)).toBe(403);
    }
  });
});

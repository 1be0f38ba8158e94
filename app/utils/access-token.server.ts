import { json } from "@remix-run/node";
import {
  findLiveToken,
  tokenActor,
  touchToken,
  type AccessToken,
} from "../../models/access-token/access-token.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { getSignedIn } from "./auth.server.ts";
import { countTokenFailure, limitTokenCheck } from "./token-limit.server.ts";

/**
 * The personal access token a request carries (ADR 019): `Authorization: Bearer <token>`, or
 * `?token=<token>` for clients that cannot set headers on a WebSocket (y-websocket's `params`).
 * Null when it carries none.
 */
export function tokenFrom(authorization: string | null | undefined, url: URL): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (bearer) return bearer[1];
  const param = url.searchParams.get("token");
  return param ? param : null;
}

export type TokenCheck =
  | { ok: true; token: AccessToken }
  | { ok: false; why: "limited"; retryAfterSeconds: number }
  | { ok: false; why: "invalid" };

/**
 * Looks a presented token up, within the per-address limits: the live token, or why not
 * (unknown, revoked and expired alike are "invalid"). Notes when a live one was used.
 */
export async function checkToken(secret: string, address: string): Promise<TokenCheck> {
  const wait = await limitTokenCheck(address);
  if (wait) return { ok: false, why: "limited", retryAfterSeconds: wait };
  const token = await findLiveToken(secret);
  if (!token) {
    await countTokenFailure(address);
    return { ok: false, why: "invalid" };
  }
  await touchToken(token);
  return { ok: true, token };
}

/**
 * Who an API request is from: its access token's person (grants in the token's trust only,
 * read-only if the token is), else the signed-in session's. A Response (401 or 429, as JSON)
 * when it carries a token that is not good, or nothing at all.
 */
export async function apiActor(request: Request, address: string): Promise<Actor | Response> {
  const secret = tokenFrom(request.headers.get("Authorization"), new URL(request.url));
  if (!secret) {
    const signedIn = await getSignedIn(request);
    return signedIn?.actor ?? apiRefusal(401, "Sign in, or send a personal access token.");
  }
  const check = await checkToken(secret, address);
  if (!check.ok && check.why === "limited") {
    return apiRefusal(429, "Too many access token checks from this address. Try again later.", {
      "Retry-After": String(check.retryAfterSeconds),
    });
  }
  const actor = check.ok ? await tokenActor(check.token) : null;
  return (
    actor ??
    apiRefusal(401, "This access token is not valid: it may have been revoked or have expired.")
  );
}

export function apiRefusal(status: number, error: string, headers: Record<string, string> = {}) {
  return json(
    { error },
    {
      status,
      headers: {
        "Cache-Control": "no-store",
        ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="quality-marks"' } : {}),
        ...headers,
      },
    },
  );
}

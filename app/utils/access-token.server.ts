import { findLiveToken, touchToken, type AccessToken } from "../../models/access-token/access-token.ts";
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

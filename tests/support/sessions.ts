import { loadActor } from "../../models/membership/membership.ts";
import { requiresSecondFactor } from "../../models/permissions/second-factor.ts";
import { hasSecondFactor } from "../../models/second-factor/second-factor.ts";
import { createSession } from "../../models/session/session.ts";
import { sessionCookie } from "../../app/utils/session.server.ts";
import { ensureSecondFactor } from "./second-factor.ts";

/**
 * A Cookie header value signing `userId` in, exactly as the sign-in steps would: someone whose
 * roles require a second factor is given one (if they have none) and the session has passed it.
 */
export async function cookieFor(userId: string): Promise<string> {
  const actor = await loadActor(userId);
  if (actor && requiresSecondFactor(actor)) await ensureSecondFactor(userId);
  const passed = (await hasSecondFactor(userId)) ? new Date() : null;
  const { token } = await createSession(userId, "test", { secondFactorAt: passed });
  return cookieOfToken(token);
}

/** The Cookie header value a browser holding this session token sends. */
export async function cookieOfToken(token: string): Promise<string> {
  const setCookie = await sessionCookie().serialize(token);
  return setCookie.split(";")[0];
}

/** A session that has had its password checked and nothing more (no second factor yet). */
export async function passwordOnlyCookieFor(userId: string): Promise<string> {
  const { token } = await createSession(userId, "test");
  return cookieOfToken(token);
}

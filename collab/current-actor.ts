import { findLiveTokenById, tokenActor } from "../models/access-token/access-token.ts";
import type { Actor } from "../models/permissions/roles.ts";
import { findLiveSession } from "../models/session/session.ts";
import { sessionPerson } from "../models/session/sign-in-stage.ts";
import type { SocketOwner } from "./context.ts";

/**
 * The person a socket serves, as the database says now: null when its session has ended
 * (signed out, revoked, expired), is not fully signed in (a second factor due or to set up, e.g.
 * after a role that requires one was granted), or the person no longer exists. Their grants are
 * read afresh, so a role removed a moment ago is already gone. Nothing read at the upgrade is
 * trusted. A token's socket gets the person's grants in the token's trust only, read-only if
 * the token is, and null once the token is revoked or expired (ADR 019).
 */
export async function currentActor(owner: SocketOwner | null): Promise<Actor | null> {
  if (!owner) return null;
  if (owner.tokenId !== undefined) {
    const token = await findLiveTokenById(owner.tokenId);
    if (!token || token.userId !== owner.userId) return null;
    return tokenActor(token);
  }
  const session = await findLiveSession(owner.sessionId);
  if (!session || session.userId !== owner.userId) return null;
  const person = await sessionPerson(session);
  return person?.stage === "complete" ? person.actor : null;
}

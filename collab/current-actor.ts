import { findLiveTokenById, tokenActor } from "../models/access-token/access-token.ts";
import type { Actor } from "../models/permissions/roles.ts";
import { findLiveSession, type Session } from "../models/session/session.ts";
import { sessionPerson } from "../models/session/sign-in-stage.ts";
import { credentialEnded, type CloseReason } from "./close-codes.ts";
import type { SocketOwner } from "./context.ts";
import type { OpenSocket } from "./open-sockets.ts";

/**
 * Who a socket's owner is now: signed in, with their grants; else `halfway` through signing in
 * (a live session whose second factor is due or is to be set up) or nobody at all (no owner,
 * the session or token ended, or the person no longer exists).
 */
export type OwnerNow = { actor: Actor } | { actor: null; halfway: boolean };

/**
 * The person a socket serves, as the database says now. Their grants are read afresh, so a
 * role removed a moment ago is already gone. A token's socket gets the person's grants in the
 * token's trust only, read-only if the token is, and none once the token is revoked or expired
 * (ADR 019). `asRead`: the owner's session as read a moment ago (live then), used instead of
 * reading it again if it has not expired since (collab/owner-reading.ts says when that is safe).
 */
export async function currentActor(owner: SocketOwner | null, asRead?: Session): Promise<OwnerNow> {
  const none: OwnerNow = { actor: null, halfway: false };
  if (!owner) return none;
  if (owner.tokenId !== undefined) {
    const token = await findLiveTokenById(owner.tokenId);
    if (!token || token.userId !== owner.userId) return none;
    const actor = await tokenActor(token);
    return actor ? { actor } : none;
  }
  const session =
    asRead && asRead.id === owner.sessionId && asRead.expiresAt.getTime() >= Date.now()
      ? asRead
      : await findLiveSession(owner.sessionId);
  if (!session || session.userId !== owner.userId) return none;
  const person = await sessionPerson(session);
  if (!person) return none;
  return person.stage === "complete" ? { actor: person.actor } : { actor: null, halfway: true };
}

/**
 * How a socket whose owner is not signed in now (`now.actor` null) is closed, or null when it
 * is only refused what it asks for. Ended sessions and tokens close it. A session halfway
 * through signing in is nobody, as on every page: refused, the socket left open, unless the
 * socket was let into documents before (a second factor fell due since), which must not stay
 * open, so it closes as signed out.
 */
export function closeFor(socket: OpenSocket, now: OwnerNow): CloseReason | null {
  if (now.actor || !socket.owner) return null;
  if (now.halfway && !socket.admitted) return null;
  return credentialEnded(socket.owner);
}

import { loadActor } from "../models/membership/membership.ts";
import type { Actor } from "../models/permissions/roles.ts";
import { findLiveSession } from "../models/session/session.ts";
import type { SocketOwner } from "./context.ts";

/**
 * The person a socket serves, as the database says now: null when its session has ended
 * (signed out, revoked, expired) or the person no longer exists. Their grants are read afresh,
 * so a role removed a moment ago is already gone. Nothing read at the upgrade is trusted.
 */
export async function currentActor(owner: SocketOwner | null): Promise<Actor | null> {
  if (!owner) return null;
  const session = await findLiveSession(owner.sessionId);
  if (!session || session.userId !== owner.userId) return null;
  return loadActor(session.userId);
}

import type { Awareness } from "y-protocols/awareness";

/**
 * Who removed a factor or action, as far as anyone can know it. A Yjs removal carries no author
 * (its update says what was deleted, not by whom), so the page that removes something says so
 * in its presence first: `removed` lists the last few ids it removed. The server stamps every
 * presence with the signed-in person (collab/extensions/identity.ts), so a claim names whoever
 * really made it; a removal nobody claims (another tool, an Undo of an addition) stays unnamed.
 */
const FIELD = "removed";
/** Enough for a few quick removals in a row to each still be claimed when they arrive. */
const KEEP = 5;

/** Says, before removing it, that this person is removing `itemId`. */
export function claimRemoval(awareness: Awareness | null, itemId: string): void {
  if (!awareness) return;
  const before: unknown = awareness.getLocalState()?.[FIELD];
  const kept = Array.isArray(before)
    ? before.filter((id): id is string => typeof id === "string" && id !== itemId)
    : [];
  awareness.setLocalStateField(FIELD, [...kept.slice(-(KEEP - 1)), itemId]);
}

/** Whoever claimed removing something, as presence tells. */
export interface Remover {
  name: string;
  /** This very person, from another window of theirs. */
  isMe: boolean;
}

/**
 * Who else says they removed `itemId`: one person, or null when nobody does (yet) or several
 * do (then nobody is named rather than a guess made).
 */
export function removerOf(awareness: Awareness, itemId: string): Remover | null {
  const myUserId: unknown = awareness.getLocalState()?.user?.userId;
  const claimants = new Map<string, Remover>();
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const removed: unknown = state[FIELD];
    const user = state.user as Record<string, unknown> | undefined;
    if (!Array.isArray(removed) || !removed.includes(itemId)) return;
    if (!user || typeof user.userId !== "string" || typeof user.name !== "string" || !user.name)
      return;
    claimants.set(user.userId, { name: user.name, isMe: user.userId === myUserId });
  });
  return claimants.size === 1 ? [...claimants.values()][0] : null;
}

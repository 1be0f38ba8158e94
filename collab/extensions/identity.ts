import type { Extension, beforeHandleAwarenessPayload } from "@hocuspocus/server";
import type { CollabContext } from "../context.ts";
import { isRelayed } from "../relayed.ts";

/**
 * Presence is stamped by the server: whatever name or role a client puts in its awareness
 * state is replaced by the signed-in person's, read-only connections included. A connection
 * may not speak for an awareness client that another connection owns, so nobody can move,
 * rename or erase someone else's cursor.
 */
export class IdentityExtension implements Extension {
  extensionName = "identity";

  async beforeHandleAwareness({
    states,
    connection,
    context,
    document,
    transactionOrigin,
  }: beforeHandleAwarenessPayload<CollabContext>) {
    // Relayed by another of our processes (Redis, ADR 018): stamped there by this same code,
    // for the connection that process holds. Redis is ours; browsers cannot publish to it.
    if (isRelayed(transactionOrigin)) return;
    const identity = context?.identity;
    if (!connection || !identity) {
      states.clear();
      return;
    }
    const ownedElsewhere = new Set<number>();
    for (const [other, entry] of document.connections) {
      if (other !== connection) for (const id of entry.clients) ownedElsewhere.add(id);
    }
    for (const [clientId, state] of states) {
      if (ownedElsewhere.has(clientId)) {
        states.delete(clientId);
        continue;
      }
      state.user = {
        name: identity.name,
        role: identity.roleLabel,
        color: identity.colour,
        userId: identity.userId,
        observing: identity.readOnly,
      };
    }
  }
}

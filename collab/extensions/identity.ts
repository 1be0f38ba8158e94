import type { Extension, beforeHandleAwarenessPayload } from "@hocuspocus/server";
import type { CollabContext } from "../context.ts";

/**
 * Presence is stamped by the server: whatever name or role a client puts in its awareness
 * state is replaced by the signed-in person's, read-only connections included. Each
 * connection may speak for one awareness client only, so nobody can move or erase another
 * person's cursor.
 */
export class IdentityExtension implements Extension {
  extensionName = "identity";
  private clientOf = new WeakMap<object, number>();

  async beforeHandleAwareness({ states, connection, context }: beforeHandleAwarenessPayload<CollabContext>) {
    const identity = context?.identity;
    if (!connection || !identity) {
      states.clear();
      return;
    }
    for (const [clientId, state] of states) {
      const pinned = this.clientOf.get(connection);
      if (pinned === undefined) this.clientOf.set(connection, clientId);
      else if (pinned !== clientId) {
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

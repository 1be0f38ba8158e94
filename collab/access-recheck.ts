import type { Hocuspocus } from "@hocuspocus/server";
import { CLOSE } from "./close-codes.ts";
import type { CollabContext } from "./context.ts";
import { closeFor, currentActor } from "./current-actor.ts";
import { accessTo } from "./document-access.ts";
import type { OpenSockets } from "./open-sockets.ts";

interface OpenDocument {
  documentName: string;
  readOnly: boolean;
}

/** The documents each socket has open, and how (read-only or not), from Hocuspocus itself. */
function openDocumentsBySocket(hocuspocus: Hocuspocus<CollabContext>) {
  const bySocket = new Map<string, OpenDocument[]>();
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.connections.keys()) {
      const socketId = (connection.context as CollabContext | undefined)?.socketId;
      if (!socketId) continue;
      const list = bySocket.get(socketId) ?? [];
      list.push({ documentName: document.name, readOnly: connection.readOnly });
      bySocket.set(socketId, list);
    }
  }
  return bySocket;
}

/**
 * After a permission change, asks again, for every document these people have open on this
 * process, what they may do there: the session and grants are reloaded, and the record is
 * checked with the same loaders and `can` as when it was opened. A socket with a document they
 * may no longer read, or whose write access changed either way, is closed with "Your access to
 * this document has changed": the browser reconnects and each document is let in read-only,
 * read-write, or refused. (A Y.Doc connection is read-only or not for its whole life.)
 */
export async function recheckAccess(
  hocuspocus: Hocuspocus<CollabContext>,
  sockets: OpenSockets,
  userIds: string[],
): Promise<void> {
  // First, so authentications already under way decide again with the new grants, and read the
  // records afresh.
  const affected = sockets.accessChanging(userIds);
  const open = openDocumentsBySocket(hocuspocus);
  await Promise.all(
    affected.map(async (socket) => {
      const now = await currentActor(socket.owner);
      const { actor } = now;
      if (!actor) {
        // Ended: closed. Halfway through signing in and never let in: it holds no document.
        const reason = closeFor(socket, now);
        if (reason) socket.close(reason);
        return;
      }
      for (const { documentName, readOnly } of open.get(socket.id) ?? []) {
        const access = await accessTo(actor, documentName);
        if (!access || access.write === readOnly) return socket.close(CLOSE.accessChanged);
      }
    }),
  );
}

import type { connectedPayload, Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { isDatabaseUnavailable, reportDatabaseUnavailable } from "../../models/database-health.ts";
import { roleAt, roleLabelAt } from "../../models/permissions/can.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { CLOSE } from "../close-codes.ts";
import { colourFor, type CollabContext, type PresenceIdentity } from "../context.ts";
import { closeFor } from "../current-actor.ts";
import { accessTo, type DocumentAccess } from "../document-access.ts";
import type { OpenSocket, OpenSockets } from "../open-sockets.ts";
import { ownerNow } from "../owner-reading.ts";

function identityOf(actor: Actor, access: DocumentAccess): PresenceIdentity {
  const role = roleAt(actor, access.resource) ?? actor.grants[0].role;
  return {
    userId: actor.userId,
    name: actor.name,
    role,
    roleLabel: roleLabelAt(actor, access.resource),
    colour: colourFor(actor.userId),
    readOnly: !access.write,
  };
}

/**
 * Decides, for every document a socket asks for, whether this person may read it and whether
 * they may write it. Who the socket's owner is comes from a reading of their session (still
 * live?), the person (fully signed in?) and their grants made now, or a moment ago for another
 * document of the same socket, as long as nothing could have changed it unseen
 * (collab/owner-reading.ts); then the document's record is loaded and checked with the same
 * loaders and `can` as the HTTP routes. Malformed names, missing documents and forbidden ones,
 * and a session halfway through signing in, are refused with one and the same answer; a socket
 * whose session has ended is told so, and closed; a database that does not answer in time
 * closes the socket with "try again later" (it reconnects), never with a refusal.
 */
export class AuthenticationExtension implements Extension {
  extensionName = "authentication";

  constructor(private readonly sockets: OpenSockets) {}

  async onAuthenticate({
    documentName,
    context,
    connectionConfig,
  }: onAuthenticatePayload<CollabContext>) {
    const socket = this.sockets.get(context.socketId);
    if (!socket || socket.closing) throw { ...CLOSE.forbidden };
    // If the person's access is re-checked while this runs, the grants read here may be the old
    // ones: decide again until a decision was made with nothing changing underneath it.
    for (;;) {
      const epoch = socket.accessEpoch;
      const decision = await this.decide(socket, documentName).catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) throw error;
        // Not a refusal: close the socket with "try again later", so it reconnects and asks
        // again, rather than telling the person they have no access.
        reportDatabaseUnavailable(error);
        setImmediate(() => socket.close(CLOSE.unavailable));
        throw { ...CLOSE.unavailable };
      });
      if (socket.closing) throw { ...CLOSE.forbidden };
      if (socket.accessEpoch !== epoch) continue;
      const { actor, access } = decision;
      socket.admitted = true;
      connectionConfig.readOnly = !access.write;
      return { identity: identityOf(actor, access), decidedAtEpoch: epoch };
    }
  }

  /**
   * The document is connected only after it has loaded, well after the decision above: a
   * re-check of the person's access in between (collab/access-recheck.ts) found nothing of this
   * socket's in the document to close. So if their access changed since the decision, decide
   * again now, and close the socket as the re-check would have if the answer differs (the
   * browser reconnects and is let in as it now may). A change after this point the re-check
   * itself finds, the connection being in the document by now.
   */
  async connected({ context, documentName, connection }: connectedPayload<CollabContext>) {
    const socket = context.socketId ? this.sockets.get(context.socketId) : undefined;
    if (!socket || socket.closing || socket.accessEpoch === context.decidedAtEpoch) return;
    const now = await this.decide(socket, documentName).catch(() => null);
    if (!now || now.access.write === connection.readOnly) socket.close(CLOSE.accessChanged);
  }

  private async decide(socket: OpenSocket, documentName: string) {
    const now = await ownerNow(socket, this.sockets);
    const ended = closeFor(socket, now);
    if (ended) {
      // Signed out, revoked or expired since the socket opened (or a second factor fell due
      // since it was let in): every document on it goes.
      setImmediate(() => socket.close(ended));
      throw { ...ended };
    }
    const { actor } = now;
    // The record is read once for every socket asking for it meanwhile (ADR 049).
    const access = actor ? await accessTo(actor, documentName, this.sockets.recordReadings) : null;
    if (!actor || !access) throw { ...CLOSE.forbidden };
    return { actor, access };
  }
}

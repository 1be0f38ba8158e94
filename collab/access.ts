import type * as Y from "yjs";

/**
 * Whose sessions ended: these sessions, or every session of one person but (perhaps) one; or
 * these sessions, each replaced by a new one in the same browser (ADR 048); or these personal
 * access tokens (revoked, ADR 019).
 */
export type SessionTarget =
  | { sessionIds: string[] }
  | { replacedSessionIds: string[] }
  | { userId: string; exceptSessionId?: string }
  | { tokenIds: string[] };

/**
 * What server code outside the collab server (commands, Remix actions) may do with live
 * documents and the sockets that hold them. Behind this interface so that, with several
 * processes, each call can be published to all of them (Redis pub/sub) without its callers
 * changing.
 */
export interface CollabAccess {
  /** A copy of the document's current state (loaded from the database if nobody has it open). */
  read(name: string): Promise<Y.Doc>;
  /** Applies `change` to the live document in one transaction and waits until it is durable. */
  change(name: string, change: (doc: Y.Doc) => void): Promise<void>;
  /**
   * Closes the live sockets of sessions that have ended, with "Your session has ended" (or, for
   * a session replaced in the same browser, with "Your sign-in was renewed", and the browser
   * reconnects with its new cookie): at once, and nothing they send afterwards reaches anyone.
   * Call after revoking the sessions in the database, so a reconnect with the old cookie is
   * refused too.
   */
  endSessions(target: SessionTarget): Promise<void>;
  /**
   * Re-checks every document these people have open against their current grants; a socket
   * that lost read access, or whose write access changed, is closed with "Your access to this
   * document has changed" and reconnects in the right mode (or is refused). Call after the
   * permission change is written (a role removed, a contributor or validator taken off).
   */
  recheckAccess(userIds: string[]): Promise<void>;
}

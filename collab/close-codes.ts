/**
 * Why the server closed a collaboration socket. Codes 4000–4999 are ours to define; the
 * browser shows `reason` to the person, so it is written for them.
 */
export interface CloseReason {
  code: number;
  reason: string;
}

export const CLOSE = {
  /** Same as Hocuspocus's Forbidden: used for "not found" too, so the two look alike. */
  forbidden: { code: 4403, reason: "You do not have access to this document." },
  malformedMessage: {
    code: 4400,
    reason: "The server could not read a message from this browser, so it closed the connection.",
  },
  messageTooLarge: {
    code: 4413,
    reason: "A change was too large to send in one go, so the server closed the connection.",
  },
  crossOrigin: { code: 4401, reason: "Connections are only accepted from this site." },
  /**
   * The session behind the socket ended (signed out, password changed, signed out everywhere
   * by a trust admin, expired). The browser stops reconnecting and offers to sign in again.
   */
  sessionEnded: { code: 4402, reason: "Your session has ended. Sign in again." },
  /**
   * The session behind the socket was replaced by a new one in the same browser (two-factor
   * sign-in turned on, ADR 048). The browser reconnects with the cookie it holds now; a copy
   * of the old cookie held anywhere else is refused.
   */
  sessionRenewed: { code: 4411, reason: "Your sign-in was renewed in this browser." },
  /**
   * What the person may do with an open document changed (a role removed, a contributor or
   * validator taken off). The browser reconnects and is let in read-only, read-write, or not.
   */
  accessChanged: { code: 4409, reason: "Your access to this document has changed." },
  /**
   * The database did not answer while the server checked who may open a document (ADR 007).
   * A standard "try again later" code: the browser reconnects, and is let in once it answers;
   * it is never told it has no access.
   */
  unavailable: {
    code: 1013,
    reason: "The server cannot reach its database just now.",
  },
  /**
   * The personal access token behind a /yjs/ socket was revoked or expired (ADR 019). In the
   * 4400s, so the y-websocket client stops reconnecting.
   */
  tokenEnded: {
    code: 4402,
    reason: "This access token is not valid: it may have been revoked or have expired.",
  },
} as const satisfies Record<string, CloseReason>;

/** How a socket whose credential is no longer good is told: a session ended, or a token did. */
export function credentialEnded(owner: { tokenId?: string } | null): CloseReason {
  return owner?.tokenId !== undefined ? CLOSE.tokenEnded : CLOSE.sessionEnded;
}

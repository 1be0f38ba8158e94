import type { Role } from "../models/permissions/roles.ts";

/**
 * Who a socket's credential named when it opened: a claim the server re-checks, never a fact.
 * Either a session (the browser's cookie on /collab or /yjs/) or a personal access token
 * (an integration on /yjs/, ADR 019); only ids are kept, never the secret.
 */
export type SocketOwner =
  | { userId: string; sessionId: string; tokenId?: undefined }
  | { userId: string; tokenId: string; sessionId?: undefined };

/** What the collab server knows about a connection. */
export interface CollabContext {
  /** The socket it came on (collab/open-sockets.ts); null for the server's own connections. */
  socketId: string | null;
  /**
   * The session the socket's cookie named at the upgrade, at whatever stage of signing in
   * (null: none, or it had ended). The documents opened on the socket read this session, the
   * person, their second factor and their grants from the database (one reading serves those
   * opened together: collab/owner-reading.ts).
   */
  owner: SocketOwner | null;
  /** Filled in by authentication, per document: how this person appears to others there. */
  identity?: PresenceIdentity;
  /**
   * Filled in by authentication, per document: the socket's access epoch its decision was made
   * at (collab/open-sockets.ts). A re-check that comes before the document is connected cannot
   * see it; the connection compares this when it is made (AuthenticationExtension.connected).
   */
  decidedAtEpoch?: number;
}

/** The presence identity others see. Stamped by the server; whatever a client claims is replaced. */
export interface PresenceIdentity {
  userId: string;
  name: string;
  role: Role;
  roleLabel: string;
  colour: string;
  readOnly: boolean;
}

// Dark enough for white text (≥ 4.5:1) and distinct from one another.
const PALETTE = [
  "#1d4ed8",
  "#b91c1c",
  "#047857",
  "#7c3aed",
  "#b45309",
  "#0e7490",
  "#be185d",
  "#4d7c0f",
];

export function colourFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

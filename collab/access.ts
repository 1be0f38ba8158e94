import type * as Y from "yjs";

/**
 * What server code outside the collab server (Remix actions) may do with live documents:
 * read the current state, or change it as the server. Changes go through the same
 * persistence as everyone's edits and reach every open browser at once.
 */
export interface CollabAccess {
  /** A copy of the document's current state (loaded from the database if nobody has it open). */
  read(name: string): Promise<Y.Doc>;
  /** Applies `change` to the live document in one transaction and waits until it is durable. */
  change(name: string, change: (doc: Y.Doc) => void): Promise<void>;
}

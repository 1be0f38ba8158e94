import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import type { SaveState } from "./save-tracker.ts";

/**
 * The contract between a page and its realtime backend: one room per page, one connection per
 * room, any number of documents in it. Everything the pages and components use is written
 * against these types; only `hocuspocus-room.client.ts` knows which backend serves them (the
 * seam for another one, e.g. Liveblocks: implement `Room` and hand it out in `page-room.ts`).
 */

/** What the server said about one open document. Changes rarely (not on every keystroke). */
export interface DocumentStatus {
  /**
   * null until the server has answered; then whether this person may only read. Also true for
   * good once the person's session ended.
   */
  readOnly: boolean | null;
  /** Set when the server refused the document (no access); the reason is for the person. */
  refused: string | null;
  /** Why the server closed the connection, while it reconnects (for the person); else null. */
  closedReason: string | null;
  /**
   * Is the content complete: synced with the server since it was opened, or filled from the
   * state the page was served with? (The save state says whether the connection has synced.)
   */
  synced: boolean;
}

/** Whether this browser's edits of one document are known to be in the database. */
export interface SaveStatus {
  state: SaveState;
  /** True while some edit made here is not yet confirmed durable. */
  unsavedEdits: boolean;
}

/** One shared document open in a room. */
export interface RoomDocument {
  readonly name: string;
  readonly doc: Y.Doc;
  /** Who else has this document open and where they are (server-stamped identities). */
  readonly awareness: Awareness;
  /** The latest status; a new object only when something in it changed. */
  status(): DocumentStatus;
  /** The latest save status; a new object only when something in it changed. */
  save(): SaveStatus;
  /** Called after any change of `status()` or `save()`. */
  subscribe(listener: () => void): () => void;
}

/** The page's connection and the documents open on it. */
export interface Room {
  /**
   * Opens a document (or shares the one already open: documents are counted, so every
   * component may open what it needs). Each `open` is matched by one `release`.
   * `initialState` (a Yjs update the page was served with, see document-state.server.ts) fills
   * the document at once, so it is complete and usable before the connection has synced.
   */
  open(name: string, initialState?: Uint8Array): RoomDocument;
  release(name: string): void;
  /** The documents open now. */
  documents(): RoomDocument[];
  /** True once the person's session ended: nothing is sent any more (see session-ended.ts). */
  sessionEnded(): boolean;
  /** Called whenever a document opens or closes, or any document's status or save changes. */
  subscribe(listener: () => void): () => void;
}

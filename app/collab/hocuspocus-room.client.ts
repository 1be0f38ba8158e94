import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { CLOSE } from "../../collab/close-codes.ts";
import { trackDurability } from "./durability.ts";
import type { DocumentStatus, Room, RoomDocument, SaveStatus } from "./room.ts";
import { forgetSession, markSessionEnded } from "./session-ended.ts";

/**
 * The room on Hocuspocus: ONE `HocuspocusProviderWebsocket` per page, shared by a
 * `HocuspocusProvider` per document (Hocuspocus multiplexing: the server authenticates each
 * document on the socket separately, with the session cookie). Each document also keeps a local
 * IndexedDB copy for offline work and runs the durability handshake behind the save state.
 *
 * A socket closed because the session ended (4402) stops the whole room; one closed because
 * access changed (4409), or because the sign-in was renewed in this browser (4411, ADR 048),
 * reconnects with the cookie the browser holds now, and every document is let in again
 * read-only, read-write or not at all.
 */

/** A Hocuspocus room document: the provider is exposed only for code that still needs it. */
export interface HocuspocusRoomDocument extends RoomDocument {
  readonly provider: HocuspocusProvider;
}

export interface HocuspocusRoomOptions {
  /** Whose room: local copies are kept per person, so a shared computer never mixes them. */
  userId: string;
  /** Defaults to this site's `/collab`. */
  url?: string;
  /** For Node tests: a WebSocket class that sends the session cookie. */
  WebSocketPolyfill?: unknown;
  /**
   * Keeps a local copy of a document (default: IndexedDB); null for none (Node tests).
   * `whenSynced` settles once the copy is in the document.
   */
  localCopy?:
    | ((key: string, doc: Y.Doc) => { destroy(): unknown; whenSynced?: Promise<unknown> })
    | null;
  /** How long a released document stays open in case it is opened again (StrictMode, re-renders). */
  graceMs?: number;
}

interface Entry {
  users: number;
  closing: ReturnType<typeof setTimeout> | null;
  handle: HocuspocusRoomDocument;
  status: DocumentStatus;
  save: SaveStatus;
  listeners: Set<() => void>;
  destroy(): void;
}

/** How long a document waits for its local copy before connecting without it (a stuck IndexedDB). */
const LOCAL_COPY_WAIT_MS = 2_000;

function siteCollabUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/collab`;
}

/**
 * Our own close reasons are written for people; anything else (a network drop) has none to show.
 * Nor has a renewed sign-in: nothing is wrong, and the save state says "Connecting…" for the
 * moment it takes.
 */
function reasonToShow(code: number): string | null {
  if (code === CLOSE.sessionRenewed.code) return null;
  return Object.values(CLOSE).find((c) => c.code === code)?.reason ?? null;
}

export function createHocuspocusRoom(options: HocuspocusRoomOptions): Room & {
  open(name: string, initialState?: Uint8Array): HocuspocusRoomDocument;
  documents(): HocuspocusRoomDocument[];
} {
  const entries = new Map<string, Entry>();
  const roomListeners = new Set<() => void>();
  const graceMs = options.graceMs ?? 0;
  const localCopy =
    options.localCopy === undefined
      ? (key: string, doc: Y.Doc) => new IndexeddbPersistence(key, doc)
      : options.localCopy;
  let socket: HocuspocusProviderWebsocket | null = null;
  let ended = false;
  // This room's mark in session-ended.ts (one notice for the page).
  const marker = {};

  const notifyRoom = () => roomListeners.forEach((listener) => listener());

  function update(entry: Entry, patch: Partial<DocumentStatus>) {
    const next = { ...entry.status, ...patch };
    const keys = Object.keys(patch) as (keyof DocumentStatus)[];
    if (keys.every((k) => next[k] === entry.status[k])) return;
    entry.status = next;
    entry.listeners.forEach((listener) => listener());
    notifyRoom();
  }

  // Reconnecting would only be refused, so stop; lock the documents; keep the local copies, so
  // whatever was typed and not yet sent reaches the server once the person signs in again.
  function endSession() {
    if (ended) return;
    ended = true;
    socket?.disconnect();
    for (const entry of entries.values()) update(entry, { readOnly: true });
    markSessionEnded(marker);
  }

  function theSocket(): HocuspocusProviderWebsocket {
    if (socket) return socket;
    socket = new HocuspocusProviderWebsocket({
      url: options.url ?? siteCollabUrl(),
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    socket.on("close", ({ event }: { event: { code: number } }) => {
      if (event.code === CLOSE.sessionEnded.code) return endSession();
      if (ended) return;
      const closedReason = reasonToShow(event.code);
      for (const entry of entries.values()) update(entry, { closedReason });
    });
    return socket;
  }

  function openEntry(name: string, initialState?: Uint8Array): Entry {
    const doc = new Y.Doc();
    // What the page was served with: complete as of the page's load. Applied before anything
    // listens, so it is neither sent back nor counted as an edit of this browser.
    if (initialState) Y.applyUpdate(doc, initialState, "page");
    const local = localCopy?.(`${name}:${options.userId}`, doc) ?? null;
    const entry = {
      users: 1,
      closing: null,
      status: {
        readOnly: ended ? true : null,
        refused: null,
        closedReason: null,
        synced: Boolean(initialState),
      },
      save: { state: "connecting", unsavedEdits: false },
      listeners: new Set(),
    } as unknown as Entry;
    const provider = new HocuspocusProvider({
      websocketProvider: theSocket(),
      name,
      document: doc,
      // The session cookie authenticates; Hocuspocus still wants a token to send.
      token: "cookie",
      onAuthenticated: ({ scope }) => {
        if (!ended)
          update(entry, { readOnly: scope === "readonly", refused: null, closedReason: null });
      },
      onAuthenticationFailed: ({ reason }) => {
        if (reason === CLOSE.sessionEnded.reason) return endSession();
        // The server could not check just now: its socket closes and reconnects, and asks again.
        if (reason === CLOSE.unavailable.reason) return update(entry, { closedReason: reason });
        update(entry, { refused: reason });
      },
      onSynced: ({ state }) => {
        if (state) update(entry, { synced: true });
      },
    });
    const durability = trackDurability(provider);
    // The local copy goes into the document before the provider syncs, so the sync carries it
    // and its answer says whether the server has it. Restored after the sync, it would go as an
    // update of its own, which a read-only connection (the record, the comment threads, the
    // evaluation a validator reads) refuses, and a refused update is never answered: the page
    // said "Saving…", and asked before closing, for content the server already held.
    let destroyed = false;
    const attach = () => {
      if (!destroyed && !ended) provider.attach();
    };
    if (local?.whenSynced) {
      const waited = setTimeout(attach, LOCAL_COPY_WAIT_MS);
      const loaded = () => {
        clearTimeout(waited);
        attach();
      };
      local.whenSynced.then(loaded, loaded);
    } else attach();
    const onSave = () => {
      const { state, hasUnsavedEdits } = durability.tracker;
      if (state === entry.save.state && hasUnsavedEdits === entry.save.unsavedEdits) return;
      entry.save = { state, unsavedEdits: hasUnsavedEdits };
      entry.listeners.forEach((listener) => listener());
      notifyRoom();
    };
    durability.tracker.subscribe(onSave);
    onSave();
    entry.handle = {
      name,
      doc,
      awareness: provider.awareness!,
      provider,
      status: () => entry.status,
      save: () => entry.save,
      subscribe(listener) {
        entry.listeners.add(listener);
        return () => entry.listeners.delete(listener);
      },
    };
    entry.destroy = () => {
      destroyed = true;
      durability.stop();
      provider.destroy();
      void local?.destroy();
      doc.destroy();
    };
    return entry;
  }

  function close(name: string) {
    const entry = entries.get(name);
    if (!entry || entry.users > 0) return;
    entries.delete(name);
    entry.destroy();
    if (entries.size === 0) {
      // The page left: the next one starts clean, with a connection of its own.
      socket?.destroy();
      socket = null;
      ended = false;
      forgetSession(marker);
    }
    notifyRoom();
  }

  return {
    open(name, initialState) {
      const existing = entries.get(name);
      if (existing) {
        existing.users += 1;
        if (existing.closing) clearTimeout(existing.closing);
        existing.closing = null;
        return existing.handle;
      }
      const entry = openEntry(name, initialState);
      entries.set(name, entry);
      notifyRoom();
      return entry.handle;
    },
    release(name) {
      const entry = entries.get(name);
      if (!entry || entry.users === 0) return;
      entry.users -= 1;
      if (entry.users > 0) return;
      if (entry.closing) clearTimeout(entry.closing);
      entry.closing = setTimeout(() => close(name), graceMs);
    },
    documents: () => [...entries.values()].map((entry) => entry.handle),
    sessionEnded: () => ended,
    subscribe(listener) {
      roomListeners.add(listener);
      return () => roomListeners.delete(listener);
    },
  };
}

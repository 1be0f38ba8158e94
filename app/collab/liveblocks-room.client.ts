import { createClient, type Room as LiveblocksRoomHandle } from "@liveblocks/client";
import { getYjsProviderForRoom } from "@liveblocks/yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { DocumentStatus, Room, RoomDocument, SaveStatus } from "./room.ts";
import { followNetwork, SaveTracker } from "./save-tracker.ts";
import { forgetSession, markSessionEnded } from "./session-ended.ts";

/**
 * The room on Liveblocks (ADR 021): each document is a Liveblocks room of the same name, with
 * its own client and connection (Liveblocks has no multiplexing across rooms), entered with an
 * ID token from our auth endpoint (/collab/liveblocks-auth: our policy decides; a refused
 * document gets no token). Pages and components see the same `Room` as on Hocuspocus.
 *
 * - Presence identity is the server's: every awareness state is shown with the user info the
 *   auth endpoint put in that connection's token, whatever the client wrote in it.
 * - "Saved" means in MongoDB: once Liveblocks has acknowledged this browser's edits, the room
 *   asks /collab/liveblocks-saved whether the stored state covers its snapshot (the server
 *   pulls the room over REST and stores it first), and again until it does.
 * - Each document keeps a local copy in IndexedDB, per person (as on Hocuspocus): edits typed
 *   while Liveblocks is out of reach survive a reload and are sent once it is back.
 * - A session that ended (signed out elsewhere, revoked) leaves every room as soon as one of
 *   our endpoints says so (an ask, a token): Liveblocks cannot close the connection for us.
 */

export interface LiveblocksRoomOptions {
  userId: string;
  /** The Liveblocks server (its dev server in tests); Liveblocks' own when null. */
  baseUrl: string | null;
  /** This site's origin; defaults to the page's. */
  site?: string;
  /** For Node tests: fetch that sends the session cookie. */
  fetch?: typeof fetch;
  /** For Node tests: a WebSocket class. */
  WebSocket?: unknown;
  graceMs?: number;
  /** How long to wait before asking again whether edits are stored. */
  retryMs?: number;
  /** Keeps a local copy of a document (default: IndexedDB where there is one); null: none. */
  localCopy?: ((key: string, doc: Y.Doc) => LocalCopy) | null;
}

interface LocalCopy {
  whenSynced: Promise<unknown>;
  destroy(): unknown;
}

/** The origin of what the local copy brings back: sent to Liveblocks like an edit. */
const LOCAL_COPY = "local-copy";

interface Entry {
  users: number;
  closing: ReturnType<typeof setTimeout> | null;
  handle: RoomDocument;
  status: DocumentStatus;
  save: SaveStatus;
  listeners: Set<() => void>;
  destroy(): void;
  /** Leaves the Liveblocks room and stops asking, keeping the document as it is. */
  leave(): void;
}

interface UserInfo {
  name?: string;
  color?: string;
  role?: string;
  observing?: boolean;
}

function base64(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

/** The presence `user` field as the rest of the app reads it, from the server's user info. */
function stamped(userId: string | undefined, info: UserInfo | undefined) {
  return {
    name: info?.name ?? "",
    color: info?.color ?? "#444",
    role: info?.role ?? "",
    userId: userId ?? "",
    observing: Boolean(info?.observing),
  };
}

export function createLiveblocksRoom(options: LiveblocksRoomOptions): Room {
  const entries = new Map<string, Entry>();
  const roomListeners = new Set<() => void>();
  const site = options.site ?? window.location.origin;
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const retryMs = options.retryMs ?? 300;
  const localCopy =
    options.localCopy !== undefined
      ? options.localCopy
      : typeof indexedDB === "undefined"
        ? null
        : (key: string, doc: Y.Doc) => new IndexeddbPersistence(key, doc);
  const notifyRoom = () => roomListeners.forEach((listener) => listener());
  // The page's mark in the session-ended notice; `ended` once our server said the session is over.
  const marker = {};
  let ended = false;

  /** Our server said the session has ended: leave every room, lock the documents, say so. */
  function endSession() {
    if (ended) return;
    ended = true;
    for (const entry of entries.values()) {
      entry.leave();
      update(entry, { readOnly: true });
    }
    markSessionEnded(marker);
  }

  /** What a refusal from ours says: its reason; whether the session ended, or reading is all. */
  async function readRefusal(
    response: Response,
  ): Promise<{ reason?: string; ended: boolean; readOnly: boolean }> {
    const body = (await response.json().catch(() => ({}))) as {
      reason?: string;
      sessionEnded?: boolean;
      readOnly?: boolean;
    };
    return {
      reason: body.reason,
      ended: body.sessionEnded === true,
      readOnly: body.readOnly === true,
    };
  }

  function update(entry: Entry, patch: Partial<DocumentStatus>) {
    const next = { ...entry.status, ...patch };
    const keys = Object.keys(patch) as (keyof DocumentStatus)[];
    if (keys.every((k) => next[k] === entry.status[k])) return;
    entry.status = next;
    entry.listeners.forEach((listener) => listener());
    notifyRoom();
  }

  function openEntry(name: string, initialState?: Uint8Array): Entry {
    const entry = {
      users: 1,
      closing: null,
      status: { readOnly: null, refused: null, closedReason: null, synced: Boolean(initialState) },
      save: { state: "connecting", unsavedEdits: false },
      listeners: new Set(),
    } as unknown as Entry;

    // One client per document: ID tokens are per person, and a shared client would enter a
    // second room with the first room's token without asking our endpoint about it.
    const client = createClient({
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.WebSocket || options.fetch
        ? {
            polyfills: {
              ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
              ...(options.fetch ? { fetch: options.fetch } : {}),
            },
          }
        : {}),
      authEndpoint: async (room) => {
        const response = await doFetch(`${site}/collab/liveblocks-auth`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ room }),
          credentials: "same-origin",
        });
        if (response.status === 403 || response.status === 401) {
          const { reason, ended: sessionOver } = await readRefusal(response);
          const refused = reason ?? "You do not have access to this document.";
          if (sessionOver) queueMicrotask(endSession);
          else update(entry, { refused });
          return { error: "forbidden", reason: refused };
        }
        if (!response.ok) throw new Error(`The auth endpoint answered ${response.status}`);
        return (await response.json()) as { token: string };
      },
    } as Parameters<typeof createClient>[0]);
    const { room, leave } = client.enterRoom(name, { initialPresence: {} }) as {
      room: LiveblocksRoomHandle;
      leave(): void;
    };
    const provider = getYjsProviderForRoom(room);
    const doc = provider.getYDoc();
    const tracker = new SaveTracker();
    const stopFollowingNetwork = followNetwork(tracker);

    // Served state first, so the document is complete before the room has synced. It came from
    // the room (the loader read it there), so it is applied as the provider applies the room's
    // own updates: not sent back (a read-only person must not send anything), not an edit.
    if (initialState) Y.applyUpdate(doc, initialState, "backend");

    const awareness = provider.awareness as unknown as Awareness;
    // Liveblocks keys awareness by the document's client id, as y-protocols does.
    if (awareness.clientID === undefined) {
      (awareness as { clientID: number }).clientID = doc.clientID;
    }
    // Server-stamped identities (ADR 004): each state is shown with the user info of the
    // connection that holds it (its ID token, from our endpoint), whatever the client wrote.
    awareness.getStates = () => {
      const out = new Map<number, Record<string, unknown>>();
      const self = room.getSelf();
      const local = awareness.getLocalState();
      for (const other of room.getOthers()) {
        const presence = other.presence as Record<string, unknown>;
        const clientId = presence.__yjs_clientid;
        const state = presence.__yjs as Record<string, unknown> | null | undefined;
        if (typeof clientId !== "number" || !state || clientId === doc.clientID) continue;
        out.set(clientId, { ...state, user: stamped(other.id, other.info as UserInfo) });
      }
      if (self && local) {
        out.set(doc.clientID, { ...local, user: stamped(self.id, self.info as UserInfo) });
      }
      return out;
    };

    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== "backend" && room.getSelf()?.canWrite !== false) {
        tracker.localEdit();
        askSoon();
      }
    };
    doc.on("update", onUpdate);

    // The local copy lives in a document of its own, merged in once IndexedDB has loaded it:
    // what it brings back is then sent to Liveblocks like an edit (the provider never sends
    // what an IndexedDB provider bound to its own document applies, and would miss a copy
    // that loads after it first synced). Keyed per document and person: a shared computer
    // never hands one person's unsent edits to another.
    const copyDoc = localCopy ? new Y.Doc() : null;
    const copy = copyDoc ? localCopy!(`${name}:${options.userId}`, copyDoc) : null;
    const toCopy = (update: Uint8Array) => {
      if (copyDoc) Y.applyUpdate(copyDoc, update);
    };
    if (copyDoc && copy) {
      Y.applyUpdate(copyDoc, Y.encodeStateAsUpdate(doc));
      doc.on("update", toCopy);
      void copy.whenSynced.then(() => {
        if (!stopped) Y.applyUpdate(doc, Y.encodeStateAsUpdate(copyDoc), LOCAL_COPY);
      });
    }

    // "Saved": ask whether MongoDB holds this browser's state, once Liveblocks has it.
    let asking = false;
    // Our server said this person may only read now (the connection still may write).
    let demoted = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    function askSoon(delay = 0) {
      if (timer || asking || stopped) return;
      timer = setTimeout(() => {
        timer = null;
        void ask();
      }, delay);
    }
    async function ask() {
      if (stopped || !tracker.hasUnsavedEdits) return;
      // Someone who may only read has nothing to save (the server would refuse to look).
      if (demoted || room.getSelf()?.canWrite === false) return;
      if (provider.getStatus() !== "synchronized") return askSoon(retryMs);
      asking = true;
      const n = tracker.editCount;
      const snapshot = base64(Y.encodeSnapshot(Y.snapshot(doc)));
      try {
        const response = await doFetch(`${site}/collab/liveblocks-saved`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ room: name, snapshot }),
          credentials: "same-origin",
        });
        if (response.status === 403) {
          // Access changed since the room let this connection in, which Liveblocks keeps open
          // as it was: lock the document (may only read now) or leave it (may not even read).
          const refusal = await readRefusal(response);
          if (refusal.ended) return endSession();
          if (refusal.readOnly) {
            demoted = true;
            return update(entry, { readOnly: true });
          }
          entry.leave();
          return update(entry, {
            readOnly: true,
            refused: refusal.reason ?? "You do not have access to this document.",
          });
        }
        const answer = response.ok ? ((await response.json()) as { durable: boolean }) : null;
        if (answer?.durable) tracker.confirmed(n);
      } catch {
        // Offline or the server is restarting: asked again below.
      } finally {
        asking = false;
      }
      if (tracker.hasUnsavedEdits) askSoon(retryMs);
    }
    const onSyncStatus = () => {
      if (provider.getStatus() === "synchronized" && tracker.hasUnsavedEdits) askSoon();
    };
    provider.on("status", onSyncStatus);
    const onSynced = (synced: boolean) => {
      if (!synced) return;
      tracker.syncedWithServer();
      update(entry, { synced: true });
    };
    provider.on("sync", onSynced);

    // What the server said about this person (from the room's answer to our token).
    const onSelf = () => {
      const self = room.getSelf();
      if (!self || ended || room.getStatus() !== "connected") return;
      update(entry, { readOnly: demoted || !self.canWrite, refused: null, closedReason: null });
    };
    const unsubscribeSelf = room.events.self.subscribe(onSelf);
    const unsubscribeStatus = room.subscribe("status", (status) => {
      const connected = status === "connected";
      tracker.connection(connected);
      if (connected) {
        onSelf();
        if (provider.getStatus() !== "loading") tracker.syncedWithServer();
      }
    });

    const onSave = () => {
      const { state, hasUnsavedEdits } = tracker;
      if (state === entry.save.state && hasUnsavedEdits === entry.save.unsavedEdits) return;
      entry.save = { state, unsavedEdits: hasUnsavedEdits };
      entry.listeners.forEach((listener) => listener());
      notifyRoom();
    };
    tracker.subscribe(onSave);
    onSave();

    entry.handle = {
      name,
      doc,
      awareness,
      status: () => entry.status,
      save: () => entry.save,
      subscribe(listener) {
        entry.listeners.add(listener);
        return () => entry.listeners.delete(listener);
      },
    };
    let left = false;
    entry.leave = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (left) return;
      left = true;
      leave();
    };
    entry.destroy = () => {
      entry.leave();
      doc.off("update", onUpdate);
      doc.off("update", toCopy);
      void copy?.destroy();
      provider.off("status", onSyncStatus);
      provider.off("sync", onSynced);
      unsubscribeStatus();
      unsubscribeSelf();
      stopFollowingNetwork();
    };
    return entry;
  }

  function close(name: string) {
    const entry = entries.get(name);
    if (!entry || entry.users > 0) return;
    entries.delete(name);
    entry.destroy();
    if (entries.size === 0) {
      // The page left: the next one starts clean.
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
      if (ended) {
        entry.leave();
        update(entry, { readOnly: true });
      }
      notifyRoom();
      return entry.handle;
    },
    release(name) {
      const entry = entries.get(name);
      if (!entry || entry.users === 0) return;
      entry.users -= 1;
      if (entry.users > 0) return;
      if (entry.closing) clearTimeout(entry.closing);
      entry.closing = setTimeout(() => close(name), options.graceMs ?? 0);
    },
    documents: () => [...entries.values()].map((entry) => entry.handle),
    sessionEnded: () => ended,
    subscribe(listener) {
      roomListeners.add(listener);
      return () => roomListeners.delete(listener);
    },
  };
}

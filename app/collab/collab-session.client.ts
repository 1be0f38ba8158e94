import { HocuspocusProvider } from "@hocuspocus/provider";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { encodeMessage, parseServerMessage } from "../../collab/stateless.ts";
import { SaveTracker } from "./save-tracker.ts";

export interface CollabSession {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  tracker: SaveTracker;
  destroy(): void;
}

export interface CollabCallbacks {
  onReadOnly(readOnly: boolean): void;
  onRefused(reason: string): void;
  onClosed(reason: string | null): void;
}

function collabUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/collab`;
}

/**
 * Opens one collaborative document: Hocuspocus over /collab (the session cookie
 * authenticates), a local IndexedDB copy for offline work, and the durability handshake that
 * drives the save indicator.
 */
export function openCollabSession(name: string, userId: string, callbacks: CollabCallbacks): CollabSession {
  const doc = new Y.Doc();
  const tracker = new SaveTracker();
  // Per person, so a shared computer never mixes two people's unsent edits.
  const local = new IndexeddbPersistence(`${name}:${userId}`, doc);

  const provider = new HocuspocusProvider({
    url: collabUrl(),
    name,
    document: doc,
    token: "cookie",
    onAuthenticated: ({ scope }) => callbacks.onReadOnly(scope === "readonly"),
    onAuthenticationFailed: ({ reason }) => callbacks.onRefused(reason),
    onStatus: ({ status }) => tracker.connection(status === "connected"),
    onSynced: ({ state }) => {
      if (state) tracker.syncedWithServer();
    },
    onClose: ({ event }) => callbacks.onClosed(event.code >= 4000 ? event.reason : null),
    onStateless: ({ payload }) => {
      const message = parseServerMessage(payload);
      if (message) tracker.confirmed(message.n);
    },
  });

  // Registered after the provider's own listener, so an edit is sent before we count it.
  // Edits restored from IndexedDB count too: the server may not have them yet.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) tracker.localEdit();
  };
  doc.on("update", onUpdate);

  // When the server has applied everything we sent, ask it to confirm durability.
  const onUnsynced = ({ number }: { number: number }) => {
    if (number === 0 && tracker.hasUnsavedEdits) {
      provider.sendStateless(encodeMessage({ type: "checkpoint", n: tracker.editCount }));
    }
  };
  provider.on("unsyncedChanges", onUnsynced);

  return {
    doc,
    provider,
    tracker,
    destroy() {
      doc.off("update", onUpdate);
      provider.off("unsyncedChanges", onUnsynced);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

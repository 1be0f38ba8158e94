import { HocuspocusProvider } from "@hocuspocus/provider";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { trackDurability } from "./durability.ts";
import type { SaveTracker } from "./save-tracker.ts";

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
export function openCollabSession(
  name: string,
  userId: string,
  callbacks: CollabCallbacks,
): CollabSession {
  const doc = new Y.Doc();
  // Per person, so a shared computer never mixes two people's unsent edits.
  const local = new IndexeddbPersistence(`${name}:${userId}`, doc);
  const provider = new HocuspocusProvider({
    url: collabUrl(),
    name,
    document: doc,
    token: "cookie",
    onAuthenticated: ({ scope }) => callbacks.onReadOnly(scope === "readonly"),
    onAuthenticationFailed: ({ reason }) => callbacks.onRefused(reason),
    onClose: ({ event }) => callbacks.onClosed(event.code >= 4000 ? event.reason : null),
  });
  const durability = trackDurability(provider);
  return {
    doc,
    provider,
    tracker: durability.tracker,
    destroy() {
      durability.stop();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

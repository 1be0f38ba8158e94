import { HocuspocusProvider } from "@hocuspocus/provider";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { CLOSE } from "../../collab/close-codes.ts";
import { trackDurability } from "./durability.ts";
import type { SaveTracker } from "./save-tracker.ts";
import { forgetSession, markSessionEnded } from "./session-ended.ts";

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
  /** The person's session ended: the document is now read-only here, for good. */
  onSessionEnded?(): void;
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
  let ended = false;
  const marker = {};
  // The server closed the socket because the session ended (or refused it for that reason).
  // Reconnecting would only be refused, so stop; lock the editors; keep the local copy, so
  // whatever was typed and not yet sent reaches the server once the person signs in again.
  const endSession = () => {
    if (ended) return;
    ended = true;
    provider.configuration.websocketProvider.disconnect();
    callbacks.onReadOnly(true);
    callbacks.onSessionEnded?.();
    markSessionEnded(marker);
  };
  const provider = new HocuspocusProvider({
    url: collabUrl(),
    name,
    document: doc,
    token: "cookie",
    onAuthenticated: ({ scope }) => {
      if (!ended) callbacks.onReadOnly(scope === "readonly");
    },
    onAuthenticationFailed: ({ reason }) =>
      reason === CLOSE.sessionEnded.reason ? endSession() : callbacks.onRefused(reason),
    onClose: ({ event }) => {
      if (event.code === CLOSE.sessionEnded.code) return endSession();
      if (!ended) callbacks.onClosed(event.code >= 4000 ? event.reason : null);
    },
  });
  const durability = trackDurability(provider);
  return {
    doc,
    provider,
    tracker: durability.tracker,
    destroy() {
      forgetSession(marker);
      durability.stop();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

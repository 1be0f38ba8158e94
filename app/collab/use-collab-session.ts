import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { useDocumentIn } from "./collab-room.tsx";
import type { HocuspocusRoomDocument } from "./hocuspocus-room.client.ts";
import type { RoomDocument } from "./room.ts";
import type { SaveState } from "./save-tracker.ts";
import { sessionHasEnded } from "./session-ended.ts";

/**
 * The older one-document API, now a thin layer over the page's room (so it shares the page's
 * one connection too). Kept for the meeting page until it moves to <CollabRoom>; new code uses
 * collab-room.tsx.
 */
export interface CollabSession {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  document: RoomDocument;
}

export interface CollabStatus {
  session: CollabSession | null;
  readOnly: boolean | null;
  refused: string | null;
  closedReason: string | null;
}

/** @deprecated use `useRoomDocument` under a `<CollabRoom>`. */
export function useCollabSession(name: string, userId: string, enabled = true): CollabStatus {
  const open = useDocumentIn(userId, enabled && name ? name : null);
  const document = open.document as HocuspocusRoomDocument | null;
  const session = useMemo(
    () => (document ? { doc: document.doc, provider: document.provider, document } : null),
    [document],
  );
  return {
    session,
    readOnly: open.readOnly,
    refused: open.refused,
    closedReason: open.closedReason,
  };
}

/** @deprecated use `useRoomSaveState` under a `<CollabRoom>`. */
export function useSaveState(session: CollabSession | null): SaveState {
  return useSyncExternalStore(
    (onChange) => session?.document.subscribe(onChange) ?? (() => {}),
    () => session?.document.save().state ?? "connecting",
    () => "connecting",
  );
}

/** @deprecated use `useWarnBeforeLeaving` from collab-room.tsx. */
export function useWarnBeforeLeaving(session: CollabSession | null) {
  useEffect(() => {
    if (!session) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!session.document.save().unsavedEdits || sessionHasEnded()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [session]);
}

import { useEffect, useState, useSyncExternalStore } from "react";
import type { CollabSession } from "./collab-session.client.ts";
import { openCollabSession } from "./collab-session.client.ts";
import type { SaveState } from "./save-tracker.ts";
import { sessionHasEnded } from "./session-ended.ts";

export interface CollabStatus {
  session: CollabSession | null;
  readOnly: boolean | null;
  refused: string | null;
  closedReason: string | null;
}

/** Opens a collab session for the lifetime of the component (browser only). */
export function useCollabSession(name: string, userId: string, enabled = true): CollabStatus {
  const [status, setStatus] = useState<CollabStatus>({
    session: null,
    readOnly: null,
    refused: null,
    closedReason: null,
  });
  useEffect(() => {
    if (!enabled) return;
    const session = openCollabSession(name, userId, {
      onReadOnly: (readOnly) => setStatus((s) => ({ ...s, readOnly, closedReason: null })),
      onRefused: (reason) => setStatus((s) => ({ ...s, refused: reason })),
      onClosed: (reason) => setStatus((s) => ({ ...s, closedReason: reason })),
    });
    setStatus((s) => ({ ...s, session }));
    return () => session.destroy();
  }, [name, userId, enabled]);
  return status;
}

export function useSaveState(session: CollabSession | null): SaveState {
  return useSyncExternalStore(
    (onChange) => session?.tracker.subscribe(onChange) ?? (() => {}),
    () => session?.tracker.state ?? "connecting",
    () => "connecting",
  );
}

/**
 * Warns before leaving the page while some edit is not yet confirmed durable. Not once the
 * session has ended: then leaving (to sign in again) is the way to get those edits saved, and
 * the browser's local copy keeps them meanwhile.
 */
export function useWarnBeforeLeaving(session: CollabSession | null) {
  useEffect(() => {
    if (!session) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!session.tracker.hasUnsavedEdits || sessionHasEnded()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [session]);
}

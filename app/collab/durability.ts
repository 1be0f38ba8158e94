import type { HocuspocusProvider } from "@hocuspocus/provider";
import { SaveTracker } from "./save-tracker.ts";

/**
 * The browser's side of durability: counts local edits, and records them all as durable when
 * the server has answered every update sent, because the server answers an update only once it
 * is in the database (collab/durable-ack.ts, ADR 029). Works with any provider, in the browser
 * and in Node tests alike.
 */
export function trackDurability(provider: HocuspocusProvider): {
  tracker: SaveTracker;
  stop(): void;
} {
  const tracker = new SaveTracker();
  const doc = provider.document;

  // Registered after the provider's own listener, so an edit is sent before we count it.
  // Anything not from the server counts (edits restored from IndexedDB too: the server may
  // not have them yet).
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) tracker.localEdit();
  };
  // Every edit counted so far was sent before this answer was asked for: on connecting, the
  // provider's one outstanding answer is the one to the sync that carries every edit.
  const onUnsynced = ({ number }: { number: number }) => {
    if (number === 0 && tracker.hasUnsavedEdits) tracker.confirmed(tracker.editCount);
  };
  const onStatus = ({ status }: { status: string }) => tracker.connection(status === "connected");
  const onSynced = ({ state }: { state: boolean }) => {
    if (state) tracker.syncedWithServer();
  };

  doc.on("update", onUpdate);
  provider.on("unsyncedChanges", onUnsynced);
  provider.on("status", onStatus);
  provider.on("synced", onSynced);
  if (provider.isSynced) tracker.syncedWithServer();

  return {
    tracker,
    stop() {
      doc.off("update", onUpdate);
      provider.off("unsyncedChanges", onUnsynced);
      provider.off("status", onStatus);
      provider.off("synced", onSynced);
    },
  };
}

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { followNetwork, SaveTracker } from "./save-tracker.ts";

/**
 * The browser's side of durability: counts local edits, and records them as durable as the
 * server answers the updates that carried them, because the server answers an update only once
 * it is in the database (collab/durable-ack.ts, ADR 029). Works with any provider, in the
 * browser and in Node tests alike.
 *
 * The provider counts the answers it waits for: one more per update it sends, one less per
 * answer, and back to one when it syncs (the sync carries every edit). Answers come in order, so
 * a queue beside that count says which edits each answer covers: an answer confirms the edits
 * of the oldest message still waiting. Confirming only when the count reached zero confirmed
 * nothing while someone typed faster than answers came (ADR 029's amendment).
 */
export function trackDurability(provider: HocuspocusProvider): {
  tracker: SaveTracker;
  stop(): void;
} {
  const tracker = new SaveTracker();
  const stopFollowingNetwork = followNetwork(tracker);
  const doc = provider.document;
  /**
   * For each message the provider waits an answer to, oldest first: the edit count it carries
   * up to (null for a moment: an update's message is counted before the edit is, below).
   */
  let waiting: (number | null)[] = Array.from({ length: provider.unsyncedChanges }, () => 0);
  let changing = false;

  const increment = provider.incrementUnsyncedChanges.bind(provider);
  const decrement = provider.decrementUnsyncedChanges.bind(provider);
  // An update is about to be sent (before the edit it carries is counted, in onUpdate).
  provider.incrementUnsyncedChanges = () => {
    waiting.push(null);
    changing = true;
    try {
      increment();
    } finally {
      changing = false;
    }
  };
  // The server answered the oldest message: it is durable, with every edit it carried.
  provider.decrementUnsyncedChanges = () => {
    const answered = provider.unsyncedChanges > 0 ? waiting.shift() : undefined;
    changing = true;
    try {
      decrement();
    } finally {
      changing = false;
    }
    if (answered != null) tracker.confirmed(answered);
  };

  // Registered after the provider's own listener, so an edit is sent before we count it.
  // Anything not from the server counts (edits restored from IndexedDB too: the server may
  // not have them yet).
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    tracker.localEdit();
    if (waiting.length && waiting[waiting.length - 1] === null)
      waiting[waiting.length - 1] = tracker.editCount;
  };
  const onUnsynced = ({ number }: { number: number }) => {
    // Neither an update sent nor an answer: the provider synced again, and the one answer it
    // now waits for is the sync's, which carries every edit counted so far.
    if (!changing) waiting = Array.from({ length: number }, () => tracker.editCount);
    // Nothing waits: every edit counted so far was sent before the last answer was asked for.
    if (number === 0 && tracker.hasUnsavedEdits) tracker.confirmed(tracker.editCount);
  };
  const onStatus = ({ status }: { status: string }) => tracker.connection(status === "connected");
  // A provider attached to a socket already open hears no status, only that it opened for it.
  const onOpen = () => tracker.connection(true);
  const onSynced = ({ state }: { state: boolean }) => {
    if (state) tracker.syncedWithServer();
  };

  doc.on("update", onUpdate);
  provider.on("unsyncedChanges", onUnsynced);
  provider.on("status", onStatus);
  provider.on("open", onOpen);
  provider.on("synced", onSynced);
  if (provider.isSynced) tracker.syncedWithServer();

  return {
    tracker,
    stop() {
      stopFollowingNetwork();
      doc.off("update", onUpdate);
      provider.off("unsyncedChanges", onUnsynced);
      provider.off("status", onStatus);
      provider.off("open", onOpen);
      provider.off("synced", onSynced);
      provider.incrementUnsyncedChanges = increment;
      provider.decrementUnsyncedChanges = decrement;
    },
  };
}

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { encodeMessage, parseServerMessage } from "../../collab/stateless.ts";
import { SaveTracker } from "./save-tracker.ts";

/**
 * The browser's side of the durability handshake (collab/stateless.ts): counts local edits,
 * asks the server to confirm them once it has applied everything sent, and records what it
 * confirms. Works with any provider, in the browser and in Node tests alike.
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
  const onUnsynced = ({ number }: { number: number }) => {
    if (number === 0 && tracker.hasUnsavedEdits) {
      provider.sendStateless(encodeMessage({ type: "checkpoint", n: tracker.editCount }));
    }
  };
  const onStateless = ({ payload }: { payload: string }) => {
    const message = parseServerMessage(payload);
    if (message) tracker.confirmed(message.n);
  };
  const onStatus = ({ status }: { status: string }) => tracker.connection(status === "connected");
  const onSynced = ({ state }: { state: boolean }) => {
    if (state) tracker.syncedWithServer();
  };

  doc.on("update", onUpdate);
  provider.on("unsyncedChanges", onUnsynced);
  provider.on("stateless", onStateless);
  provider.on("status", onStatus);
  provider.on("synced", onSynced);
  if (provider.isSynced) tracker.syncedWithServer();

  return {
    tracker,
    stop() {
      doc.off("update", onUpdate);
      provider.off("unsyncedChanges", onUnsynced);
      provider.off("stateless", onStateless);
      provider.off("status", onStatus);
      provider.off("synced", onSynced);
    },
  };
}

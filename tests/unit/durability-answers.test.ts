import type { HocuspocusProvider } from "@hocuspocus/provider";
import { ObservableV2 } from "lib0/observable";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { trackDurability } from "../../app/collab/durability.ts";

/**
 * The part of Hocuspocus's provider that durability reads, with its counting rules: one more
 * answer awaited per update sent (counted as the update is sent, before anyone else hears of
 * the edit), one less per answer, and back to one when it syncs.
 */
class CountingProvider extends ObservableV2<{
  unsyncedChanges: (event: { number: number }) => void;
}> {
  unsyncedChanges = 0;
  isSynced = false;
  constructor(readonly document: Y.Doc) {
    super();
    document.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.incrementUnsyncedChanges();
    });
  }
  incrementUnsyncedChanges() {
    this.unsyncedChanges += 1;
    this.emit("unsyncedChanges", [{ number: this.unsyncedChanges }]);
  }
  decrementUnsyncedChanges() {
    if (this.unsyncedChanges > 0) this.unsyncedChanges -= 1;
    this.emit("unsyncedChanges", [{ number: this.unsyncedChanges }]);
  }
  /** Connected again: the sync carries every edit, and its answer is the one awaited. */
  sync() {
    this.unsyncedChanges = 1;
    this.emit("unsyncedChanges", [{ number: 1 }]);
  }
  answer() {
    this.decrementUnsyncedChanges();
  }
}

function setUp() {
  const doc = new Y.Doc();
  const provider = new CountingProvider(doc);
  const { tracker, stop } = trackDurability(provider as unknown as HocuspocusProvider);
  let typed = 0;
  const type = () => doc.getText("t").insert(0, `${typed++}`);
  // Connected and synced, nothing typed yet.
  provider.sync();
  provider.answer();
  return { provider, tracker, stop, type };
}

describe("edits confirmed as their answers come", () => {
  it("confirms each edit by its own answer while more are typed, not only once all are answered", () => {
    const { provider, tracker, type } = setUp();
    type();
    type();
    type();
    expect(tracker.durableCount).toBe(0);
    provider.answer();
    expect(tracker.durableCount).toBe(1);
    type();
    provider.answer();
    expect(tracker.durableCount).toBe(2);
    expect(tracker.hasUnsavedEdits).toBe(true);
    provider.answer();
    provider.answer();
    expect([tracker.durableCount, tracker.hasUnsavedEdits]).toEqual([4, false]);
  });

  it("takes a sync's reset of the count for no answer: edits made offline wait for the sync's", () => {
    const { provider, tracker, type } = setUp();
    // Offline: three updates sent into the void, none answered.
    type();
    type();
    type();
    // Back: the count goes from 3 to 1 without any answer.
    provider.sync();
    expect(tracker.durableCount).toBe(0);
    type();
    provider.answer();
    // The sync's answer covers the three edits it carried, not the one typed after it.
    expect(tracker.durableCount).toBe(3);
    provider.answer();
    expect(tracker.durableCount).toBe(4);
  });

  it("a sync from two awaited answers to one confirms nothing", () => {
    const { provider, tracker, type } = setUp();
    type();
    type();
    provider.sync();
    expect(tracker.durableCount).toBe(0);
    provider.answer();
    expect(tracker.durableCount).toBe(2);
  });

  it("hears nothing more once stopped", () => {
    const { provider, tracker, stop, type } = setUp();
    type();
    stop();
    type();
    provider.answer();
    provider.answer();
    expect([tracker.editCount, tracker.durableCount]).toEqual([1, 0]);
    expect(provider.unsyncedChanges).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { followNetwork, SaveTracker } from "../../app/collab/save-tracker.ts";

describe("SaveTracker", () => {
  it("says Saved only once the server confirmed every local edit", () => {
    const t = new SaveTracker();
    expect(t.state).toBe("connecting");
    t.connection(true);
    t.syncedWithServer();
    expect(t.state).toBe("saved");
    t.localEdit();
    t.localEdit();
    expect(t.state).toBe("saving");
    t.confirmed(1);
    expect(t.state).toBe("saving");
    t.confirmed(2);
    expect(t.state).toBe("saved");
    expect(t.hasUnsavedEdits).toBe(false);
  });

  it("shows Offline when the connection drops, and keeps unsaved edits counted", () => {
    const t = new SaveTracker();
    t.connection(true);
    t.syncedWithServer();
    t.localEdit();
    t.connection(false);
    expect(t.state).toBe("offline");
    expect(t.hasUnsavedEdits).toBe(true);
    t.connection(true);
    expect(t.state).toBe("connecting");
    t.syncedWithServer();
    expect(t.state).toBe("saving");
    t.confirmed(1);
    expect(t.state).toBe("saved");
  });

  it("shows Offline while the browser says it has no network, though the socket looks open", () => {
    const browser = Object.assign(new EventTarget(), { navigator: { onLine: true } });
    const t = new SaveTracker();
    const stop = followNetwork(t, browser as unknown as Window);
    t.connection(true);
    t.syncedWithServer();
    browser.navigator.onLine = false;
    browser.dispatchEvent(new Event("offline"));
    t.localEdit();
    expect(t.state).toBe("offline");
    browser.navigator.onLine = true;
    browser.dispatchEvent(new Event("online"));
    // The socket never closed: still synced, so the edit waits for its answer.
    expect(t.state).toBe("saving");
    t.confirmed(1);
    expect(t.state).toBe("saved");
    stop();
    browser.navigator.onLine = false;
    browser.dispatchEvent(new Event("offline"));
    expect(t.state).toBe("saved");
  });

  it("never counts a confirmation beyond the edits made, nor goes backwards", () => {
    const t = new SaveTracker();
    t.localEdit();
    t.confirmed(5);
    expect(t.durableCount).toBe(1);
    t.confirmed(0);
    expect(t.durableCount).toBe(1);
  });

  it("notifies subscribers of each change", () => {
    const t = new SaveTracker();
    const seen: string[] = [];
    const stop = t.subscribe((s) => seen.push(s));
    t.connection(true);
    t.syncedWithServer();
    t.localEdit();
    stop();
    t.confirmed(1);
    expect(seen).toEqual(["connecting", "saved", "saving"]);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { EditorStamps, editorOf } from "../../collab/editor-stamps.ts";

describe("stamping who edits a live document", () => {
  afterEach(() => vi.useRealTimers());

  it("stamps a person's first edit at once, then at most once a window, with the latest time", async () => {
    vi.useFakeTimers();
    const written: [string, string, number][] = [];
    const stamps = new EditorStamps(
      30_000,
      () => {},
      async (doc, user, at) => {
        written.push([doc, user, at.getTime()]);
      },
    );
    const t0 = Date.now();
    stamps.note("workspace.a", "ann", t0);
    expect(written).toEqual([["workspace.a", "ann", t0]]);
    // Typing on: nothing more until the window ends; then the latest edit's time.
    stamps.note("workspace.a", "ann", t0 + 1_000);
    stamps.note("workspace.a", "ann", t0 + 5_000);
    // Someone else is stamped on their own.
    stamps.note("workspace.a", "ben", t0 + 6_000);
    expect(written).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(written).toEqual([
      ["workspace.a", "ann", t0],
      ["workspace.a", "ben", t0 + 6_000],
      ["workspace.a", "ann", t0 + 5_000],
    ]);
  });

  it("writes what waits on shutdown", async () => {
    const written: number[] = [];
    const stamps = new EditorStamps(
      30_000,
      () => {},
      async (_d, _u, at) => {
        written.push(at.getTime());
      },
    );
    stamps.note("workspace.a", "ann", 1_000);
    stamps.note("workspace.a", "ann", 2_000);
    await stamps.flush();
    expect(written).toEqual([1_000, 2_000]);
  });

  it("knows the person only from a connection's context", () => {
    const connection = { context: { socketId: "s", owner: { userId: "ann", sessionId: "x" } } };
    expect(editorOf({ source: "connection", connection })).toBe("ann");
    expect(editorOf({ source: "local" })).toBeNull();
    expect(editorOf({ source: "redis" })).toBeNull();
    expect(editorOf(null)).toBeNull();
  });
});

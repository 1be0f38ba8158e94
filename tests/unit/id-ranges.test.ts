import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { IdRanges, UpdateIds } from "../../collab/id-ranges.ts";

/** A document whose every update (as its update event gives them) is kept in order. */
function recorded() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { doc, text: doc.getText("t"), updates };
}

/** What a second process's document sees as it applies `updates`: its own update events. */
function relayedTo(updates: Uint8Array[]): Uint8Array[] {
  const { doc, updates: seen } = recorded();
  for (const update of updates) Y.applyUpdate(doc, update, { source: "redis" });
  return seen;
}

const ids = (updates: Uint8Array[]) => {
  const all = new UpdateIds();
  for (const update of updates) all.include(update);
  return all;
};

describe("IdRanges", () => {
  it("merges touching and overlapping runs, so a run across them is held", () => {
    const ranges = new IdRanges();
    ranges.add(7, 0, 5);
    ranges.add(7, 5, 10);
    ranges.add(7, 20, 30);
    ranges.add(7, 25, 40);
    expect(ranges.has(7, 2, 8)).toBe(true);
    expect(ranges.has(7, 22, 38)).toBe(true);
    expect(ranges.has(7, 8, 11)).toBe(false);
    expect(ranges.has(7, 9, 21)).toBe(false);
    expect(ranges.has(8, 0, 1)).toBe(false);
  });

  it("answers as a plain set of clocks would, whatever order runs are added in", () => {
    // A small generator with a fixed seed, so a failure repeats.
    let seed = 12345;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 50; round++) {
      const ranges = new IdRanges();
      const clocks = new Set<number>();
      for (let added = 0; added < 20; added++) {
        const from = next(200);
        const to = from + next(12);
        ranges.add(3, from, to);
        for (let clock = from; clock < to; clock++) clocks.add(clock);
      }
      for (let asked = 0; asked < 50; asked++) {
        const from = next(210);
        const to = from + 1 + next(15);
        let all = true;
        for (let clock = from; clock < to; clock++) all &&= clocks.has(clock);
        expect(ranges.has(3, from, to), `round ${round}: ${from}…${to}`).toBe(all);
      }
    }
  });

  it("holds another set only when it has every run of every client", () => {
    const big = new IdRanges();
    big.add(1, 0, 100);
    big.add(2, 10, 20);
    const small = new IdRanges();
    small.add(1, 40, 60);
    small.add(2, 12, 13);
    expect(big.holds(small)).toBe(true);
    small.add(3, 0, 1);
    expect(big.holds(small)).toBe(false);
  });
});

describe("UpdateIds", () => {
  it("finds relayed typing in the log entries that hold it", () => {
    const writer = recorded();
    writer.text.insert(0, "Reading");
    writer.text.insert(7, " is strong");
    writer.text.delete(0, 1);
    const logged = [Y.mergeUpdates(writer.updates.slice(0, 2)), writer.updates[2]];
    expect(ids(logged).holds(ids(relayedTo(writer.updates)))).toBe(true);
  });

  it("misses a keystroke the log does not hold", () => {
    const writer = recorded();
    writer.text.insert(0, "Reading");
    writer.text.insert(7, "!");
    expect(ids(writer.updates.slice(0, 1)).holds(ids(relayedTo(writer.updates)))).toBe(false);
  });

  it("misses a deletion the log does not hold, though it adds nothing", () => {
    const writer = recorded();
    writer.text.insert(0, "Reading");
    writer.text.delete(2, 3);
    const deletion = writer.updates[1];
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0);
    expect(ids(writer.updates.slice(0, 1)).holds(ids(relayedTo(writer.updates)))).toBe(false);
    expect(ids(writer.updates).holds(ids(relayedTo(writer.updates)))).toBe(true);
  });

  it("does not count the gap of a merged entry as logged", () => {
    const writer = recorded();
    writer.text.insert(0, "a");
    writer.text.insert(1, "b");
    writer.text.insert(2, "c");
    const [first, second, third] = writer.updates;
    const withGap = Y.mergeUpdates([first, third]);
    expect(Y.decodeUpdate(withGap).structs.some((s) => s instanceof Y.Skip)).toBe(true);
    expect(ids([withGap]).holds(ids([second]))).toBe(false);
    expect(ids([withGap]).holds(ids([first, third]))).toBe(true);
  });

  it("asks only about what was new to the receiving process", () => {
    // The receiver already had the first sentence and a deletion in it; a later relay brings the
    // writer's whole state (every deletion included), but the update event there carries only
    // the second sentence.
    const writer = recorded();
    writer.text.insert(0, "First. ");
    writer.text.delete(0, 1);
    const receiver = recorded();
    for (const update of writer.updates) Y.applyUpdate(receiver.doc, update);
    writer.text.insert(6, "Second.");
    const whole = Y.encodeStateAsUpdate(writer.doc);
    expect(ids(writer.updates.slice(2)).holds(ids([whole]))).toBe(false);
    Y.applyUpdate(receiver.doc, whole, { source: "redis" });
    const relayed = receiver.updates.slice(2);
    expect(relayed).toHaveLength(1);
    expect(ids(writer.updates.slice(2)).holds(ids(relayed))).toBe(true);
  });
});

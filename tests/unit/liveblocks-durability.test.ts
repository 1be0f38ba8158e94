import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { coversSnapshot } from "../../collab/liveblocks/durability.ts";

const snapshotOf = (doc: Y.Doc) => Y.encodeSnapshot(Y.snapshot(doc));

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe("whether the stored document covers a browser's snapshot", () => {
  it("covers what it holds, and more than a browser has", () => {
    const browser = new Y.Doc();
    browser.getText("t").insert(0, "hello");
    const stored = copyOf(browser);
    expect(coversSnapshot(stored, snapshotOf(browser))).toBe(true);
    stored.getText("t").insert(5, " world");
    expect(coversSnapshot(stored, snapshotOf(browser))).toBe(true);
  });

  it("does not cover an insertion it lacks", () => {
    const browser = new Y.Doc();
    browser.getText("t").insert(0, "hello");
    const stored = copyOf(browser);
    browser.getText("t").insert(5, "!");
    expect(coversSnapshot(stored, snapshotOf(browser))).toBe(false);
  });

  it("does not cover a deletion it lacks, though the state vectors agree", () => {
    const browser = new Y.Doc();
    browser.getText("t").insert(0, "hello");
    const stored = copyOf(browser);
    browser.getText("t").delete(1, 3);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(browser));
    expect(coversSnapshot(stored, snapshotOf(browser))).toBe(false);
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(browser));
    expect(coversSnapshot(stored, snapshotOf(browser))).toBe(true);
  });

  it("covers deletions spread over several runs", () => {
    const browser = new Y.Doc();
    const text = browser.getText("t");
    for (const ch of "abcdefgh") text.insert(text.length, ch);
    const stored = copyOf(browser);
    text.delete(6, 1);
    text.delete(1, 2);
    expect(coversSnapshot(stored, snapshotOf(browser))).toBe(false);
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(browser));
    expect(coversSnapshot(stored, snapshotOf(browser))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  diffText,
  transformOffset,
  type TextChange,
  type TextDelta,
} from "../../app/components/framework/text-diff.ts";

const apply = (text: string, change: TextChange | null) =>
  change
    ? text.slice(0, change.index) + change.insert + text.slice(change.index + change.remove)
    : text;

/** Writes what a field now reads into a Y.Text the way the designer's fields do. */
function typeInto(ytext: Y.Text, next: string, caret?: number) {
  const change = diffText(ytext.toString(), next, caret);
  if (!change) return;
  ytext.doc!.transact(() => {
    if (change.remove) ytext.delete(change.index, change.remove);
    if (change.insert) ytext.insert(change.index, change.insert);
  });
}

function pair(initial: string) {
  const a = new Y.Doc();
  a.getText("t").insert(0, initial);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a: a.getText("t"), b: b.getText("t"), sync };
}

describe("diffText: the smallest edit from what a field read to what it reads now", () => {
  it("is null when nothing changed", () => {
    expect(diffText("same", "same")).toBeNull();
  });

  it("finds a typed character, a deletion and a replaced selection", () => {
    expect(diffText("Inclusion", "Inclusions")).toEqual({ index: 9, remove: 0, insert: "s" });
    expect(diffText("Inclusion", "Incusion")).toEqual({ index: 3, remove: 1, insert: "" });
    expect(diffText("Every pupil thrives", "Every child thrives")).toEqual({
      index: 6,
      remove: 5,
      insert: "child",
    });
    expect(diffText("", "New")).toEqual({ index: 0, remove: 0, insert: "New" });
    expect(diffText("Gone", "")).toEqual({ index: 0, remove: 4, insert: "" });
  });

  it("always turns the old text into the new one", () => {
    const cases = [
      ["aaaa", "aaaaa"],
      ["abcabc", "abc"],
      ["xyz", "zyx"],
      ["hello world", "hello brave new world"],
      ["a\nb\nc", "a\nc"],
    ];
    for (const [before, after] of cases) {
      for (let caret = 0; caret <= after.length; caret++) {
        expect(
          apply(before, diffText(before, after, caret)),
          `${before} → ${after} @${caret}`,
        ).toBe(after);
      }
      expect(apply(before, diffText(before, after))).toBe(after);
    }
  });

  it("places an ambiguous edit where the caret is (typing “a” inside “aa”)", () => {
    expect(diffText("aa", "aaa", 1)).toEqual({ index: 0, remove: 0, insert: "a" });
    expect(diffText("aa", "aaa", 2)).toEqual({ index: 1, remove: 0, insert: "a" });
    expect(diffText("aa", "aaa")).toEqual({ index: 2, remove: 0, insert: "a" });
    // Backspace at position 2 of "aaa" deletes the second "a".
    expect(diffText("aaa", "aa", 1)).toEqual({ index: 1, remove: 1, insert: "" });
  });

  it("never splits an emoji (a surrogate pair) in two", () => {
    const change = diffText("Well done 😀", "Well done 😁");
    expect(change).toEqual({ index: 10, remove: 2, insert: "😁" });
    const before = diffText("😀x", "😁x");
    expect(before).toEqual({ index: 0, remove: 2, insert: "😁" });
  });
});

describe("concurrent typing in one field", () => {
  it("merges two people's edits character by character", () => {
    const { a, b, sync } = pair("Pupils with SEND are supported.");
    typeInto(a, "All pupils with SEND are supported.", 4);
    typeInto(b, "Pupils with SEND are well supported.", 25);
    sync();
    expect(a.toString()).toBe("All pupils with SEND are well supported.");
    expect(b.toString()).toBe(a.toString());
  });

  it("keeps both insertions at the end", () => {
    const { a, b, sync } = pair("Evidence:");
    typeInto(a, "Evidence: plans");
    typeInto(b, "Evidence: minutes");
    sync();
    expect(a.toString()).toBe(b.toString());
    expect(a.toString()).toContain(" plans");
    expect(a.toString()).toContain(" minutes");
  });
});

describe("transformOffset: keeping the caret in place when someone else types", () => {
  it("moves right for text inserted before it, not for text after or at it", () => {
    expect(transformOffset(5, [{ retain: 2 }, { insert: "abc" }])).toBe(8);
    expect(transformOffset(5, [{ retain: 7 }, { insert: "abc" }])).toBe(5);
    expect(transformOffset(5, [{ retain: 5 }, { insert: "abc" }])).toBe(5);
    expect(transformOffset(0, [{ insert: "abc" }])).toBe(0);
    expect(transformOffset(1, [{ insert: "abc" }])).toBe(4);
  });

  it("moves left for text deleted before it, and to the deletion for text around it", () => {
    expect(transformOffset(5, [{ delete: 2 }])).toBe(3);
    expect(transformOffset(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
    expect(transformOffset(5, [{ retain: 6 }, { delete: 4 }])).toBe(5);
  });

  it("follows the delta Yjs reports for a remote edit", () => {
    const { a, b, sync } = pair("Attendance is rising.");
    let delta: TextDelta = [];
    a.observe((event) => (delta = event.delta as TextDelta));
    const caret = "Attendance is ".length; // before "rising"
    typeInto(b, "Overall attendance is rising.", 0);
    sync();
    expect(a.toString().slice(transformOffset(caret, delta))).toBe("rising.");
  });
});

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  byOrder,
  freshKeys,
  keyAfter,
  keyAtEnd,
  moveAmong,
  orderedEntries,
  placeAt,
  type Ordered,
  type YItem,
} from "../../collab/shapes/order.ts";

const list = (...items: [string, string][]): Ordered[] =>
  items.map(([id, order]) => ({ id, order }));
const drawn = (items: Ordered[]) => [...items].sort(byOrder).map((i) => i.id);

/** `items` with the keys `placeAt` says to write. */
function applied(items: Ordered[], keys: Map<string, string> | null): Ordered[] {
  return items.map((i) => ({ ...i, order: keys?.get(i.id) ?? i.order }));
}

describe("one tie rule for every ordered list", () => {
  it("orders by key, then by id when two keys are the same", () => {
    const [a, b] = freshKeys(2);
    expect(drawn(list(["y", b], ["x", a], ["b", a]))).toEqual(["b", "x", "y"]);
  });

  it("moves an item with one new key between its new neighbours", () => {
    const [k1, k2, k3] = freshKeys(3);
    const items = list(["a", k1], ["b", k2], ["c", k3]);
    const keys = placeAt(items, "c", 0);
    expect([...keys!.keys()]).toEqual(["c"]);
    expect(drawn(applied(items, keys))).toEqual(["c", "a", "b"]);
    expect(placeAt(items, "b", 1)).toBeNull();
  });

  it("renumbers the list when the new neighbours tie (two people added at once)", () => {
    const [k1, k2] = freshKeys(2);
    // "b" and "c" got the same key; "a" goes between them.
    const items = list(["a", k1], ["b", k2], ["c", k2]);
    expect(drawn(items)).toEqual(["a", "b", "c"]);
    const keys = placeAt(items, "a", 1);
    const after = applied(items, keys);
    expect(drawn(after)).toEqual(["b", "a", "c"]);
    expect(new Set(after.map((i) => i.order)).size).toBe(3);
  });

  it("renumbers instead of failing on a key it cannot read", () => {
    const [k1] = freshKeys(1);
    const items = list(["a", k1], ["b", ""], ["c", "not a key!"]).sort(byOrder);
    const keys = placeAt(items, "c", 0);
    expect(drawn(applied(items, keys))[0]).toBe("c");
    expect(() => keyAfter(items)).not.toThrow();
  });

  it("puts an item from another list at the position asked for", () => {
    const [k1, k2] = freshKeys(2);
    const items = list(["a", k1], ["b", k2]);
    const keys = placeAt(items, "new", 1)!;
    expect(drawn([...items, { id: "new", order: keys.get("new")! }])).toEqual(["a", "new", "b"]);
  });

  it("appends after the greatest key", () => {
    const [k1, k2] = freshKeys(2);
    const items = list(["b", k2], ["a", k1]);
    expect(keyAfter(items) > k2).toBe(true);
    expect(keyAfter([])).toBe(freshKeys(1)[0]);
  });
});

describe("ordered lists in a Yjs document", () => {
  function collection(doc: Y.Doc) {
    return doc.getMap<YItem>("items");
  }
  function add(doc: Y.Doc, id: string) {
    const item = new Y.Map<unknown>();
    item.set("order", keyAtEnd(collection(doc)));
    collection(doc).set(id, item);
  }
  const ids = (doc: Y.Doc) => orderedEntries(collection(doc)).map(([id]) => id);
  function sync(a: Y.Doc, b: Y.Doc) {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  }

  it("draws items two people appended at once in the same order everywhere, and moves between them", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    add(one, "first");
    sync(one, two);
    add(one, "mine");
    add(two, "yours");
    sync(one, two);
    expect(ids(one)).toEqual(ids(two));
    expect(ids(one)).toEqual(["first", "mine", "yours"]);

    // Moving "first" between the two tied items renumbers, and both agree.
    expect(moveAmong(orderedEntries(collection(one)), "first", 1)).toBe(true);
    sync(one, two);
    expect(ids(one)).toEqual(["mine", "first", "yours"]);
    expect(ids(two)).toEqual(ids(one));
  });

  it("moves an item in one transaction (one update for the others)", () => {
    const doc = new Y.Doc();
    for (const id of ["a", "b", "c"]) add(doc, id);
    let updates = 0;
    doc.on("update", () => updates++);
    moveAmong(orderedEntries(collection(doc)), "a", 2);
    expect(ids(doc)).toEqual(["b", "c", "a"]);
    expect(updates).toBe(1);
  });
});

import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import type * as Y from "yjs";

/**
 * Ordering of every list kept in a Yjs document (areas, criteria, levels, tiers, indicators,
 * forces, actions, agenda items…): items live in a Y.Map keyed by id, each with a fractional
 * `order` key, so a move changes one field and never loses a concurrent edit inside the item
 * (a Y.Array move would delete and re-insert it).
 *
 * ONE tie rule everywhere: by key, then by id. Two people adding at once can give two items the
 * same key; every client then draws them in the same order, and a later move between them
 * renumbers the list instead of failing.
 */
export interface Ordered {
  id: string;
  order: string;
}

export type YItem = Y.Map<unknown>;

/** The comparison every list sorts with. */
export function byOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function validKey(key: string | null | undefined): key is string {
  if (!key) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** `count` keys in ascending order, for a list written from scratch (seeding, renumbering). */
export function freshKeys(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

/** A key that sorts after every sibling (appending). */
export function keyAfter(siblings: Ordered[]): string {
  const keys = siblings.map((s) => s.order).filter(validKey);
  const last = keys.length ? keys.reduce((max, key) => (key > max ? key : max)) : null;
  return generateKeyBetween(last, null);
}

/**
 * The order keys to write so that `id` sits at `position` among `siblings` (the list as drawn,
 * with or without `id` itself: without it, `id` joins the list), or null when nothing moves.
 * Usually one key, between its new neighbours; when those neighbours tie or a key is
 * unreadable, the whole list gets fresh keys in its new order.
 */
export function placeAt(
  siblings: Ordered[],
  id: string,
  position: number,
): Map<string, string> | null {
  const from = siblings.findIndex((s) => s.id === id);
  const others = siblings.filter((s) => s.id !== id);
  const at = Math.max(0, Math.min(others.length, Math.trunc(position)));
  if (from >= 0 && at === from) return null;
  const before = others[at - 1]?.order ?? null;
  const after = others[at]?.order ?? null;
  const neighboursUsable =
    (before === null || validKey(before)) &&
    (after === null || validKey(after)) &&
    (before === null || after === null || before < after);
  if (neighboursUsable) return new Map([[id, generateKeyBetween(before, after)]]);
  const ids = [...others.slice(0, at).map((s) => s.id), id, ...others.slice(at).map((s) => s.id)];
  const keys = freshKeys(ids.length);
  return new Map(ids.map((key, i) => [key, keys[i]]));
}

/** The order key of an item in a Yjs collection ("" if it has none). */
export function orderOf(item: YItem): string {
  const order = item.get("order");
  return typeof order === "string" ? order : "";
}

/** Items of a collection in order (optionally only some), as [id, item]. */
export function orderedEntries(
  collection: Y.Map<YItem>,
  filter: (item: YItem) => boolean = () => true,
): [string, YItem][] {
  return [...collection.entries()]
    .filter(([, item]) => filter(item))
    .map(([id, item]) => ({ id, order: orderOf(item), item }))
    .sort(byOrder)
    .map(({ id, item }) => [id, item]);
}

/** A key after every item of a collection (optionally only some): where a new one goes. */
export function keyAtEnd(
  collection: Y.Map<YItem>,
  filter: (item: YItem) => boolean = () => true,
): string {
  return keyAfter(asOrdered([...collection.entries()].filter(([, item]) => filter(item))));
}

/**
 * Moves the item `id` of `siblings` (as drawn, [id, item] pairs) to `position` among them, or
 * into them when it is not one of them yet (`item` given). Returns false when nothing moved.
 */
export function moveAmong(
  siblings: [string, YItem][],
  id: string,
  position: number,
  item?: YItem,
): boolean {
  const keys = placeAt(asOrdered(siblings), id, position);
  const items = new Map(siblings);
  if (item) items.set(id, item);
  if (!keys || !items.has(id)) return false;
  const apply = () => keys.forEach((key, itemId) => items.get(itemId)?.set("order", key));
  const doc = items.get(id)?.doc;
  if (doc) doc.transact(apply);
  else apply();
  return true;
}

/** [id, item] pairs as `Ordered` (for `placeAt` and `keyAfter`). */
export function asOrdered(entries: [string, YItem][]): Ordered[] {
  return entries.map(([id, item]) => ({ id, order: orderOf(item) }));
}

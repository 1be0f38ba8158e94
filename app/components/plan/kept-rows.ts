import { useCallback, useSyncExternalStore } from "react";
import * as Y from "yjs";
import {
  actionText,
  actionsOf,
  forceText,
  forcesOf,
  restoreAction,
  restoreForce,
} from "../../../collab/shapes/plan.ts";
import { removedId, type Removal } from "../evaluation/removal-watch.ts";
import { diffText } from "../framework/text-diff.ts";

/**
 * A factor or action someone else removed while this person was working in it, kept on their
 * screen (theirs only) until they put it back or leave it removed. Typing into a removed Y.Text
 * is thrown away by Yjs, and the row's field would vanish mid-word with the focus, so its text
 * fields take what they type in `kept`, a document of their own that is never sent anywhere.
 */
export interface KeptRow {
  removal: Removal;
  kept: Y.Doc;
  /** Who removed it, once their word has arrived (removal-claims.ts); null until then. */
  by: string | null;
}

/** A kept row's text fields, by their names in the document's items. */
export type KeptField = "text" | "what" | "successMeasure";

const textsOf = (removal: Removal): [KeptField, string][] =>
  removal.kind === "force"
    ? [["text", removal.force.text]]
    : [
        ["what", removal.action.what],
        ["successMeasure", removal.action.successMeasure],
      ];

/** The text a kept row's field takes typing in. */
export const keptText = (row: KeptRow, field: KeptField): Y.Text => row.kept.getText(field);

/** The removal as it would be put back now: with whatever was typed into it since. */
function asTyped(row: KeptRow): Removal {
  const { removal } = row;
  if (removal.kind === "force")
    return { ...removal, force: { ...removal.force, text: keptText(row, "text").toString() } };
  return {
    ...removal,
    action: {
      ...removal.action,
      what: keptText(row, "what").toString(),
      successMeasure: keptText(row, "successMeasure").toString(),
    },
  };
}

/**
 * A list of the document's factors or actions as this person sees it. `list`: those in the
 * document, numbered and moved as everyone else's (without a kept one, even in the instant
 * before `items` catches up with its removal); `drawn`: the same with the kept rows `pick`
 * takes (those of this list) back in their places, each entry saying which kept row it is.
 */
export function drawWithKept<T extends { id: string }>(
  items: T[],
  rows: KeptRow[],
  pick: (removal: Removal) => T | null,
): { list: T[]; drawn: { item: T; kept: KeptRow | null }[] } {
  const kept = rows.flatMap((row) => {
    const item = pick(row.removal);
    return item ? [{ item, position: row.removal.position, row }] : [];
  });
  const keptIds = new Set(kept.map((k) => k.item.id));
  const list = items.filter((item) => !keptIds.has(item.id));
  const drawn: { item: T; kept: KeptRow | null }[] = list.map((item) => ({ item, kept: null }));
  for (const k of kept.sort((a, b) => a.position - b.position))
    drawn.splice(Math.min(k.position, drawn.length), 0, { item: k.item, kept: k.row });
  return { list, drawn };
}

interface Store {
  rows: KeptRow[];
  listeners: Set<() => void>;
  stops: Map<string, () => void>;
}
const stores = new WeakMap<Y.Doc, Store>();
const NONE: KeptRow[] = [];

function storeOf(doc: Y.Doc): Store {
  let store = stores.get(doc);
  if (!store) {
    store = { rows: NONE, listeners: new Set(), stops: new Map() };
    stores.set(doc, store);
  }
  return store;
}

function publish(store: Store, rows: KeptRow[]) {
  store.rows = rows;
  store.listeners.forEach((listener) => listener());
}

/** What was typed in a kept row goes into its item, back in the document by other means. */
function carryTyped(doc: Y.Doc, row: KeptRow) {
  const id = removedId(row.removal);
  doc.transact(() => {
    for (const [field] of textsOf(row.removal)) {
      const live =
        field === "text"
          ? forceText(doc, id)
          : actionText(doc, id, field as "what" | "successMeasure");
      const change = live && diffText(live.toString(), keptText(row, field).toString());
      if (!live || !change) continue;
      if (change.remove) live.delete(change.index, change.remove);
      if (change.insert) live.insert(change.index, change.insert);
    }
  });
}

/**
 * Keeps `removal`'s row on this person's screen. Should it come back by other means (its
 * remover's Undo), what they typed meanwhile goes into it and the row is the document's again.
 */
export function keepRow(doc: Y.Doc, removal: Removal): void {
  const store = storeOf(doc);
  const id = removedId(removal);
  if (store.stops.has(id)) return;
  const row: KeptRow = { removal, kept: new Y.Doc(), by: null };
  for (const [field, text] of textsOf(removal)) keptText(row, field).insert(0, text);
  const items = removal.kind === "force" ? forcesOf(doc) : actionsOf(doc);
  const onBack = () => {
    if (!items.has(id)) return;
    carryTyped(doc, row);
    releaseRow(doc, id);
  };
  items.observe(onBack);
  store.stops.set(id, () => items.unobserve(onBack));
  publish(store, [...store.rows, row]);
}

/** Lets a kept row go: it leaves this person's screen (and what was typed in it). */
export function releaseRow(doc: Y.Doc, id: string): void {
  const store = storeOf(doc);
  const stop = store.stops.get(id);
  if (!stop) return;
  stop();
  store.stops.delete(id);
  publish(
    store,
    store.rows.filter((row) => removedId(row.removal) !== id),
  );
}

/** Says who removed the kept row for `id` ("Alex Staff", "A colleague"), for its own notice. */
export function nameRemover(doc: Y.Doc, id: string, by: string): void {
  const store = storeOf(doc);
  if (!store.stops.has(id)) return;
  publish(
    store,
    store.rows.map((row) => (removedId(row.removal) === id ? { ...row, by } : row)),
  );
}

/** The kept row for the factor or action `id`, if it is kept. */
export function keptRowOf(doc: Y.Doc, id: string): KeptRow | null {
  return storeOf(doc).rows.find((row) => removedId(row.removal) === id) ?? null;
}

/**
 * Puts a removed factor or action back, with what was typed into its kept row since (if it was
 * kept), through `edit` (so it can be undone). False when it is already back.
 */
export function putBackAsTyped(
  doc: Y.Doc,
  removal: Removal,
  edit: <T>(change: () => T) => T = (change) => change(),
): boolean {
  const id = removedId(removal);
  const row = keptRowOf(doc, id);
  const typed = row ? asTyped(row) : removal;
  const back = edit(() =>
    typed.kind === "force"
      ? restoreForce(doc, typed.force, typed.position, typed.linkedActionIds)
      : restoreAction(doc, typed.action, typed.position),
  );
  releaseRow(doc, id);
  return back;
}

/** The rows kept on this person's screen for `doc`, live. */
export function useKeptRows(doc: Y.Doc | null): KeptRow[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const { listeners } = storeOf(doc);
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
      };
    },
    [doc],
  );
  // Read through the store, so a removal is kept in the same task it arrives in: React draws
  // it before the browser hands the next key press to a field that would be gone.
  return useSyncExternalStore(
    subscribe,
    () => (doc ? storeOf(doc).rows : NONE),
    () => NONE,
  );
}

import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import type * as Y from "yjs";

/**
 * The meeting's running order inside a `meeting.<validationId>` document (beside the minutes
 * and the whiteboard, see app/components/meeting/whiteboard-shape.ts):
 *
 * - `agenda`: criterion id → fractional order key. WHICH criteria are on it is the validator's
 *   schedule (MongoDB), copied here by the server when the meeting is scheduled, so everyone's
 *   page follows a reschedule live; the ORDER is the validator's to change, live.
 * - `follow`: `current`, the item the validator brought everyone to ({ criterionId, by, at }).
 *
 * The document is writable by every participant (the minutes are theirs); only the validator's
 * page offers reordering and "bring everyone here".
 */
export const agendaOf = (doc: Y.Doc) => doc.getMap<string>("agenda");
export const agendaMetaOf = (doc: Y.Doc) => doc.getMap<unknown>("agendaMeta");
export const followOf = (doc: Y.Doc) => doc.getMap<unknown>("follow");

export interface CurrentItem {
  criterionId: string;
  /** The user id of whoever brought everyone there. */
  by: string;
  /** ISO time. */
  at: string;
}

/** Whether the server has copied an agenda into this document yet (older meetings: not). */
export function agendaIsSynced(doc: Y.Doc): boolean {
  return agendaMetaOf(doc).get("synced") === true;
}

/** The agenda in running order (ties, from two people moving at once, broken by id). */
export function readAgenda(doc: Y.Doc): string[] {
  return [...agendaOf(doc).entries()]
    .sort(([a, ka], [b, kb]) => (ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([id]) => id);
}

/**
 * Makes the document's agenda hold exactly `criterionIds`: items already on it keep their place,
 * new ones go to the end in the order given, dropped ones leave. Idempotent.
 */
export function syncAgenda(doc: Y.Doc, criterionIds: string[]): void {
  const map = agendaOf(doc);
  const wanted = new Set(criterionIds);
  doc.transact(() => {
    for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id);
    const kept = readAgenda(doc);
    let last = kept.length ? (map.get(kept[kept.length - 1]) ?? null) : null;
    for (const id of criterionIds) {
      if (map.has(id)) continue;
      last = generateKeyBetween(last, null);
      map.set(id, last);
    }
    if (!agendaIsSynced(doc)) agendaMetaOf(doc).set("synced", true);
  });
}

/**
 * Moves one agenda item to `position` (0-based, in the order as drawn, the item included) by
 * giving it a key between its new neighbours; equal keys (two people moved at once) are
 * renumbered. Returns false when nothing moved.
 */
export function moveAgendaItem(doc: Y.Doc, criterionId: string, position: number): boolean {
  const map = agendaOf(doc);
  const order = readAgenda(doc);
  const from = order.indexOf(criterionId);
  if (from < 0) return false;
  const others = order.filter((id) => id !== criterionId);
  const at = Math.max(0, Math.min(others.length, position));
  if (at === from) return false;
  const before = at > 0 ? (map.get(others[at - 1]) ?? null) : null;
  const after = at < others.length ? (map.get(others[at]) ?? null) : null;
  doc.transact(() => {
    if (before === null || after === null || before < after) {
      map.set(criterionId, generateKeyBetween(before, after));
      return;
    }
    const ordered = [...others.slice(0, at), criterionId, ...others.slice(at)];
    const keys = generateNKeysBetween(null, null, ordered.length);
    ordered.forEach((id, i) => map.set(id, keys[i]));
  });
  return true;
}

/** The item the validator brought everyone to, or null. */
export function readCurrent(doc: Y.Doc): CurrentItem | null {
  const value = followOf(doc).get("current") as Partial<CurrentItem> | undefined;
  if (!value || typeof value.criterionId !== "string") return null;
  return { criterionId: value.criterionId, by: String(value.by ?? ""), at: String(value.at ?? "") };
}

/** "Bring everyone to this item". */
export function bringEveryoneTo(
  doc: Y.Doc,
  criterionId: string,
  by: string,
  now = new Date(),
): void {
  followOf(doc).set("current", { criterionId, by, at: now.toISOString() });
}

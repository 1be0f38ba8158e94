import type * as Y from "yjs";
import { byOrder, keyAfter, placeAt, type Ordered } from "./order.ts";

/**
 * The meeting's running order inside a `meeting.<validationId>` document (beside the minutes
 * and the whiteboard, see app/components/meeting/whiteboard-shape.ts):
 *
 * - `agenda`: criterion id → fractional order key (order.ts: the one tie rule). WHICH criteria are on it is the validator's
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

function orderedAgenda(doc: Y.Doc): Ordered[] {
  return [...agendaOf(doc).entries()].map(([id, order]) => ({ id, order })).sort(byOrder);
}

/** The agenda in running order. */
export function readAgenda(doc: Y.Doc): string[] {
  return orderedAgenda(doc).map((item) => item.id);
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
    for (const id of criterionIds) {
      if (!map.has(id)) map.set(id, keyAfter(orderedAgenda(doc)));
    }
    if (!agendaIsSynced(doc)) agendaMetaOf(doc).set("synced", true);
  });
}

/**
 * Moves one agenda item to `position` (0-based, in the order as drawn, the item included).
 * Returns false when nothing moved (or the item is not on the agenda).
 */
export function moveAgendaItem(doc: Y.Doc, criterionId: string, position: number): boolean {
  const map = agendaOf(doc);
  if (!map.has(criterionId)) return false;
  const keys = placeAt(orderedAgenda(doc), criterionId, position);
  if (!keys) return false;
  doc.transact(() => keys.forEach((key, id) => map.set(id, key)));
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

import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import * as Y from "yjs";
import { actionsOf, forcesOf, readForces, type ForceSide } from "../../../collab/shapes/plan.ts";

/**
 * Edits of force-fields and actions that collab/shapes/plan.ts does not provide: reordering,
 * choices, links between an action and the hindering forces it addresses.
 */

/**
 * Moves one item so it sits at `position` among `siblings` (as drawn, the item included), by
 * giving it a new order key between its new neighbours. Keys that two people created at once
 * can be equal; then the whole list is renumbered in its new order, in one transaction.
 */
export function reorder(
  doc: Y.Doc,
  map: Y.Map<Y.Map<unknown>>,
  siblings: { id: string; order: string }[],
  id: string,
  position: number,
): boolean {
  const from = siblings.findIndex((s) => s.id === id);
  if (from < 0) return false;
  const others = siblings.filter((s) => s.id !== id);
  const at = Math.max(0, Math.min(others.length, position));
  if (at === from) return false;
  const before = others[at - 1]?.order || null;
  const after = others[at]?.order || null;
  doc.transact(() => {
    try {
      if (before !== null && after !== null && before >= after) throw new Error("tied keys");
      map.get(id)?.set("order", generateKeyBetween(before, after));
    } catch {
      const ordered = [
        ...others.slice(0, at).map((s) => s.id),
        id,
        ...others.slice(at).map((s) => s.id),
      ];
      const keys = generateNKeysBetween(null, null, ordered.length);
      ordered.forEach((key, i) => map.get(key)?.set("order", keys[i]));
    }
  });
  return true;
}

/** Moves a force to `position` among the forces on its side of its criterion's force-field. */
export function moveForce(
  doc: Y.Doc,
  criterionId: string,
  side: ForceSide,
  forceId: string,
  position: number,
): boolean {
  const siblings = readForces(doc, criterionId).filter((f) => f.side === side);
  return reorder(doc, forcesOf(doc), siblings, forceId, position);
}

/** Sets one plain field (strength, a flag, owner, due date, status) of a force or an action. */
export function setForceField(
  doc: Y.Doc,
  forceId: string,
  field: "strength" | "priority" | "inOurControl",
  value: number | boolean,
): void {
  forcesOf(doc).get(forceId)?.set(field, value);
}

export function setActionField(
  doc: Y.Doc,
  actionId: string,
  field: "ownerId" | "due" | "status",
  value: string | null,
): void {
  actionsOf(doc).get(actionId)?.set(field, value);
}

export function removeAction(doc: Y.Doc, actionId: string): void {
  actionsOf(doc).delete(actionId);
}

/** Links an action to a hindering force it addresses, or unlinks it (every copy, should two people have linked it at once). */
export function linkForce(doc: Y.Doc, actionId: string, forceId: string, linked: boolean): void {
  const item = actionsOf(doc).get(actionId);
  if (!item) return;
  doc.transact(() => {
    let ids = item.get("forceIds");
    if (!(ids instanceof Y.Array)) {
      ids = new Y.Array<string>();
      item.set("forceIds", ids);
    }
    const list = ids as Y.Array<string>;
    if (linked) {
      if (!list.toArray().includes(forceId)) list.push([forceId]);
      return;
    }
    for (let i = list.length - 1; i >= 0; i--) if (list.get(i) === forceId) list.delete(i, 1);
  });
}

/** The Y.Text of a force's text or an action's text fields, for binding to an input. */
export function forceText(doc: Y.Doc | null, forceId: string): Y.Text | null {
  const text = doc ? forcesOf(doc).get(forceId)?.get("text") : null;
  return text instanceof Y.Text ? text : null;
}

export function actionText(
  doc: Y.Doc | null,
  actionId: string,
  field: "what" | "successMeasure",
): Y.Text | null {
  const text = doc ? actionsOf(doc).get(actionId)?.get(field) : null;
  return text instanceof Y.Text ? text : null;
}

/**
 * Focuses the first of `ids` that is drawn and enabled, once the Yjs change that re-renders it
 * has been drawn (React may have moved the focused element, which loses focus).
 */
export function focusSoon(ids: string[], tries = 20): void {
  if (typeof window === "undefined") return;
  const attempt = (left: number) => {
    const element = ids
      .map((id) => document.getElementById(id))
      .find((e): e is HTMLElement => e !== null && !(e as HTMLButtonElement).disabled);
    if (element) element.focus();
    else if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(tries));
}

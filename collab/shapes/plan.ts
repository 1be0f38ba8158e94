import * as Y from "yjs";
import { byOrder, keyAfter, placeAt } from "./order.ts";
import { isDescribed } from "../../models/evaluation/projection.ts";

/**
 * Force-fields and actions inside an `evaluation.<id>` document (the Analyse and Plan stages).
 *
 * Both are flat Y.Maps keyed by id, each item carrying its criterion id and a fractional
 * `order` key, so reordering edits one field and concurrent edits inside an item survive it.
 * Text is Y.Text (merged character by character); choices are plain values.
 */
export type ForceSide = "helping" | "hindering";
export type ActionStatus = "notStarted" | "inProgress" | "done" | "dropped";

export const ACTION_STATUSES: ActionStatus[] = ["notStarted", "inProgress", "done", "dropped"];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  notStarted: "Not started",
  inProgress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

export const forcesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("forces");
export const actionsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("actions");

/** A force as plain data. */
export interface Force {
  id: string;
  criterionId: string;
  side: ForceSide;
  text: string;
  /** 1 (weak) to 5 (strong). */
  strength: number;
  priority: boolean;
  inOurControl: boolean;
  order: string;
}

/** An action as plain data. */
export interface PlanAction {
  id: string;
  criterionId: string;
  what: string;
  /** User id of the owner (a member of the school), or null. */
  ownerId: string | null;
  /** ISO date (YYYY-MM-DD), or null. */
  due: string | null;
  successMeasure: string;
  status: ActionStatus;
  /** Ids of the hindering forces it addresses. */
  forceIds: string[];
  order: string;
}

const textOf = (value: unknown) =>
  value instanceof Y.Text ? value.toString() : typeof value === "string" ? value : "";

function clampStrength(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(5, Math.max(1, Math.round(n))) : 3;
}

export function readForce(id: string, item: Y.Map<unknown>): Force {
  return {
    id,
    criterionId: String(item.get("criterionId") ?? ""),
    side: item.get("side") === "hindering" ? "hindering" : "helping",
    text: textOf(item.get("text")),
    strength: clampStrength(item.get("strength")),
    priority: item.get("priority") === true,
    inOurControl: item.get("inOurControl") === true,
    order: String(item.get("order") ?? ""),
  };
}

export function readAction(id: string, item: Y.Map<unknown>): PlanAction {
  const status = item.get("status");
  const forceIds = item.get("forceIds");
  return {
    id,
    criterionId: String(item.get("criterionId") ?? ""),
    what: textOf(item.get("what")),
    ownerId: typeof item.get("ownerId") === "string" ? (item.get("ownerId") as string) : null,
    due:
      typeof item.get("due") === "string" && /^\d{4}-\d{2}-\d{2}$/.test(item.get("due") as string)
        ? (item.get("due") as string)
        : null,
    successMeasure: textOf(item.get("successMeasure")),
    status: ACTION_STATUSES.includes(status as ActionStatus)
      ? (status as ActionStatus)
      : "notStarted",
    // Once each, however many copies concurrent links (or an undone removal) left.
    forceIds: forceIds instanceof Y.Array ? [...new Set(forceIds.toArray().map(String))] : [],
    order: String(item.get("order") ?? ""),
  };
}

/** Every force in the document (optionally of one criterion), in order. */
export function readForces(doc: Y.Doc, criterionId?: string): Force[] {
  return [...forcesOf(doc).entries()]
    .map(([id, item]) => readForce(id, item))
    .filter((f) => !criterionId || f.criterionId === criterionId)
    .sort(byOrder);
}

/** Every action in the document (optionally of one criterion), in order. */
export function readActions(doc: Y.Doc, criterionId?: string): PlanAction[] {
  return [...actionsOf(doc).entries()]
    .map(([id, item]) => readAction(id, item))
    .filter((a) => !criterionId || a.criterionId === criterionId)
    .sort(byOrder);
}

function newId(prefix: string) {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export function addForce(
  doc: Y.Doc,
  criterionId: string,
  side: ForceSide,
  text = "",
  strength = 3,
  /** Only to put a removed force back under its own id (see `restoreForce`). */
  id = newId("force"),
): string {
  const item = new Y.Map<unknown>();
  item.set("criterionId", criterionId);
  item.set("side", side);
  item.set("text", new Y.Text(text));
  item.set("strength", strength);
  item.set("priority", false);
  item.set("inOurControl", false);
  item.set("order", keyAfter(readForces(doc, criterionId).filter((f) => f.side === side)));
  forcesOf(doc).set(id, item);
  return id;
}

export function addAction(
  doc: Y.Doc,
  criterionId: string,
  what = "",
  /** Only to put a removed action back under its own id (see `restoreAction`). */
  id = newId("action"),
): string {
  const item = new Y.Map<unknown>();
  item.set("criterionId", criterionId);
  item.set("what", new Y.Text(what));
  item.set("ownerId", null);
  item.set("due", null);
  item.set("successMeasure", new Y.Text(""));
  item.set("status", "notStarted");
  item.set("forceIds", new Y.Array<string>());
  item.set("order", keyAfter(readActions(doc, criterionId)));
  actionsOf(doc).set(id, item);
  return id;
}

/** Removes a force and unlinks it from every action that addressed it. */
export function removeForce(doc: Y.Doc, forceId: string): void {
  doc.transact(() => {
    forcesOf(doc).delete(forceId);
    for (const item of actionsOf(doc).values()) {
      const ids = item.get("forceIds");
      if (!(ids instanceof Y.Array)) continue;
      for (let i = ids.length - 1; i >= 0; i--) if (ids.get(i) === forceId) ids.delete(i, 1);
    }
  });
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
  if (!siblings.some((f) => f.id === forceId)) return false;
  const keys = placeAt(siblings, forceId, position);
  if (!keys) return false;
  doc.transact(() => keys.forEach((key, id) => forcesOf(doc).get(id)?.set("order", key)));
  return true;
}

/** Sets one plain field (strength, a flag) of a force. */
export function setForceField(
  doc: Y.Doc,
  forceId: string,
  field: "strength" | "priority" | "inOurControl",
  value: number | boolean,
): void {
  forcesOf(doc).get(forceId)?.set(field, value);
}

/** Sets one plain field (owner, due date, status) of an action. */
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

/** Moves an action to `position` among its criterion's actions. */
export function moveAction(
  doc: Y.Doc,
  criterionId: string,
  actionId: string,
  position: number,
): boolean {
  const keys = placeAt(readActions(doc, criterionId), actionId, position);
  if (!keys) return false;
  doc.transact(() => keys.forEach((key, id) => actionsOf(doc).get(id)?.set("order", key)));
  return true;
}

/**
 * Puts a removed force back as it was: its id, text, strength and flags, at `position` on its
 * side, addressed again by `linkedActionIds` (those still there). False, changing nothing, when
 * it is already back (its remover undid the removal, say).
 */
export function restoreForce(
  doc: Y.Doc,
  force: Force,
  position: number,
  linkedActionIds: string[] = [],
): boolean {
  if (forcesOf(doc).has(force.id)) return false;
  doc.transact(() => {
    addForce(doc, force.criterionId, force.side, force.text, force.strength, force.id);
    setForceField(doc, force.id, "priority", force.priority);
    setForceField(doc, force.id, "inOurControl", force.inOurControl);
    moveForce(doc, force.criterionId, force.side, force.id, position);
    for (const actionId of linkedActionIds) linkForce(doc, actionId, force.id, true);
  });
  return true;
}

/**
 * Puts a removed action back as it was: its id, what, owner, due date, impact measure, status
 * and the hindering forces it addressed (those still there), at `position` in its criterion.
 * False, changing nothing, when it is already back.
 */
export function restoreAction(doc: Y.Doc, action: PlanAction, position: number): boolean {
  if (actionsOf(doc).has(action.id)) return false;
  doc.transact(() => {
    addAction(doc, action.criterionId, action.what, action.id);
    setActionField(doc, action.id, "ownerId", action.ownerId);
    setActionField(doc, action.id, "due", action.due);
    setActionField(doc, action.id, "status", action.status);
    actionText(doc, action.id, "successMeasure")?.insert(0, action.successMeasure);
    for (const forceId of action.forceIds)
      if (forcesOf(doc).has(forceId)) linkForce(doc, action.id, forceId, true);
    moveAction(doc, action.criterionId, action.id, position);
  });
  return true;
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

/** The Y.Text of a force's text, for binding to an input. */
export function forceText(doc: Y.Doc | null, forceId: string): Y.Text | null {
  const text = doc ? forcesOf(doc).get(forceId)?.get("text") : null;
  return text instanceof Y.Text ? text : null;
}

/** The Y.Text of one of an action's text fields, for binding to an input. */
export function actionText(
  doc: Y.Doc | null,
  actionId: string,
  field: "what" | "successMeasure",
): Y.Text | null {
  const text = doc ? actionsOf(doc).get(actionId)?.get(field) : null;
  return text instanceof Y.Text ? text : null;
}

/** How a factor nobody has described yet is labelled where it is drawn (screen and PDF). */
export const NOT_DESCRIBED = "(not described yet: not counted)";

/** "1 factor is not described yet and is not counted in the totals." */
export function undescribedNote(count: number): string {
  return count === 1
    ? "1 factor is not described yet and is not counted in the totals."
    : `${count} factors are not described yet and are not counted in the totals.`;
}

/**
 * Sums of strengths on each side of a criterion's force-field (or the whole evaluation), of the
 * factors that say what they are (`isDescribed`, as the projection counts them).
 */
export function forceTotals(forces: Pick<Force, "side" | "strength" | "text">[]): {
  helping: number;
  hindering: number;
} {
  return forces
    .filter(isDescribed)
    .reduce((sum, f) => ({ ...sum, [f.side]: sum[f.side] + f.strength }), {
      helping: 0,
      hindering: 0,
    });
}

/** Count of actions in each status. */
export function actionCounts(actions: Pick<PlanAction, "status">[]): Record<ActionStatus, number> {
  const counts: Record<ActionStatus, number> = {
    notStarted: 0,
    inProgress: 0,
    done: 0,
    dropped: 0,
  };
  for (const a of actions) counts[a.status] += 1;
  return counts;
}

/** Open (not done or dropped) and past its due date, as of `today` (YYYY-MM-DD). */
export function isOverdue(action: Pick<PlanAction, "status" | "due">, today: string): boolean {
  return (
    action.due !== null &&
    action.due < today &&
    (action.status === "notStarted" || action.status === "inProgress")
  );
}

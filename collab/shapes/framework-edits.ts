import * as Y from "yjs";
import {
  MET_SCALE,
  addCriterion,
  addLevel,
  areasOf,
  criteriaOf,
  levelsOf,
  ordered,
  type YItem,
} from "./framework.ts";
import { moveAmong } from "./order.ts";

/**
 * Edits of a framework draft built on its shape (framework.ts), as the designer makes them:
 * each runs in one transaction, so others see it whole.
 */

/** A level of some area's scale: the main scale's label is live text, Met / Not met's fixed. */
export interface LevelRef {
  key: string;
  label: Y.Text | string;
  colour: string;
}

/** The levels of the scale an area uses, lowest first (Met / Not met is fixed). */
export function levelsForScale(doc: Y.Doc, scaleKey: unknown): LevelRef[] {
  if (scaleKey === MET_SCALE) {
    return [
      { key: "not-met", label: "Not met", colour: "#b3261e" },
      { key: "met", label: "Met", colour: "#1b6b4a" },
    ];
  }
  return ordered(levelsOf(doc)).map(([key, level]) => ({
    key,
    label: (level.get("label") as Y.Text | undefined) ?? "",
    colour: String(level.get("colour") ?? "#1f5fa8"),
  }));
}

export const textOf = (label: Y.Text | string | undefined) =>
  label instanceof Y.Text ? label.toString() : (label ?? "");

export function criteriaOfArea(doc: Y.Doc, areaId: string): [string, YItem][] {
  return ordered(criteriaOf(doc), (c) => c.get("areaId") === areaId);
}

/**
 * Gives a criterion an (empty) descriptor text for each level of its area's scale that lacks
 * one, so two people never each create the same descriptor and lose one's typing. Returns
 * whether anything was added.
 */
export function ensureDescriptors(doc: Y.Doc, criterionId: string): boolean {
  const criterion = criteriaOf(doc).get(criterionId);
  const area = criterion && areasOf(doc).get(String(criterion.get("areaId")));
  const descriptors = criterion?.get("descriptors");
  if (!area || !(descriptors instanceof Y.Map)) return false;
  const missing = levelsForScale(doc, area.get("scaleKey")).filter(
    (l) => !(descriptors.get(l.key) instanceof Y.Text),
  );
  if (missing.length === 0) return false;
  doc.transact(() => {
    for (const level of missing) descriptors.set(level.key, new Y.Text());
  });
  return true;
}

/** Adds a criterion at the end of an area, with a descriptor ready for each level. */
export function addCriterionTo(doc: Y.Doc, areaId: string): string {
  let id = "";
  doc.transact(() => {
    id = addCriterion(doc, areaId);
    ensureDescriptors(doc, id);
  });
  return id;
}

/** Adds a level at the top of the main scale, and a descriptor for it to every criterion on it. */
export function addLevelEverywhere(doc: Y.Doc): string {
  let id = "";
  doc.transact(() => {
    id = addLevel(doc);
    for (const criterionId of criteriaOf(doc).keys()) ensureDescriptors(doc, criterionId);
  });
  return id;
}

/** Switches an area between the main scale and Met / Not met (descriptors for both are kept). */
export function setAreaScale(doc: Y.Doc, areaId: string, scaleKey: string): void {
  doc.transact(() => {
    areasOf(doc).get(areaId)?.set("scaleKey", scaleKey);
    for (const [criterionId] of criteriaOfArea(doc, areaId)) ensureDescriptors(doc, criterionId);
  });
}

/**
 * Moves a criterion into another area at `index` among that area's criteria (the end when
 * omitted). Its text goes with it: only its area and order change.
 */
export function moveCriterionToArea(
  doc: Y.Doc,
  criterionId: string,
  areaId: string,
  index?: number,
): void {
  const criterion = criteriaOf(doc).get(criterionId);
  if (!criterion) return;
  const siblings = criteriaOfArea(doc, areaId).filter(([id]) => id !== criterionId);
  doc.transact(() => {
    criterion.set("areaId", areaId);
    moveAmong(siblings, criterionId, index ?? siblings.length, criterion);
    ensureDescriptors(doc, criterionId);
  });
}

export function removeItem(doc: Y.Doc, collection: Y.Map<YItem>, id: string): void {
  doc.transact(() => collection.delete(id));
}

/** A criterion's code as drawn now ("2.1": second area, first criterion), or "" if not found. */
export function criterionCode(doc: Y.Doc, criterionId: string): string {
  const areaId = criteriaOf(doc).get(criterionId)?.get("areaId");
  const areaIndex = ordered(areasOf(doc)).findIndex(([id]) => id === areaId);
  const index = criteriaOfArea(doc, String(areaId)).findIndex(([id]) => id === criterionId);
  return areaIndex < 0 || index < 0 ? "" : `${areaIndex + 1}.${index + 1}`;
}

/** An area's title as typed, or "Area n" while it has none. */
export function areaName(doc: Y.Doc, areaId: string): string {
  const title = areasOf(doc).get(areaId)?.get("title");
  const typed = title instanceof Y.Text ? title.toString().trim() : "";
  return typed || `Area ${ordered(areasOf(doc)).findIndex(([id]) => id === areaId) + 1}`;
}

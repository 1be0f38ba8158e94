import type * as Y from "yjs";
import { actionsOf, forcesOf, readForce } from "../../../collab/shapes/plan.ts";

/**
 * Where someone is working in an evaluation, as they tell the others through presence: a field
 * of a criterion, and for the force-field and the actions the very factor or action (`item`, its
 * id). Whatever they focus, it is one of these, and it is cleared when they leave.
 */
export type FocusField =
  | "judgement"
  | "indicators"
  | "narrative"
  | "evidence"
  | "forces"
  | "actions"
  | "comments";

export interface EvaluationFocus {
  criterionId: string;
  field: FocusField;
  /** The factor or action inside `forces` or `actions` (absent: the field as a whole). */
  item?: string;
}

const WORDS: Record<FocusField, string> = {
  judgement: "judging",
  indicators: "rating the indicators of",
  narrative: "editing the narrative of",
  evidence: "editing the evidence of",
  forces: "analysing the force-field of",
  actions: "planning actions for",
  comments: "reading the comments on",
};

/** The fields made of items (factors, actions) that a focus can point into. */
const WITH_ITEMS = new Set<FocusField>(["forces", "actions"]);
/** Item ids are short ("force-k3j9x2ab"); anything longer is not one of ours. */
const ITEM_ID_MAX = 100;

/**
 * Someone's focus from their presence (anything malformed reads as nowhere). An item that is
 * not a plausible id, or on a field without items, is dropped: the field alone is still known.
 */
export function evaluationFocusOf(value: unknown): EvaluationFocus | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { criterionId, field, item } = value as Record<string, unknown>;
  if (
    typeof criterionId !== "string" ||
    criterionId === "" ||
    typeof field !== "string" ||
    !Object.hasOwn(WORDS, field)
  )
    return null;
  const focus: EvaluationFocus = { criterionId, field: field as FocusField };
  if (
    typeof item === "string" &&
    item !== "" &&
    item.length <= ITEM_ID_MAX &&
    WITH_ITEMS.has(focus.field)
  )
    focus.item = item;
  return focus;
}

/** Do two focuses point at the same place (the same item, or the same field without one)? */
export function sameFocus(a: EvaluationFocus | null, b: EvaluationFocus | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.criterionId === b.criterionId &&
    a.field === b.field &&
    (a.item ?? null) === (b.item ?? null)
  );
}

/**
 * "editing the evidence of 2.1", or "editing a helping factor of 2.1" when `itemWords` names the
 * focused item ("a helping factor"), or null when the focus is nowhere we know.
 */
export function describeEvaluationFocus(
  value: unknown,
  codeOf: (criterionId: string) => string | undefined,
  itemWords?: (focus: EvaluationFocus & { item: string }) => string | undefined,
): string | null {
  const focus = evaluationFocusOf(value);
  const code = focus ? codeOf(focus.criterionId) : undefined;
  if (!focus || !code) return null;
  const item = focus.item ? itemWords?.({ ...focus, item: focus.item }) : undefined;
  return item ? `editing ${item} of ${code}` : `${WORDS[focus.field]} ${code}`;
}

/**
 * Names a focused factor or action from the document ("a helping factor", "an action"), for
 * `describeEvaluationFocus`; undefined once it is gone. Its number is left out on purpose: the
 * list is redrawn when presence changes, not when factors move, so a number could go stale.
 */
export function planItemWords(doc: Y.Doc | null) {
  return (focus: EvaluationFocus & { item: string }): string | undefined => {
    if (!doc) return undefined;
    if (focus.field === "actions") return actionsOf(doc).has(focus.item) ? "an action" : undefined;
    const force = forcesOf(doc).get(focus.item);
    return force ? `a ${readForce(focus.item, force).side} factor` : undefined;
  };
}

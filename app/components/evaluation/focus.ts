/**
 * Where someone is working in an evaluation, as they tell the others through presence: a field
 * of a criterion. Whatever they focus, it is one of these, and it is cleared when they leave.
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

/** Someone's focus from their presence (anything malformed reads as nowhere). */
export function evaluationFocusOf(value: unknown): EvaluationFocus | null {
  if (!value || typeof value !== "object") return null;
  const { criterionId, field } = value as Record<string, unknown>;
  if (typeof criterionId !== "string" || typeof field !== "string" || !(field in WORDS))
    return null;
  return { criterionId, field: field as FocusField };
}

/** "editing the evidence of 2.1", or null when the focus is nowhere we know. */
export function describeEvaluationFocus(
  value: unknown,
  codeOf: (criterionId: string) => string | undefined,
): string | null {
  const focus = evaluationFocusOf(value);
  const code = focus ? codeOf(focus.criterionId) : undefined;
  return focus && code ? `${WORDS[focus.field]} ${code}` : null;
}

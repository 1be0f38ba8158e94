import type { AccreditationRule } from "../../../models/framework/types.ts";

/**
 * An accreditation rule in one plain-English sentence, as a school would read it.
 * `labelOf` names a level of the main scale; `usesMet` says whether some area is Met / Not met.
 */
export function describeRule(
  rule: AccreditationRule | undefined,
  labelOf: (key: string) => string | undefined,
  usesMet: boolean,
): string {
  if (!rule || rule.type === "validatorJudgement")
    return "The validator's overall judgement decides whether the award is made.";
  if (rule.type === "none") {
    const note = rule.note?.trim();
    return `No award is made: this framework is for self-evaluation only.${note ? ` ${note}` : ""}`;
  }
  const level = (key: string | undefined) => {
    const label = key ? labelOf(key)?.trim() : undefined;
    return label ? `“${label}”` : "(a level not yet chosen)";
  };
  let sentence = `Every criterion must be at ${level(rule.everyCriterionAtLeast)} or above`;
  if (rule.atLeast) {
    const count = rule.atLeast.count;
    sentence += `, and at least ${count} ${count === 1 ? "criterion" : "criteria"} must be at ${level(rule.atLeast.level)} or above`;
  }
  sentence += ".";
  if (usesMet) sentence += " Every criterion judged Met / Not met must be Met.";
  return sentence;
}

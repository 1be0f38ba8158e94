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

/** A rule that may name levels of the main scale, with what to call it in a sentence. */
export interface NamedRule {
  /** E.g. "the accreditation rule" or "the rule for the award tier “Gold”". */
  name: string;
  rule: AccreditationRule | undefined;
}

const usesLevel = (rule: AccreditationRule | undefined, key: string) =>
  rule?.type === "minimumLevels" &&
  (rule.everyCriterionAtLeast === key || rule.atLeast?.level === key);

/** "a", "a and b", "a, b and c". */
const listed = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/**
 * What removing the level `key` does to the rules that name it, in a sentence for the
 * confirmation, or null when no rule uses it.
 */
export function levelRemovalWarning(rules: NamedRule[], key: string): string | null {
  const names = rules.filter((r) => usesLevel(r.rule, key)).map((r) => r.name);
  if (names.length === 0) return null;
  const one = names.length === 1;
  const sentence =
    `${listed(names)} ${one ? "uses" : "use"} this level: removing it leaves ` +
    `${one ? "that rule" : "those rules"} with no level chosen, and the framework cannot be ` +
    `published until you choose another level for ${one ? "it" : "each"}.`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

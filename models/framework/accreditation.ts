import { mainScale } from "./completeness.ts";
import type { AccreditationRule, FrameworkContent } from "./types.ts";

export interface RuleResult {
  /** true / false, or null when the rule leaves it to the validator (or there is no rule). */
  met: boolean | null;
  /** Plain-English reasons, e.g. which criteria fall short. */
  reasons: string[];
}

export interface Recommendation extends RuleResult {
  /** The highest award tier whose rule is met, if the framework has tiers. */
  tier: { id: string; name: string } | null;
}

function rank(levels: string[], level: string | undefined): number {
  return level === undefined ? -1 : levels.indexOf(level);
}

/**
 * Evaluates one rule over judgements (criterion id → level key). Criteria judged on a two-level
 * Met / Not met scale must be Met; the others are measured on the main scale. `unjudged` says
 * why a criterion has no judgement among them ("not judged"; over a validation's record, "not
 * agreed yet").
 */
export function evaluateRule(
  rule: AccreditationRule,
  content: FrameworkContent,
  judgements: Record<string, string>,
  unjudged: (criterionId: string) => string = () => "not judged",
): RuleResult {
  if (rule.type === "validatorJudgement")
    return { met: null, reasons: ["The validator's overall judgement decides."] };
  if (rule.type === "none") return { met: null, reasons: [rule.note] };
  const main = mainScale(content)!;
  const levels = main.levels.map((l) => l.key);
  const label = (key: string) => main.levels.find((l) => l.key === key)?.label ?? key;
  const floor = rank(levels, rule.everyCriterionAtLeast);
  const reasons: string[] = [];
  let atOrAbove = 0;
  for (const area of content.areas) {
    const scale = content.scales.find((s) => s.key === area.scaleKey);
    for (const criterion of area.criteria) {
      const judged = judgements[criterion.id];
      if (scale && scale.key !== main.key) {
        const top = scale.levels[scale.levels.length - 1];
        if (judged !== top.key) reasons.push(`${criterion.code} must be ${top.label}.`);
        continue;
      }
      const r = rank(levels, judged);
      if (r < floor)
        reasons.push(
          `${criterion.code} is ${judged ? `at ${label(judged)}` : unjudged(criterion.id)}; it must be at least ${label(rule.everyCriterionAtLeast)}.`,
        );
      if (rule.atLeast && r >= rank(levels, rule.atLeast.level)) atOrAbove++;
    }
  }
  if (rule.atLeast && atOrAbove < rule.atLeast.count) {
    reasons.push(
      `${atOrAbove} of the required ${rule.atLeast.count} criteria are at ${label(rule.atLeast.level)} or above.`,
    );
  }
  return { met: reasons.length === 0, reasons };
}

/** The framework's recommendation: its accreditation rule, and the highest tier met. */
export function recommend(
  content: FrameworkContent,
  judgements: Record<string, string>,
  unjudged?: (criterionId: string) => string,
): Recommendation {
  const result = evaluateRule(content.accreditationRule, content, judgements, unjudged);
  let tier: Recommendation["tier"] = null;
  for (const t of content.awardTiers ?? []) {
    if (evaluateRule(t.rule, content, judgements).met) tier = { id: t.id, name: t.name };
  }
  return { ...result, tier: result.met === false ? null : tier };
}

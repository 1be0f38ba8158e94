import { describe, expect, it } from "vitest";
import { levelRemovalWarning } from "../../app/components/framework/rule-text.ts";

// Removing a level that a rule names leaves the rule without a level: the designer's
// confirmation says so before the level goes.

const rule = "the accreditation rule";
const gold = "the rule for the award tier “Gold”";

describe("the warning before removing a level", () => {
  it("names the accreditation rule when every criterion must reach the level", () => {
    expect(
      levelRemovalWarning(
        [{ name: rule, rule: { type: "minimumLevels", everyCriterionAtLeast: "secure" } }],
        "secure",
      ),
    ).toBe(
      "The accreditation rule uses this level: removing it leaves that rule with no level chosen, and the framework cannot be published until you choose another level for it.",
    );
  });

  it("names every rule that uses the level, including as the higher level", () => {
    expect(
      levelRemovalWarning(
        [
          {
            name: rule,
            rule: {
              type: "minimumLevels",
              everyCriterionAtLeast: "secure",
              atLeast: { count: 2, level: "leading" },
            },
          },
          { name: "the rule for award tier 2", rule: { type: "validatorJudgement" } },
          { name: gold, rule: { type: "minimumLevels", everyCriterionAtLeast: "leading" } },
        ],
        "leading",
      ),
    ).toBe(
      "The accreditation rule and the rule for the award tier “Gold” use this level: removing it leaves those rules with no level chosen, and the framework cannot be published until you choose another level for each.",
    );
  });

  it("says nothing when no rule uses the level", () => {
    expect(
      levelRemovalWarning(
        [
          { name: rule, rule: { type: "none", note: "" } },
          { name: gold, rule: { type: "minimumLevels", everyCriterionAtLeast: "secure" } },
        ],
        "developing",
      ),
    ).toBeNull();
  });
});

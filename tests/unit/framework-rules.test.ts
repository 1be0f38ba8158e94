import { describe, expect, it } from "vitest";
import { evaluateRule, recommend } from "../../models/framework/accreditation.ts";
import { completenessProblems } from "../../models/framework/completeness.ts";
import { diffVersions } from "../../models/framework/diff.ts";
import { parseFrameworkFile } from "../../models/framework/schema.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";
import { ofsted2025SelfEvaluation } from "../../models/framework/starters/ofsted-2025.ts";
import { STARTERS } from "../../models/framework/starters/index.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";

const clone = (c: FrameworkContent): FrameworkContent => structuredClone(c);
const allCriteria = (c: FrameworkContent) => c.areas.flatMap((a) => a.criteria);
const judgeAll = (c: FrameworkContent, level: string) =>
  Object.fromEntries(allCriteria(c).map((x) => [x.id, level]));

describe("completenessProblems", () => {
  it("passes every starter", () => {
    for (const starter of STARTERS)
      expect(completenessProblems(starter.content), starter.key).toEqual([]);
  });

  it("names each missing descriptor with a link to it", () => {
    const c = clone(inclusionExcellence);
    const criterion = c.areas[0].criteria[1];
    criterion.descriptors.leading = "  ";
    delete criterion.descriptors.emerging;
    const problems = completenessProblems(c);
    expect(problems.map((p) => p.anchor)).toEqual([
      `descriptor-${criterion.id}-emerging`,
      `descriptor-${criterion.id}-leading`,
    ]);
    expect(problems[0].message).toContain("“Emerging”");
  });

  it("names a blank indicator with a link to it, as the draft still shows it", () => {
    const c = clone(inclusionExcellence);
    const criterion = c.areas[0].criteria[0];
    criterion.indicators = [...(criterion.indicators ?? []), { id: "indicator-blank", text: " " }];
    const problems = completenessProblems(c);
    expect(problems.map((p) => p.anchor)).toEqual(["indicator-indicator-blank"]);
    expect(problems[0].message).toMatch(
      new RegExp(
        `criterion 1\\.1: indicator ${criterion.indicators.length} is blank\\. Write it, or remove it\\.$`,
      ),
    );
  });

  it("requires a rule for a quality mark, a name, labelled levels and 2–7 of them", () => {
    const c = clone(inclusionExcellence);
    c.accreditationRule = { type: "none", note: "" };
    c.name = " ";
    c.scales[0].levels[0].label = "";
    const anchors = completenessProblems(c).map((p) => p.anchor);
    expect(anchors).toEqual(
      expect.arrayContaining(["rule", "framework-name", `level-${c.scales[0].levels[0].key}`]),
    );
    const tooMany = clone(inclusionExcellence);
    tooMany.scales[0].levels.push(
      ...tooMany.scales[0].levels.map((l) => ({ ...l, key: `${l.key}-2` })),
    );
    expect(completenessProblems(tooMany).some((p) => p.anchor === "scale")).toBe(true);
  });

  it("refuses a rule naming a level the scale lacks, and empty areas", () => {
    const c = clone(inclusionExcellence);
    c.accreditationRule = { type: "minimumLevels", everyCriterionAtLeast: "platinum" };
    c.areas[1].criteria = [];
    const anchors = completenessProblems(c).map((p) => p.anchor);
    expect(anchors).toContain("rule");
    expect(anchors).toContain(`area-${c.areas[1].id}`);
  });
});

describe("completenessProblems: what a framework file may hold", () => {
  it("refuses a text over its limit, saying how long it is and linking to it", () => {
    const c = clone(inclusionExcellence);
    const criterion = c.areas[0].criteria[0];
    criterion.statement = "x".repeat(10_000);
    criterion.descriptors.leading = "y".repeat(2001);
    c.name = "z".repeat(201);
    const problems = completenessProblems(c);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          message: "Criterion 1.1's statement is 10,000 characters long: keep it to 1,000.",
          anchor: `statement-${criterion.id}`,
        },
        expect.objectContaining({ anchor: `descriptor-${criterion.id}-leading` }),
        expect.objectContaining({ anchor: "framework-name" }),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it("publishes only what exports as a file that imports again", () => {
    const c = clone(inclusionExcellence);
    c.areas[0].criteria[0].evidenceExpectations = Array.from({ length: 31 }, (_, i) => `Item ${i}`);
    c.areas[0].summary = "s".repeat(1001);
    expect(parseFrameworkFile(JSON.stringify(c)).errors).not.toBeNull();
    expect(completenessProblems(c).map((p) => p.anchor)).toEqual([
      `area-summary-${c.areas[0].id}`,
      `evidence-${c.areas[0].criteria[0].id}`,
    ]);
  });
});

describe("accreditation rules", () => {
  const mark: FrameworkContent = {
    ...clone(inclusionExcellence),
    accreditationRule: {
      type: "minimumLevels",
      everyCriterionAtLeast: "secure",
      atLeast: { count: 2, level: "leading" },
    },
  };
  const ids = allCriteria(mark).map((c) => c.id);

  it("is met when every criterion is at least the level and enough are higher", () => {
    const judgements = { ...judgeAll(mark, "secure"), [ids[0]]: "leading", [ids[1]]: "leading" };
    expect(evaluateRule(mark.accreditationRule, mark, judgements)).toEqual({
      met: true,
      reasons: [],
    });
  });

  it("says which criteria fall short, and how many are missing at the higher level", () => {
    const judgements = { ...judgeAll(mark, "secure"), [ids[0]]: "leading", [ids[2]]: "developing" };
    delete judgements[ids[3]];
    const result = evaluateRule(mark.accreditationRule, mark, judgements);
    expect(result.met).toBe(false);
    expect(result.reasons).toEqual([
      expect.stringContaining("at Developing; it must be at least Secure"),
      expect.stringContaining("not judged"),
      "1 of the required 2 criteria are at Leading or above.",
    ]);
  });

  it("awards the highest tier met", () => {
    const tiered = clone(inclusionExcellence);
    expect(recommend(tiered, judgeAll(tiered, "developing")).tier?.name).toBe("Bronze");
    expect(recommend(tiered, judgeAll(tiered, "secure")).tier?.name).toBe("Silver");
    const gold = {
      ...judgeAll(tiered, "secure"),
      [ids[0]]: "leading",
      [ids[1]]: "leading",
      [ids[2]]: "leading",
    };
    expect(recommend(tiered, gold)).toMatchObject({ met: true, tier: { name: "Gold" } });
    expect(recommend(tiered, judgeAll(tiered, "emerging"))).toMatchObject({
      met: false,
      tier: null,
    });
  });

  it("requires Met on Met / Not met areas", () => {
    const ofsted = clone(ofsted2025SelfEvaluation);
    ofsted.accreditationRule = { type: "minimumLevels", everyCriterionAtLeast: "expected" };
    const judgements = judgeAll(ofsted, "strong");
    for (const c of ofsted.areas[0].criteria) judgements[c.id] = "met";
    expect(evaluateRule(ofsted.accreditationRule, ofsted, judgements).met).toBe(true);
    judgements[ofsted.areas[0].criteria[0].id] = "not-met";
    expect(evaluateRule(ofsted.accreditationRule, ofsted, judgements).reasons).toEqual([
      "1.1 must be Met.",
    ]);
  });

  it("leaves it to the validator when the rule says so", () => {
    expect(evaluateRule({ type: "validatorJudgement" }, mark, {}).met).toBeNull();
  });
});

describe("diffVersions", () => {
  it("lists criteria added, removed and reworded; the rest are unchanged", () => {
    const before = clone(inclusionExcellence);
    const after = clone(inclusionExcellence);
    const [first, second, third] = allCriteria(after);
    second.statement = `${second.statement} Reworded.`;
    third.descriptors.secure = "A new description of secure practice.";
    after.areas[0].criteria = after.areas[0].criteria.filter((c) => c.id !== first.id);
    after.areas[0].criteria.push({
      id: "ie-new",
      code: "1.9",
      statement: "A new criterion",
      descriptors: {},
      evidenceExpectations: [],
    });
    const diff = diffVersions(before, after);
    expect(diff.added.map((c) => c.id)).toEqual(["ie-new"]);
    expect(diff.removed.map((c) => c.id)).toEqual([first.id]);
    expect(diff.reworded.map((c) => c.id).sort()).toEqual([second.id, third.id].sort());
    expect(diff.reworded.find((c) => c.id === second.id)?.before).toBe(
      allCriteria(before)[1].statement,
    );
    expect(diff.unchanged).toHaveLength(allCriteria(before).length - 3);
  });

  it("treats every criterion as reworded when the scale's levels change", () => {
    const after = clone(inclusionExcellence);
    after.scales[0].levels.pop();
    expect(diffVersions(inclusionExcellence, after).reworded).toHaveLength(
      allCriteria(after).length,
    );
  });
});

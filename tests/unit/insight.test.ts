import { describe, expect, it } from "vitest";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { areaLevel, expectedLevelIndex } from "../../models/insight/area-level.ts";
import { calibrationOf, trustCalibration } from "../../models/insight/calibration.ts";
import {
  centreLevelsOf,
  centreRank,
  centresOf,
  suggestPairings,
} from "../../models/insight/expertise.ts";
import { heatMapOf } from "../../models/insight/heat-map.ts";
import { overlayOf } from "../../models/insight/overlay.ts";
import { ANONYMITY_THRESHOLD, schoolPlaceOf } from "../../models/insight/school-place.ts";
import { partlyOfRow, stackOf } from "../../models/insight/stack.ts";
import { trendsOf } from "../../models/insight/trends.ts";
import { areaAppliesAt, type InsightEvaluation } from "../../models/insight/types.ts";
import {
  centreRuleNote,
  noCentreNote,
  noPairingNote,
  overlaySummary,
} from "../../models/insight/words.ts";

const FIVE = ["urgent", "needs", "expected", "strong", "exceptional"];
const LABELS = [
  "Urgent improvement",
  "Needs attention",
  "Expected standard",
  "Strong standard",
  "Exceptional",
];

const content: FrameworkContent = {
  name: "Self-evaluation",
  description: "",
  kind: "schoolSelfEvaluation",
  validityMonths: 36,
  accreditationRule: { type: "none", note: "No award" },
  scales: [
    {
      key: "five",
      name: "Five",
      levels: FIVE.map((key, i) => ({ key, label: LABELS[i], colour: "#123456", meaning: "" })),
    },
    {
      key: "met",
      name: "Met",
      levels: [
        { key: "notMet", label: "Not met", colour: "#b91c1c", meaning: "" },
        { key: "met", label: "Met", colour: "#047857", meaning: "" },
      ],
    },
  ],
  areas: [
    {
      id: "incl",
      title: "Inclusion",
      summary: "",
      scaleKey: "five",
      criteria: [
        { id: "i1", code: "1.1", statement: "One", descriptors: {}, evidenceExpectations: [] },
        { id: "i2", code: "1.2", statement: "Two", descriptors: {}, evidenceExpectations: [] },
      ],
    },
    {
      id: "safe",
      title: "Safeguarding",
      summary: "",
      scaleKey: "met",
      criteria: [
        { id: "s1", code: "2.1", statement: "Safe", descriptors: {}, evidenceExpectations: [] },
      ],
    },
  ],
};

let n = 0;
function school(
  name: string,
  self: Record<string, string>,
  agreed: Record<string, string> = {},
  extra: Partial<InsightEvaluation> = {},
): InsightEvaluation {
  n++;
  return {
    evaluationId: `e${n}`,
    schoolId: `s-${name}`,
    schoolName: name,
    phase: "primary",
    cycleId: "c1",
    cycleName: "2026–27",
    frameworkId: "f",
    frameworkVersionId: "v",
    status: "inProgress",
    createdAt: new Date("2026-09-01"),
    self,
    agreed,
    agreedAt: Object.keys(agreed).length ? new Date("2027-03-03T10:00:00Z") : null,
    awarded: false,
    ...extra,
  };
}

describe("an area's level (secure fit)", () => {
  it("is the lowest judged level, with how complete it is", () => {
    const scale = content.scales[0];
    expect(areaLevel(content.areas[0], scale, { i1: "strong", i2: "expected" })).toEqual({
      level: "expected",
      judged: 2,
      total: 2,
    });
    expect(areaLevel(content.areas[0], scale, { i1: "strong" })).toEqual({
      level: "strong",
      judged: 1,
      total: 2,
    });
    expect(areaLevel(content.areas[0], scale, {}).level).toBeNull();
    // Not an own key, not a level: ignored.
    expect(
      areaLevel(content.areas[0], scale, JSON.parse('{"__proto__":"strong"}')).level,
    ).toBeNull();
  });

  it("expects the rule's floor, or the middle of the scale", () => {
    expect(expectedLevelIndex(content.scales[0], content)).toBe(2);
    expect(expectedLevelIndex(content.scales[1], content)).toBe(1);
    const ruled: FrameworkContent = {
      ...content,
      accreditationRule: { type: "minimumLevels", everyCriterionAtLeast: "strong" },
    };
    expect(expectedLevelIndex(content.scales[0], ruled)).toBe(3);
  });
});

describe("the Stack", () => {
  it("counts schools per level per criterion and area, by whose judgement counts", () => {
    const oak = school("Oakfield", { i1: "strong", i2: "strong" }, { i1: "expected" });
    const hill = school("Hillcrest", { i1: "needs" });
    const ash = school("Ash", {});
    const self = stackOf(content, [oak, hill, ash], "self");
    const i1 = self[0].criteria[0];
    expect(i1.segments.map((s) => s.count)).toEqual([0, 1, 0, 1, 0]);
    expect(i1.segments[3].schools.map((s) => s.name)).toEqual(["Oakfield"]);
    expect(i1.unjudged.map((s) => s.name)).toEqual(["Ash"]);
    expect(self[0].overall.segments.map((s) => s.count)).toEqual([0, 1, 0, 1, 0]);
    const agreed = stackOf(content, [oak, hill, ash], "agreed");
    expect(agreed[0].criteria[0].segments.map((s) => s.count)).toEqual([0, 0, 1, 0, 0]);
    const latest = stackOf(content, [oak, hill, ash], "latest");
    expect(latest[0].criteria[0].segments.map((s) => s.count)).toEqual([0, 1, 1, 0, 0]);
    expect(latest[0].criteria[1].segments[3].count).toBe(1);
  });

  it("leaves a school out of an area that does not apply to it, rather than count it unjudged", () => {
    const oak = school("Oakfield", { i1: "strong", s1: "met" });
    const ash = school("Ash", {});
    const stack = stackOf(content, [oak, ash], "self", (schoolId, area) =>
      area.id === "safe" ? schoolId === oak.schoolId : true,
    );
    expect(stack[0].notApplicable).toBe(0);
    expect(stack[0].criteria[0].unjudged.map((s) => s.name)).toEqual(["Ash"]);
    expect(stack[1].notApplicable).toBe(1);
    expect(stack[1].criteria[0].unjudged).toEqual([]);
    expect(stack[1].overall.segments.map((s) => s.count)).toEqual([0, 1]);
  });
});

describe("the Stack's partly judged schools", () => {
  it("names, per count of the area overall, the schools counted on some of its criteria only", () => {
    const oak = school("Oakfield", { i1: "strong", i2: "strong" });
    const hill = school("Hillcrest", { i1: "strong" });
    const ash = school("Ash", { i2: "strong" }, { i2: "strong" });
    const [inclusion] = stackOf(content, [oak, hill, ash], "self");
    const partly = partlyOfRow(inclusion.overall, "self");
    // Strong standard: all three, two of them on one criterion of two.
    expect(partly[3]).toEqual({
      count: "2 partly judged",
      named: "Ash (1 of 2 judged), Hillcrest (1 of 2 judged)",
    });
    expect(partly.filter((p) => p !== null)).toHaveLength(1);
    // A criterion's row never rests on part of anything.
    expect(partlyOfRow(inclusion.criteria[0], "self").every((p) => p === null)).toBe(true);
    const [agreed] = stackOf(content, [oak, hill, ash], "agreed");
    expect(partlyOfRow(agreed.overall, "agreed")[3]).toEqual({
      count: "1 partly agreed",
      named: "Ash (1 of 2 agreed)",
    });
  });
});

describe("the Overlay", () => {
  it("marks where the series differ, and by how many levels", () => {
    const rows = overlayOf(content, [
      { id: "a", label: "Oakfield", judgements: { i1: "strong", i2: "expected" } },
      { id: "b", label: "Hillcrest", judgements: { i1: "needs", i2: "expected" } },
    ]);
    expect(rows.find((r) => r.criterionId === "i1")).toMatchObject({ differs: true, spread: 2 });
    expect(rows.find((r) => r.criterionId === "i2")).toMatchObject({ differs: false, spread: 0 });
    expect(rows.find((r) => r.criterionId === "s1")).toMatchObject({ differs: false });
  });

  it("counts only the criteria two or more judged, in the singular where there is one", () => {
    const count = (differing: number, comparable: number, total: number) =>
      overlaySummary({ differing, comparable, total }, "self");
    expect(count(0, 1, 1)).toMatch(
      /^The 1 criterion judged by two or more of these evaluations does not differ: /,
    );
    expect(count(1, 1, 3)).toMatch(
      /^1 of 1 criterion judged by two or more of these evaluations differs; it is marked .* The other 2 criteria are not compared: fewer than two of these evaluations judged them, or they do not apply\.$/,
    );
    expect(count(2, 5, 6)).toMatch(
      /^2 of 5 criteria judged by two or more of these evaluations differ; they are marked .* One other criterion is not compared: fewer than two of these evaluations judged it, or it does not apply\.$/,
    );
    expect(count(0, 0, 4)).toBe(
      "No criterion is judged by two or more of these evaluations yet, so there is nothing to compare.",
    );
    expect(overlaySummary({ differing: 0, comparable: 3, total: 3 }, "agreed")).toMatch(
      /^None of the 3 criteria agreed in two or more of these evaluations differ: /,
    );
  });
});

describe("calibration", () => {
  it("compares a school's own judgements with the agreed ones, and sums the trust", () => {
    const oak = school(
      "Oakfield",
      { i1: "strong", i2: "expected", s1: "met" },
      { i1: "expected", i2: "expected" },
    );
    const hill = school("Hillcrest", { i1: "needs", i2: "needs" }, { i1: "strong", i2: "needs" });
    const a = calibrationOf(content, oak);
    expect(a).toMatchObject({
      compared: 2,
      same: 1,
      above: 1,
      below: 0,
      oneLevel: 1,
      meanDifference: 0.5,
    });
    const b = calibrationOf(content, hill);
    expect(b).toMatchObject({ compared: 2, same: 1, below: 1, twoOrMore: 1, meanDifference: 1 });
    expect(trustCalibration([a, b])).toMatchObject({
      compared: 4,
      same: 2,
      above: 1,
      below: 1,
      oneLevel: 1,
      twoOrMore: 1,
      meanDifference: 0.75,
    });
  });
});

describe("the heat map", () => {
  it("shows each area's level with a trend against the previous cycle, in name order", () => {
    const now = school("Oakfield", { i1: "strong", i2: "strong", s1: "met" });
    const before = school("Oakfield", { i1: "expected", i2: "strong", s1: "met" });
    const hill = school("Hillcrest", { i1: "needs", i2: "strong" });
    const map = heatMapOf(content, [now, hill], "self", {
      previous: new Map([[now.schoolId, before]]),
    });
    expect(map.rows.map((r) => r.schoolName)).toEqual(["Hillcrest", "Oakfield"]);
    const oak = map.rows[1];
    expect(oak.cells[0]).toMatchObject({ level: { label: "Strong standard" }, trend: "up" });
    expect(oak.cells[1]).toMatchObject({ level: { label: "Met" }, trend: "same" });
    expect(map.rows[0].cells[1]).toMatchObject({ level: null, judged: 0, trend: null });
    const byCriterion = heatMapOf(content, [now], "self", { areaId: "incl" });
    expect(byCriterion.columns.map((c) => c.code)).toEqual(["1.1", "1.2"]);
  });

  it("marks an area that does not apply to a school as not applicable, not as unjudged", () => {
    const hill = school("Hillcrest", { i1: "needs", i2: "strong", s1: "met" });
    const map = heatMapOf(content, [hill], "self", {
      applies: (_schoolId, area) => area.id !== "safe",
    });
    expect(map.rows[0].cells.map((c) => c.applicable)).toEqual([true, false]);
    expect(map.rows[0].cells[1]).toMatchObject({ level: null, judged: 0, total: 0 });
    // Without the school's areas, every area counts.
    expect(heatMapOf(content, [hill], "self").rows[0].cells[1]).toMatchObject({
      applicable: true,
      level: { label: "Met" },
    });
  });
});

describe("trends", () => {
  it("gives per area the distribution in each cycle, oldest first", () => {
    const a = school("Oakfield", { i1: "strong", i2: "strong" }, {}, { cycleId: "c1" });
    const b = school("Oakfield", { i1: "exceptional", i2: "exceptional" }, {}, { cycleId: "c2" });
    const trends = trendsOf(
      content,
      [a, b],
      [
        { id: "c1", name: "2025–26" },
        { id: "c2", name: "2026–27" },
      ],
      "self",
    );
    expect(trends[0].points.map((p) => p.counts.map((c) => c.count))).toEqual([
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 1],
    ]);
    expect(trends[1].points[0].unjudged).toBe(1);
  });

  it("counts a school in no area that does not apply to it", () => {
    const a = school("Oakfield", { i1: "strong", i2: "strong" }, {}, { cycleId: "c1" });
    const trends = trendsOf(
      content,
      [a],
      [{ id: "c1", name: "2025–26" }],
      "self",
      (_s, area) => area.id !== "safe",
    );
    expect(trends[1].points[0]).toMatchObject({ unjudged: 0, notApplicable: 1 });
    expect(trends[1].points[0].counts.every((c) => c.count === 0)).toBe(true);
    expect(trends[1].points[0].notApplicableNote).toBe("Not applicable at the one school.");
    expect(trends[0].points[0].counts[3].count).toBe(1);
    expect(trends[0].points[0].notApplicableNote).toBeNull();
    expect(trends[0].points[0].notApplicable).toBe(0);
  });
});

describe("trends on one scale", () => {
  it("measures every area against the schools of the largest cycle, whatever each area counts", () => {
    const cycles = [
      { id: "c1", name: "2025–26" },
      { id: "c2", name: "2026–27" },
    ];
    const evaluations = [
      school("Oakfield", { i1: "strong", i2: "strong", s1: "met" }, {}, { cycleId: "c1" }),
      school("Oakfield", { i1: "strong", i2: "strong", s1: "met" }, {}, { cycleId: "c2" }),
      school("Hillcrest", { i1: "needs" }, {}, { cycleId: "c2" }),
      // Ash has judged nothing yet; safeguarding does not apply at Hillcrest.
      school("Ash", {}, {}, { cycleId: "c2" }),
    ];
    const trends = trendsOf(
      content,
      evaluations,
      cycles,
      "self",
      (schoolId, area) => !(schoolId === "s-Hillcrest" && area.id === "safe"),
    );
    // Inclusion places 2 schools at most, safeguarding 1: both charts run to the 3 schools.
    expect(trends.map((t) => t.scale)).toEqual([
      {
        max: 3,
        note: "Every bar is measured against the 3 schools of the largest cycle, in every area.",
      },
      {
        max: 3,
        note: "Every bar is measured against the 3 schools of the largest cycle, in every area.",
      },
    ]);
  });
});

describe("centres of expertise and pairings", () => {
  const strong = school("Oakfield", {}, { i1: "strong", i2: "strong" });
  const alsoStrong = school("Birch", {}, { i1: "exceptional", i2: "strong" });
  const weak = (name: string) => school(name, { i1: "needs", i2: "expected" });

  it("finds centres above the expected level by agreed judgement, never in Met / Not met areas", () => {
    const centres = centresOf(content, [strong, weak("Hillcrest")], "agreed");
    expect(centres.map((c) => [c.schoolName, c.areaTitle, c.levelLabel])).toEqual([
      ["Oakfield", "Inclusion", "Strong standard"],
    ]);
  });

  it("pairs each school needing support with a centre: never itself, within capacity, explained", () => {
    const schools = [strong, alsoStrong, weak("Hillcrest"), weak("Ash"), weak("Cedar")];
    const pairings = suggestPairings(content, schools, "latest", 1);
    expect(pairings).toHaveLength(2);
    for (const p of pairings) expect(p.centre.schoolId).not.toBe(p.supported.schoolId);
    const centresUsed = pairings.map((p) => p.centre.schoolName).sort();
    expect(centresUsed).toEqual(["Birch", "Oakfield"]);
    expect(pairings[0].explanation).toMatch(
      /^(Oakfield|Birch) is Strong standard in Inclusion \(agreed 3 Mar 2027\); (Ash|Cedar|Hillcrest)'s Inclusion is Needs attention$/,
    );
    // A school strong itself is never paired with itself, even when it alone is a centre.
    const lonely = school("Solo", { i1: "needs" }, { i1: "strong", i2: "strong" });
    expect(suggestPairings(content, [lonely], "latest")).toEqual([]);
  });
});

describe("centres of expertise by whose judgement counts", () => {
  // As in the demo: schools have judged themselves, nothing is agreed yet.
  const meadow = school("Meadowbank", { i1: "strong", i2: "strong" });
  const oak = school("Oakfield", { i1: "needs", i2: "needs" });
  // Birch is agreed strong but judged itself at the expected level.
  const birch = school("Birch", { i1: "expected", i2: "expected" }, { i1: "strong", i2: "strong" });

  it("finds strength and need in the same judgements: the self-evaluation, the agreed, or the latest", () => {
    const self = suggestPairings(content, [meadow, oak], "self");
    expect(self.map((p) => p.explanation)).toEqual([
      "Meadowbank is Strong standard in Inclusion (its self-evaluation); Oakfield's Inclusion is Needs attention",
    ]);
    expect(suggestPairings(content, [meadow, oak], "latest")).toHaveLength(1);
    expect(suggestPairings(content, [meadow, oak], "agreed")).toEqual([]);

    expect(centresOf(content, [meadow, oak, birch], "self").map((c) => c.schoolName)).toEqual([
      "Meadowbank",
    ]);
    const agreed = centresOf(content, [meadow, oak, birch], "agreed");
    expect(agreed.map((c) => [c.schoolName, c.basis])).toEqual([["Birch", "agreed 3 Mar 2027"]]);
    const latest = centresOf(content, [meadow, oak, birch], "latest");
    expect(latest.map((c) => [c.schoolName, c.basis])).toEqual([
      ["Meadowbank", "its self-evaluation"],
      ["Birch", "agreed 3 Mar 2027"],
    ]);
    // Part agreed, part its own: said so.
    const mixed = school("Cedar", { i1: "strong", i2: "strong" }, { i1: "strong" });
    expect(centresOf(content, [mixed], "latest")[0].basis).toBe(
      "its self-evaluation, partly agreed 3 Mar 2027",
    );
  });

  it("says honestly, per basis, why there is nothing to show", () => {
    expect(noPairingNote("agreed", false)).toContain(
      "Nothing has been agreed in validation in this cycle yet",
    );
    expect(noCentreNote("self", false)).toContain("No school has judged itself in this cycle yet");
    expect(noPairingNote("self", true)).toBe(
      "No pairing to suggest by the schools' self-evaluations: either no school is below the expected level in an area, or no other school is a centre of expertise there yet.",
    );
    expect(noCentreNote("agreed", true)).toContain(
      "when validation agrees on every criterion of it and places it above the expected level, at one of the two highest levels",
    );
  });
});

describe("the rule for a centre of expertise (expertise.ts centreRank)", () => {
  const oak = school("Oakfield", { i1: "needs", i2: "needs" });
  // A tiered quality mark: four levels, Bronze (the accreditation floor) at the second.
  const FOUR = ["emerging", "developing", "secure", "leading"];
  const mark: FrameworkContent = {
    ...content,
    accreditationRule: { type: "minimumLevels", everyCriterionAtLeast: "developing" },
    scales: [
      {
        key: "four",
        name: "Four",
        levels: FOUR.map((key) => ({
          key,
          label: key[0].toUpperCase() + key.slice(1),
          colour: "#123456",
          meaning: "",
        })),
      },
    ],
    areas: [{ ...content.areas[0], scaleKey: "four" }],
  };

  it("needs the whole area judged: strength on part of it is not a centre, need on part of it is", () => {
    // Ash judged one of Inclusion's two criteria, Strong: the area is at most Strong, not yet so.
    const ash = school("Ash", { i1: "strong" });
    expect(centresOf(content, [ash], "self")).toEqual([]);
    expect(suggestPairings(content, [ash, oak], "self")).toEqual([]);
    // By agreed judgements, one of two agreed Exceptional is not a centre either.
    expect(centresOf(content, [school("Elm", {}, { i1: "exceptional" })], "agreed")).toEqual([]);
    // Judged in full, it is: its basis says nothing of parts.
    const whole = school("Ash", { i1: "strong", i2: "exceptional" });
    expect(centresOf(content, [whole], "self").map((c) => [c.levelLabel, c.basis])).toEqual([
      ["Strong standard", "its self-evaluation"],
    ]);
    // One criterion below the expected level puts the area below it, however much is judged.
    const partNeed = school("Birch", { i1: "needs" });
    expect(
      suggestPairings(content, [whole, partNeed], "self").map((p) => p.supported.schoolName),
    ).toEqual(["Birch"]);
  });

  it("is one of the two highest levels above the expected one; the award never lowers the bar", () => {
    const at = (name: string, level: string, awarded = false) =>
      school(name, { i1: level, i2: level }, {}, { awarded });
    const schools = [
      at("Bronze holder", "developing", true),
      at("Secure", "secure"),
      at("Leading holder", "leading", true),
      at("Emerging", "emerging"),
    ];
    expect(
      centresOf(mark, schools, "self").map((c) => [c.schoolName, c.levelLabel, c.basis]),
    ).toEqual([
      ["Secure", "Secure", "its self-evaluation"],
      ["Leading holder", "Leading", "holds this award"],
    ]);
    // At the expected level with the award: not a centre (it was, before the rule).
    expect(centresOf(content, [at("Holder", "expected", true)], "self")).toEqual([]);
    // The page names the rule with this framework's levels.
    expect(centreLevelsOf(content)).toEqual(["Strong standard or Exceptional"]);
    expect(centreLevelsOf(mark)).toEqual(["Secure or Leading"]);
    expect(centreRuleNote(centreLevelsOf(content), "agreed")).toBe(
      "A school is a centre of expertise in an area when every criterion of the area is agreed in validation, and the area's level (the lowest of them) is above the expected level and one of the two highest: Strong standard or Exceptional. Holding the award is said beside a centre, but is not enough on its own. A school needs support in an area when its level there is below the expected level. Areas judged Met or Not met have no centres.",
    );
  });

  it("decides in one place: centreRank", () => {
    const [five] = content.scales;
    const whole = { judged: 2, total: 2 };
    expect(centreRank(five, 2, { level: "strong", ...whole })).toBe(3);
    expect(centreRank(five, 2, { level: "exceptional", ...whole })).toBe(4);
    expect(centreRank(five, 2, { level: "expected", ...whole })).toBeNull();
    expect(centreRank(five, 2, { level: "exceptional", judged: 1, total: 2 })).toBeNull();
    // Above the expected level but not among the two highest (a low floor on five levels).
    expect(centreRank(five, 1, { level: "expected", ...whole })).toBeNull();
    // Met / Not met: compliance, never a centre.
    expect(centreRank(content.scales[1], 0, { level: "met", judged: 1, total: 1 })).toBeNull();
  });
});

describe("a school's own place", () => {
  it("shows counts only, withholding any below the threshold and one that could be derived", () => {
    const mine = school("Mine", { i1: "expected", i2: "expected" });
    const others = [
      ...Array.from({ length: 4 }, (_, i) => school(`Strong ${i}`, { i1: "strong", i2: "strong" })),
      ...Array.from({ length: 3 }, (_, i) =>
        school(`Exp ${i}`, { i1: "expected", i2: "expected" }),
      ),
      school("Lone", { i1: "needs", i2: "needs" }),
    ];
    const [inclusion] = schoolPlaceOf(content, [mine, ...others], mine.schoolId, "self");
    expect(inclusion.myLevel?.label).toBe("Expected standard");
    const counts = inclusion.bars.map((b) => b.count);
    // Needs attention: 1 school, withheld; the next smallest shown (Expected: 4) withheld too.
    expect(counts).toEqual([0, null, null, 4, 0]);
    expect(inclusion.bars[2].mine).toBe(true);
    expect(JSON.stringify(inclusion)).not.toMatch(/Strong 0|Lone|Exp 0/);
  });

  it("says Not applicable where the area does not apply to the school, and counts only the schools it applies to", () => {
    const withSixthForm: FrameworkContent = {
      ...content,
      areas: [
        ...content.areas,
        {
          ...content.areas[0],
          id: "sixth",
          title: "Sixth form",
          appliesTo: "sixthForm",
          criteria: [{ ...content.areas[0].criteria[0], id: "x1" }],
        },
      ],
    };
    const primary = school("Primary", { i1: "expected", i2: "expected" });
    const secondaries = Array.from({ length: 4 }, (_, i) =>
      school(`Secondary ${i}`, { i1: "strong", i2: "strong", x1: "strong" }),
    );
    const otherPrimary = school("Other primary", { i1: "strong", i2: "strong" });
    const all = [primary, otherPrimary, ...secondaries];
    const applies = areaAppliesAt(
      all.map((e) => ({
        id: e.schoolId,
        hasEarlyYears: false,
        hasSixthForm: e.schoolName.startsWith("Secondary"),
      })),
    );
    const mine = schoolPlaceOf(withSixthForm, all, primary.schoolId, "self", applies);
    const sixth = mine.find((a) => a.areaId === "sixth")!;
    expect(sixth).toMatchObject({
      myLevel: null,
      bars: [],
      notApplicable: "Not compared: this area is only for schools with a sixth form.",
    });
    expect(mine.find((a) => a.areaId === "incl")!.notApplicable).toBeNull();
    // A secondary's sixth form is compared with the 4 that have one, not the 6 schools.
    const theirs = schoolPlaceOf(withSixthForm, all, secondaries[0].schoolId, "self", applies);
    const strong = theirs.find((a) => a.areaId === "sixth")!;
    expect(strong.schools).toBe(4);
    expect(strong.bars.map((b) => b.count)).toEqual([0, 0, 0, 4, 0]);
  });

  it(`withholds everything when the trust has fewer than ${ANONYMITY_THRESHOLD} schools`, () => {
    const mine = school("Mine", { i1: "expected" });
    const [inclusion] = schoolPlaceOf(
      content,
      [mine, school("Other", { i1: "strong" })],
      mine.schoolId,
      "self",
    );
    expect(inclusion.bars.every((b) => b.count === null)).toBe(true);
  });
});

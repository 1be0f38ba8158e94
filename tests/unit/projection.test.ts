import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildProjection, progressPercent } from "../../models/evaluation/projection.ts";
import { evaluationSeedUpdate, judgementsOf, readJudgements, criterionOrderOf } from "../../collab/shapes/evaluation.ts";

const FIVE = ["urgent-improvement", "needs-attention", "expected", "strong", "exceptional"];
const LEVELS = { "sg-1": ["not-met", "met"], "incl-1": FIVE, "incl-2": FIVE };
const NOW = new Date("2026-11-25T09:00:00Z");

describe("buildProjection", () => {
  it("counts judged criteria and lists their levels in the evaluation's order", () => {
    expect(buildProjection({ "incl-2": "strong", "sg-1": "met" }, LEVELS, NOW)).toEqual({
      judgements: [
        { criterionId: "sg-1", level: "met" },
        { criterionId: "incl-2", level: "strong" },
      ],
      judgedCount: 2,
      criteriaCount: 3,
      updatedAt: NOW,
      lastActivityAt: NOW,
    });
  });

  it("ignores criteria the evaluation does not include and levels their scale lacks", () => {
    const p = buildProjection({ "sg-1": "strong", "lg-9": "met", "incl-1": "exceptional" }, LEVELS, NOW);
    expect(p.judgements).toEqual([{ criterionId: "incl-1", level: "exceptional" }]);
    expect(p.judgedCount).toBe(1);
  });

  it("reads judgements straight from an evaluation document", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, evaluationSeedUpdate({ evaluationId: "e".repeat(24), frameworkVersionId: "f".repeat(24), criterionIds: Object.keys(LEVELS) }));
    judgementsOf(doc).set("incl-1", "expected");
    judgementsOf(doc).set("incl-1", "strong");
    expect(readJudgements(doc)).toEqual({ "incl-1": "strong" });
    expect(buildProjection(readJudgements(doc), LEVELS, NOW).judgedCount).toBe(1);
  });

  it("reports progress as a whole percentage", () => {
    expect(progressPercent({ judgedCount: 1, criteriaCount: 3 })).toBe(33);
    expect(progressPercent({ judgedCount: 0, criteriaCount: 0 })).toBe(0);
  });
});

describe("evaluationSeedUpdate", () => {
  it("is deterministic, so seeding twice never duplicates content", () => {
    const seed = { evaluationId: "e".repeat(24), frameworkVersionId: "f".repeat(24), criterionIds: ["a", "b"] };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, evaluationSeedUpdate(seed));
    Y.applyUpdate(doc, evaluationSeedUpdate(seed));
    expect(criterionOrderOf(doc).toArray()).toEqual(["a", "b"]);
  });
});

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  MAX_ACTION_TEXT,
  buildProjection,
  progressPercent,
  truncate,
} from "../../models/evaluation/projection.ts";
import {
  evaluationSeedUpdate,
  judgementsOf,
  readJudgements,
  criterionOrderOf,
} from "../../collab/shapes/evaluation.ts";
import {
  actionsOf,
  addAction,
  addForce,
  forceTotals,
  forcesOf,
  linkForce,
  readForces,
} from "../../collab/shapes/plan.ts";
import { readPlan } from "../../collab/projections.ts";

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
      forceTotals: { helping: 0, hindering: 0 },
      forcesByCriterion: [],
      actionCounts: { notStarted: 0, inProgress: 0, done: 0, dropped: 0 },
      actions: [],
    });
  });

  it("ignores criteria the evaluation does not include and levels their scale lacks", () => {
    const p = buildProjection(
      { "sg-1": "strong", "lg-9": "met", "incl-1": "exceptional" },
      LEVELS,
      NOW,
    );
    expect(p.judgements).toEqual([{ criterionId: "incl-1", level: "exceptional" }]);
    expect(p.judgedCount).toBe(1);
  });

  it("reads judgements straight from an evaluation document", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      evaluationSeedUpdate({
        evaluationId: "e".repeat(24),
        frameworkVersionId: "f".repeat(24),
        criterionIds: Object.keys(LEVELS),
      }),
    );
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

describe("buildProjection: force-fields and actions", () => {
  function planned() {
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      evaluationSeedUpdate({
        evaluationId: "e".repeat(24),
        frameworkVersionId: "f".repeat(24),
        criterionIds: Object.keys(LEVELS),
      }),
    );
    addForce(doc, "incl-2", "helping", "Strong SENCO leadership", 5);
    addForce(doc, "incl-2", "helping", "Governor for SEND", 4);
    const turnover = addForce(doc, "incl-2", "hindering", "Staff turnover", 3);
    const time = addForce(doc, "incl-2", "hindering", "No time for reviews", 4);
    const helpingOne = addForce(doc, "incl-1", "helping", "Good data", 2);
    addForce(doc, "lg-9", "hindering", "A criterion this evaluation no longer has", 5);

    const induction = addAction(doc, "incl-2", "Induction for new staff");
    actionsOf(doc).get(induction)!.set("ownerId", "u1");
    actionsOf(doc).get(induction)!.set("due", "2027-03-01");
    actionsOf(doc).get(induction)!.set("status", "inProgress");
    linkForce(doc, induction, turnover, true);
    linkForce(doc, induction, time, true);
    // A link to a helping force, or to a force of another criterion, is not kept.
    linkForce(doc, induction, helpingOne, true);
    const first = addAction(doc, "incl-1", "x".repeat(MAX_ACTION_TEXT + 50));
    actionsOf(doc).get(first)!.set("status", "done");
    addAction(doc, "lg-9", "Left behind by an upgrade");
    return { doc, induction, first, turnover, time };
  }

  it("totals the forces of each criterion and of the whole evaluation", () => {
    const { doc } = planned();
    // Added and never described: drawn, but counted nowhere (as the diagram counts).
    addForce(doc, "incl-2", "hindering", "", 3);
    addForce(doc, "incl-1", "hindering", "  ", 5);
    const p = buildProjection(readJudgements(doc), LEVELS, NOW, readPlan(doc));
    expect(p.forcesByCriterion).toEqual([
      { criterionId: "incl-1", helping: 2, hindering: 0 },
      { criterionId: "incl-2", helping: 9, hindering: 7 },
    ]);
    expect(p.forceTotals).toEqual({ helping: 11, hindering: 7 });
    // The same sums the workspace shows.
    expect(forceTotals(readForces(doc, "incl-2"))).toEqual({ helping: 9, hindering: 7 });
  });

  it("lists the actions in the evaluation's order, counted by status", () => {
    const { doc, induction, first, turnover, time } = planned();
    const p = buildProjection(readJudgements(doc), LEVELS, NOW, readPlan(doc));
    expect(p.actions).toEqual([
      {
        id: first,
        criterionId: "incl-1",
        what: expect.any(String),
        ownerId: null,
        due: null,
        status: "done",
        forceIds: [],
        addresses: [],
      },
      {
        id: induction,
        criterionId: "incl-2",
        what: "Induction for new staff",
        ownerId: "u1",
        due: "2027-03-01",
        status: "inProgress",
        forceIds: [turnover, time],
        // What they say, so the action plan can name them.
        addresses: ["Staff turnover", "No time for reviews"],
      },
    ]);
    expect(p.actions[0].what).toHaveLength(MAX_ACTION_TEXT);
    expect(p.actions[0].what.endsWith("…")).toBe(true);
    expect(p.actionCounts).toEqual({ notStarted: 0, inProgress: 1, done: 1, dropped: 0 });
  });

  it("keeps every existing field as it was", () => {
    const { doc } = planned();
    judgementsOf(doc).set("incl-2", "strong");
    const p = buildProjection(readJudgements(doc), LEVELS, NOW, readPlan(doc));
    expect(p).toMatchObject({
      judgements: [{ criterionId: "incl-2", level: "strong" }],
      judgedCount: 1,
      criteriaCount: 3,
      updatedAt: NOW,
      lastActivityAt: NOW,
    });
  });

  it("never cuts an emoji in half when it shortens text", () => {
    const text = `${"a".repeat(MAX_ACTION_TEXT - 2)}😀😀😀`;
    const cut = truncate(text);
    expect(cut.length).toBeLessThanOrEqual(MAX_ACTION_TEXT);
    expect(cut).toBe(`${"a".repeat(MAX_ACTION_TEXT - 2)}…`);
    expect(truncate("short")).toBe("short");
    expect(forcesOf(new Y.Doc()).size).toBe(0);
  });
});

describe("evaluationSeedUpdate", () => {
  it("is deterministic, so seeding twice never duplicates content", () => {
    const seed = {
      evaluationId: "e".repeat(24),
      frameworkVersionId: "f".repeat(24),
      criterionIds: ["a", "b"],
    };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, evaluationSeedUpdate(seed));
    Y.applyUpdate(doc, evaluationSeedUpdate(seed));
    expect(criterionOrderOf(doc).toArray()).toEqual(["a", "b"]);
  });
});

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { judgementsOf } from "../../collab/shapes/evaluation.ts";
import { actionsOf, addAction, addForce, removeForce } from "../../collab/shapes/plan.ts";
import {
  evaluationStateFromUpdate,
  readEvaluationState,
} from "../../collab/shapes/snapshot-view.ts";
import {
  compareEvaluations,
  isUnchanged,
  type EvaluationState,
} from "../../models/snapshot/compare.ts";
import { buildTrend } from "../../models/snapshot/trend.ts";
import { moveDetail } from "../../app/components/history/view.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import type { SnapshotSummary } from "../../models/snapshot/snapshot.ts";

const FIVE = ["urgent", "needs", "expected", "strong", "exceptional"];
const MET = ["not-met", "met"];
const LEVELS = { "c-1": FIVE, "c-2": FIVE, "c-3": FIVE, "c-4": FIVE, "c-5": FIVE, safe: MET };

const empty = (): EvaluationState => ({ judgements: {}, forces: [], actions: [] });

describe("comparing two moments of an evaluation", () => {
  it("sorts judgements into moved up, moved down, newly judged and cleared, in framework order", () => {
    const before = {
      ...empty(),
      judgements: {
        "c-1": "expected",
        "c-2": "strong",
        "c-3": "needs",
        "c-4": "expected",
        safe: "not-met",
      },
    };
    const after = {
      ...empty(),
      judgements: {
        "c-1": "exceptional",
        "c-2": "needs",
        "c-4": "expected",
        "c-5": "urgent",
        safe: "met",
      },
    };
    const { judgements } = compareEvaluations(before, after, LEVELS);
    expect(judgements.movedUp).toEqual([
      { criterionId: "c-1", from: "expected", to: "exceptional", steps: 2 },
      { criterionId: "safe", from: "not-met", to: "met", steps: 1 },
    ]);
    expect(judgements.movedDown).toEqual([
      { criterionId: "c-2", from: "strong", to: "needs", steps: -2 },
    ]);
    expect(judgements.newlyJudged).toEqual([
      { criterionId: "c-5", from: null, to: "urgent", steps: 0 },
    ]);
    expect(judgements.cleared).toEqual([{ criterionId: "c-3", from: "needs", to: null, steps: 0 }]);
    expect(judgements.unchanged).toBe(1);
  });

  it("treats levels a scale does not have, and criteria not compared, as not judged", () => {
    const before = {
      ...empty(),
      judgements: { "c-1": "gold", "c-2": "strong", removed: "strong" },
    };
    const after = {
      ...empty(),
      judgements: { "c-1": "strong", "c-2": "bogus", removed: "urgent" },
    };
    const { judgements } = compareEvaluations(before, after, LEVELS);
    expect(judgements.newlyJudged.map((m) => m.criterionId)).toEqual(["c-1"]);
    expect(judgements.cleared.map((m) => m.criterionId)).toEqual(["c-2"]);
    expect(judgements.movedDown).toEqual([]);
  });

  it("finds forces added and removed by id, with their text", () => {
    const force = (id: string, text: string) => ({
      id,
      criterionId: "c-1",
      side: "helping" as const,
      text,
      strength: 3,
    });
    const before = {
      ...empty(),
      forces: [force("f-1", "Strong SENCO"), force("f-2", "Staff turnover")],
    };
    const after = {
      ...empty(),
      forces: [force("f-2", "Staff turnover, reworded"), force("f-3", "New tutoring")],
    };
    const { forces } = compareEvaluations(before, after, LEVELS);
    expect(forces.added).toEqual([force("f-3", "New tutoring")]);
    expect(forces.removed).toEqual([force("f-1", "Strong SENCO")]);
  });

  it("finds actions completed, added, dropped and removed", () => {
    const action = (id: string, status: "notStarted" | "inProgress" | "done" | "dropped") => ({
      id,
      criterionId: "c-2",
      what: `Do ${id}`,
      status,
    });
    const before = {
      ...empty(),
      actions: [
        action("a-1", "inProgress"),
        action("a-2", "done"),
        action("a-3", "notStarted"),
        action("a-4", "notStarted"),
      ],
    };
    const after = {
      ...empty(),
      actions: [
        action("a-1", "done"),
        action("a-2", "done"),
        action("a-3", "dropped"),
        action("a-5", "notStarted"),
        action("a-6", "done"),
      ],
    };
    const { actions } = compareEvaluations(before, after, LEVELS);
    expect(actions.completed.map((a) => a.id)).toEqual(["a-1", "a-6"]);
    expect(actions.added.map((a) => a.id)).toEqual(["a-5", "a-6"]);
    expect(actions.dropped.map((a) => a.id)).toEqual(["a-3"]);
    expect(actions.removed.map((a) => a.id)).toEqual(["a-4"]);
  });

  it("reports nothing when the two moments are the same", () => {
    const state = { judgements: { "c-1": "strong" }, forces: [], actions: [] };
    const comparison = compareEvaluations(state, state, LEVELS);
    expect(isUnchanged(comparison)).toBe(true);
    expect(comparison.judgements.unchanged).toBe(1);
  });
});

describe("comparing across a move to another framework version", () => {
  // Version 2 drops "exceptional" and the criterion "gone".
  const FOUR = FIVE.slice(0, 4);
  const V1 = { "c-1": FIVE, "c-2": FIVE, "c-3": FIVE, gone: MET };
  const V2 = { "c-1": FOUR, "c-2": FOUR, "c-3": FOUR };

  it("keeps a judgement whose level or criterion the later version dropped, saying which", () => {
    const before = {
      ...empty(),
      judgements: { "c-1": "exceptional", "c-2": "exceptional", "c-3": "expected", gone: "met" },
    };
    const after = { ...empty(), judgements: { "c-2": "strong", "c-3": "expected" } };
    const { judgements } = compareEvaluations(before, after, V1, V2);
    expect(judgements.cleared).toEqual([
      { criterionId: "c-1", from: "exceptional", to: null, steps: 0, gone: "level" },
    ]);
    // Placed on the earlier scale, which has both levels.
    expect(judgements.movedDown).toEqual([
      { criterionId: "c-2", from: "exceptional", to: "strong", steps: -1, gone: "level" },
    ]);
    expect(judgements.notInFramework).toEqual([
      { criterionId: "gone", from: "met", to: null, steps: 0, gone: "criterion" },
    ]);
    expect(judgements.unchanged).toBe(1);
    const onlyGone = { ...empty(), judgements: { gone: "met" } };
    expect(isUnchanged(compareEvaluations(onlyGone, empty(), V1, V2))).toBe(false);
  });

  it("words them for the page, either way round", () => {
    const later = { from: 1, to: 2 };
    expect(moveDetail({ steps: 0, gone: "level" }, "Exceptional", null, later)).toBe(
      "Exceptional → Not judged (level removed in version 2)",
    );
    expect(moveDetail({ steps: -1, gone: "level" }, "Exceptional", "Strong", later)).toBe(
      "Exceptional (level removed in version 2) → Strong",
    );
    expect(moveDetail({ steps: 0, gone: "criterion" }, "Met", null, later)).toBe(
      "Met → no longer in the framework (removed in version 2)",
    );
    expect(moveDetail({ steps: 0, gone: "criterion" }, "Met", null, { from: 2, to: 1 })).toBe(
      "Met → not in the framework in version 1",
    );
    expect(moveDetail({ steps: 2 }, "Expected", "Exceptional", later)).toBe(
      "Expected → Exceptional (up 2 places)",
    );
  });
});

describe("reading the compared state from an evaluation document", () => {
  it("compares a frozen copy of a document with the live document after more work", () => {
    const live = new Y.Doc();
    judgementsOf(live).set("c-1", "expected");
    judgementsOf(live).set("c-2", "strong");
    const kept = addForce(live, "c-1", "helping", "Strong SENCO", 4);
    const gone = addForce(live, "c-1", "hindering", "Staff turnover", 2);
    const plan = addAction(live, "c-1", "Train new staff");
    const frozen = Y.encodeStateAsUpdate(live);

    judgementsOf(live).set("c-1", "strong");
    judgementsOf(live).set("c-2", "needs");
    removeForce(live, gone);
    addForce(live, "c-2", "helping", "Tutoring", 3);
    actionsOf(live).get(plan)!.set("status", "done");

    const before = evaluationStateFromUpdate(frozen);
    expect(before.forces.map((f) => f.id).sort()).toEqual([kept, gone].sort());
    const comparison = compareEvaluations(before, readEvaluationState(live), LEVELS);
    expect(comparison.judgements.movedUp.map((m) => m.criterionId)).toEqual(["c-1"]);
    expect(comparison.judgements.movedDown.map((m) => m.criterionId)).toEqual(["c-2"]);
    expect(comparison.forces.removed).toEqual([
      { id: gone, criterionId: "c-1", side: "hindering", text: "Staff turnover", strength: 2 },
    ]);
    expect(comparison.forces.added.map((f) => f.text)).toEqual(["Tutoring"]);
    expect(comparison.actions.completed).toEqual([
      { id: plan, criterionId: "c-1", what: "Train new staff", status: "done" },
    ]);
    // The frozen bytes still read as they were.
    expect(evaluationStateFromUpdate(frozen).judgements).toEqual({
      "c-1": "expected",
      "c-2": "strong",
    });
  });
});

describe("the trend of judgements across cycles", () => {
  const evaluation = (
    id: string,
    createdAt: string,
    judgements: Record<string, string>,
    lastActivityAt: string | null = null,
  ) =>
    ({
      id,
      title: `Evaluation ${id}`,
      createdAt: new Date(createdAt),
      projection: {
        judgements: Object.entries(judgements).map(([criterionId, level]) => ({
          criterionId,
          level,
        })),
        lastActivityAt: lastActivityAt ? new Date(lastActivityAt) : null,
      },
    }) as unknown as Evaluation;
  const submission = (
    evaluationId: string,
    createdAt: string,
    judgements: Record<string, string>,
  ) =>
    ({
      evaluationId,
      createdAt: new Date(createdAt),
      projection: {
        judgements: Object.entries(judgements).map(([criterionId, level]) => ({
          criterionId,
          level,
        })),
      },
      judgements: [],
    }) as unknown as SnapshotSummary;

  it("takes each evaluation's latest submission, or its saved judgements when never submitted, oldest first", () => {
    const points = buildTrend(
      [
        evaluation("e-2", "2026-01-10", { "c-1": "strong" }, "2026-02-01"),
        evaluation("e-1", "2025-01-10", { "c-1": "exceptional" }),
      ],
      [
        submission("e-1", "2025-03-01", { "c-1": "needs" }),
        submission("e-1", "2025-04-01", { "c-1": "expected" }),
      ],
    );
    expect(points.map((p) => [p.evaluationId, p.source, p.judgements["c-1"]])).toEqual([
      ["e-1", "submission", "expected"],
      ["e-2", "saved", "strong"],
    ]);
    expect(points[1].date).toEqual(new Date("2026-02-01"));
  });
});

import { describe, expect, it } from "vitest";
import { cycleNameKey } from "../../models/cycle/cycle.ts";
import { progressOf } from "../../models/cycle/status.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";

const NOW = new Date("2027-03-01T12:00:00Z");
function evaluation(over: Partial<Evaluation> & { judged?: number; active?: boolean }): Evaluation {
  return {
    id: "e",
    trustId: "t",
    schoolId: "s",
    frameworkId: "f",
    frameworkVersionId: "v",
    frameworkKind: "qualityMark",
    cycleId: "c",
    dueDate: new Date("2027-02-01T23:59:59Z"),
    title: "x",
    status: "inProgress",
    areaIds: [],
    levelsByCriterion: {},
    validatorIds: [],
    createdBy: "u",
    createdAt: NOW,
    projection: {
      judgements: [],
      judgedCount: over.judged ?? 0,
      criteriaCount: 8,
      updatedAt: NOW,
      lastActivityAt: over.active ? NOW : null,
    },
    ...over,
  };
}

describe("progressOf", () => {
  it("is not started until someone has changed anything", () => {
    expect(progressOf(evaluation({}), NOW)).toMatchObject({
      status: "notStarted",
      percent: 0,
      overdue: true,
    });
  });
  it("is in progress with a percentage once work began", () => {
    expect(
      progressOf(evaluation({ judged: 2, active: true, dueDate: new Date("2027-04-01") }), NOW),
    ).toMatchObject({ status: "inProgress", percent: 25, overdue: false });
  });
  it("is never overdue once submitted", () => {
    expect(progressOf(evaluation({ status: "submitted", active: true }), NOW)).toMatchObject({
      status: "submitted",
      overdue: false,
    });
  });
});

describe("cycleNameKey", () => {
  it("folds case, spacing and dashes so one cycle cannot be created twice by retyping", () => {
    expect(cycleNameKey("Inclusion Excellence 2026–27")).toBe(
      cycleNameKey("  inclusion   excellence 2026-27 "),
    );
  });
});

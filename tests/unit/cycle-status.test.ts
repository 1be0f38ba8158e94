import { describe, expect, it } from "vitest";
import { cycleNameKey } from "../../models/cycle/cycle.ts";
import {
  CYCLE_STATUS_IN_FULL,
  CYCLE_STATUS_LABELS,
  progressOf,
  statusWhileOpen,
  workingOn,
} from "../../models/cycle/status.ts";
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

describe("workingOn", () => {
  const at = (day: number) => new Date(`2027-02-${String(day).padStart(2, "0")}T09:00:00Z`);
  it("puts the evaluation with the team's work ahead of a newer, untouched one", () => {
    const worked = evaluation({ id: "worked", createdAt: at(1), active: true, judged: 7 });
    const empty = evaluation({ id: "empty", createdAt: at(20) });
    expect(workingOn([empty, worked]).map((e) => e.id)).toEqual(["worked", "empty"]);
  });
  it("leaves finished ones out while any is unfinished, and shows the latest when all are", () => {
    const done = evaluation({ id: "done", status: "accredited", createdAt: at(1), active: true });
    const sent = evaluation({ id: "sent", status: "submitted", createdAt: at(2), active: true });
    expect(workingOn([done, sent]).map((e) => e.id)).toEqual(["sent"]);
    const latest = evaluation({ id: "latest", status: "validated", createdAt: at(3) });
    expect(workingOn([done, latest]).map((e) => e.id)).toEqual(["latest"]);
    expect(workingOn([])).toEqual([]);
  });
});

describe("cycleNameKey", () => {
  it("folds case, spacing and dashes so one cycle cannot be created twice by retyping", () => {
    expect(cycleNameKey("Inclusion Excellence 2026–27")).toBe(
      cycleNameKey("  inclusion   excellence 2026-27 "),
    );
  });
});

describe("the status on the open evaluation page", () => {
  it("is 'Not started' until the first judgement appears live, then 'In progress'", () => {
    expect(statusWhileOpen("notStarted", 0)).toBe("notStarted");
    expect(statusWhileOpen("notStarted", 1)).toBe("inProgress");
    expect(statusWhileOpen("inProgress", 0)).toBe("inProgress");
    expect(statusWhileOpen("submitted", 3)).toBe("submitted");
  });

  it("is named in full there, as every list names it otherwise", () => {
    expect(CYCLE_STATUS_IN_FULL.submitted).toBe("Submitted for validation");
    expect(CYCLE_STATUS_IN_FULL.notStarted).toBe(CYCLE_STATUS_LABELS.notStarted);
  });
});

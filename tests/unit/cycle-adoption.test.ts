import { describe, expect, it } from "vitest";
import { distributionStep, type EvaluationOnFramework } from "../../models/cycle/adoption.ts";

const CYCLE = "c".repeat(24);
const OTHER_CYCLE = "d".repeat(24);
const on = (
  id: string,
  day: number,
  status: EvaluationOnFramework["status"] = "inProgress",
  cycleId: string | null = null,
): EvaluationOnFramework => ({ id, cycleId, status, createdAt: new Date(2026, 8, day) });

describe("what distributing a cycle does for a school", () => {
  it("gives a school with nothing on the framework a new, empty evaluation", () => {
    expect(distributionStep(CYCLE, [])).toEqual({ kind: "new" });
  });

  it("leaves a school that already has the cycle's evaluation alone", () => {
    expect(distributionStep(CYCLE, [on("a", 1), on("b", 2, "inProgress", CYCLE)])).toEqual({
      kind: "existing",
      evaluationId: "b",
    });
  });

  it("adopts the school's latest unfinished evaluation of its own, submitted ones included", () => {
    expect(
      distributionStep(CYCLE, [on("old", 1), on("new", 5), on("done", 9, "accredited")]),
    ).toEqual({ kind: "adopt", evaluationId: "new" });
    expect(distributionStep(CYCLE, [on("sent", 3, "submitted")])).toEqual({
      kind: "adopt",
      evaluationId: "sent",
    });
  });

  it("starts from the last one when it is finished or belongs to another cycle", () => {
    expect(distributionStep(CYCLE, [on("a", 1, "validated"), on("b", 4, "accredited")])).toEqual({
      kind: "prefill",
      fromId: "b",
    });
    expect(distributionStep(CYCLE, [on("last-cycle", 2, "inProgress", OTHER_CYCLE)])).toEqual({
      kind: "prefill",
      fromId: "last-cycle",
    });
  });
});

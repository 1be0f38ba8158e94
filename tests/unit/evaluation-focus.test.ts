import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addAction, addForce } from "../../collab/shapes/plan.ts";
import {
  describeEvaluationFocus,
  evaluationFocusOf,
  planItemWords,
  sameFocus,
} from "../../app/components/evaluation/focus.ts";

const codes = new Map([["incl-1", "2.1"]]);
const codeOf = (id: string) => codes.get(id);

describe("where someone works in an evaluation, read from their presence", () => {
  it("reads a field of a criterion, and the factor or action inside it", () => {
    expect(evaluationFocusOf({ criterionId: "incl-1", field: "narrative" })).toEqual({
      criterionId: "incl-1",
      field: "narrative",
    });
    expect(evaluationFocusOf({ criterionId: "incl-1", field: "forces", item: "force-a1" })).toEqual(
      { criterionId: "incl-1", field: "forces", item: "force-a1" },
    );
    expect(
      evaluationFocusOf({ criterionId: "incl-1", field: "actions", item: "action-b2" }),
    ).toEqual({ criterionId: "incl-1", field: "actions", item: "action-b2" });
  });

  it("reads anything malformed as nowhere", () => {
    for (const value of [
      null,
      undefined,
      "incl-1",
      42,
      [],
      ["incl-1", "forces"],
      {},
      { criterionId: "incl-1" },
      { criterionId: 7, field: "forces" },
      { criterionId: "", field: "forces" },
      { criterionId: "incl-1", field: "whiteboard" },
      // Names every object has are not fields.
      { criterionId: "incl-1", field: "toString" },
      { criterionId: "incl-1", field: "__proto__" },
    ])
      expect(evaluationFocusOf(value), JSON.stringify(value) ?? String(value)).toBeNull();
  });

  it("keeps the field but drops an item that is not a plausible id, or on a field without items", () => {
    const field = { criterionId: "incl-1", field: "forces" };
    for (const item of [null, 3, "", {}, ["force-a1"], "x".repeat(101)])
      expect(evaluationFocusOf({ ...field, item })).toEqual(field);
    expect(
      evaluationFocusOf({ criterionId: "incl-1", field: "narrative", item: "force-a1" }),
    ).toEqual({ criterionId: "incl-1", field: "narrative" });
  });

  it("compares two places item by item", () => {
    const a = { criterionId: "incl-1", field: "forces" as const, item: "force-a1" };
    expect(sameFocus(a, { ...a })).toBe(true);
    expect(sameFocus(a, { ...a, item: "force-b2" })).toBe(false);
    expect(sameFocus(a, { criterionId: "incl-1", field: "forces" })).toBe(false);
    expect(sameFocus(a, { ...a, criterionId: "incl-2" })).toBe(false);
    expect(sameFocus(a, null)).toBe(false);
    expect(sameFocus(null, null)).toBe(false);
  });

  it("describes a factor or action by what it is, and falls back to the field", () => {
    const doc = new Y.Doc();
    const helping = addForce(doc, "incl-1", "helping", "Trained TAs");
    const hindering = addForce(doc, "incl-1", "hindering", "Staff turnover");
    const action = addAction(doc, "incl-1", "Induction");
    const words = planItemWords(doc);
    const at = (field: string, item?: string) =>
      describeEvaluationFocus({ criterionId: "incl-1", field, item }, codeOf, words);
    expect(at("forces", helping)).toBe("editing a helping factor of 2.1");
    expect(at("forces", hindering)).toBe("editing a hindering factor of 2.1");
    expect(at("actions", action)).toBe("editing an action of 2.1");
    // Gone, or never there: the field as a whole.
    expect(at("forces", "force-gone")).toBe("analysing the force-field of 2.1");
    expect(at("actions", helping)).toBe("planning actions for 2.1");
    expect(at("forces")).toBe("analysing the force-field of 2.1");
    expect(describeEvaluationFocus({ criterionId: "incl-1", field: "forces" }, codeOf)).toBe(
      "analysing the force-field of 2.1",
    );
    expect(at("toString")).toBeNull();
    expect(describeEvaluationFocus({ criterionId: "nope", field: "forces" }, codeOf)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { createStructuredUndo } from "../../app/collab/structured-undo.ts";
import { judgementsOf, setJudgement } from "../../collab/shapes/evaluation.ts";
import {
  addForce,
  forceText,
  forcesOf,
  readForces,
  removeForce,
} from "../../collab/shapes/plan.ts";
import { docPair } from "../support/doc-pair.ts";

/** Two people's copies of one document, mine with its structured undo. */
function pair() {
  const { mine, theirs } = docPair();
  const undo = createStructuredUndo(mine, [
    judgementsOf(mine),
    forcesOf(mine),
  ] as Y.AbstractType<unknown>[]);
  return { mine, theirs, undo };
}

describe("undo of structured edits", () => {
  it("undoes my own edits, one at a time, and never someone else's", () => {
    const { mine, theirs, undo } = pair();
    undo.edit(() => setJudgement(mine, "incl-1", "strong"));
    setJudgement(theirs, "incl-2", "expected");
    undo.edit(() => setJudgement(mine, "incl-1", "exceptional"));

    expect(undo.undo()).toBe(true);
    expect(judgementsOf(theirs).get("incl-1")).toBe("strong");
    expect(undo.undo()).toBe(true);
    expect(judgementsOf(theirs).get("incl-1")).toBeUndefined();
    // Theirs stays; there is nothing more of mine to undo.
    expect(undo.undo()).toBe(false);
    expect(judgementsOf(mine).get("incl-2")).toBe("expected");

    expect(undo.redo()).toBe(true);
    expect(judgementsOf(theirs).get("incl-1")).toBe("strong");
  });

  it("brings back a removed force with its text, for both people", () => {
    const { mine, theirs, undo } = pair();
    const id = undo.edit(() => addForce(mine, "incl-1", "helping", "Experienced SENCO", 4));
    undo.edit(() => removeForce(mine, id));
    const removal = undo.lastStep();
    expect(readForces(theirs)).toHaveLength(0);

    expect(undo.undoStep(removal)).toBe(true);
    expect(readForces(theirs)).toMatchObject([{ text: "Experienced SENCO", strength: 4 }]);
  });

  it("leaves typing to the editors, and a removal once something came after it", () => {
    const { mine, undo } = pair();
    const id = undo.edit(() => addForce(mine, "incl-1", "hindering"));
    // Typing in the force's field is not a structured edit.
    forceText(mine, id)!.insert(0, "Late referrals");
    undo.edit(() => removeForce(mine, id));
    const removal = undo.lastStep();
    undo.edit(() => setJudgement(mine, "incl-1", "strong"));
    expect(undo.undoStep(removal)).toBe(false);

    expect(undo.undo()).toBe(true);
    expect(undo.undo()).toBe(true);
    expect(readForces(mine)).toMatchObject([{ text: "Late referrals" }]);
  });
});

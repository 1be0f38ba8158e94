import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  watchRemovalsWhileEditing,
  type Removal,
} from "../../app/components/evaluation/removal-watch.ts";
import {
  keepRow,
  keptRowOf,
  keptText,
  putBackAsTyped,
  releaseRow,
  drawWithKept,
  type KeptRow,
} from "../../app/components/plan/kept-rows.ts";
import {
  actionText,
  addAction,
  addForce,
  forceText,
  readActions,
  readForces,
  removeAction,
  removeForce,
} from "../../collab/shapes/plan.ts";
import { docPair } from "../support/doc-pair.ts";

/** What I was working in, removed by them: kept, as the page keeps it. */
function removedUnderMe(mine: Y.Doc, focus: string, remove: () => void): Removal {
  const removals: Removal[] = [];
  const stop = watchRemovalsWhileEditing(
    mine,
    (id) => id === focus,
    (r) => {
      keepRow(mine, r);
      removals.push(r);
    },
  );
  remove();
  stop();
  expect(removals).toHaveLength(1);
  return removals[0];
}

describe("a factor or action kept on my screen after someone else removed it", () => {
  it("takes my typing in a text of its own, where the removed text would throw it away", () => {
    const { mine, theirs } = docPair();
    const force = addForce(theirs, "incl-1", "helping", "Trained");
    const removed = forceText(mine, force)!;
    removedUnderMe(mine, force, () => removeForce(theirs, force));

    // Typed into the removed text, it is gone at once.
    removed.insert(7, " TAs");
    expect(removed.toString()).toBe("");
    // Typed into the kept text, it stays.
    const row = keptRowOf(mine, force)!;
    keptText(row, "text").insert(7, " TAs");
    expect(keptText(row, "text").toString()).toBe("Trained TAs");
    // And nobody else sees it.
    expect(readForces(theirs)).toEqual([]);
  });

  it("is put back with what I typed since, for both of us, and is then the document's again", () => {
    const { mine, theirs } = docPair();
    addForce(theirs, "incl-1", "helping", "Before");
    const force = addForce(theirs, "incl-1", "helping", "Trained");
    const removal = removedUnderMe(mine, force, () => removeForce(theirs, force));
    keptText(keptRowOf(mine, force)!, "text").insert(7, " TAs");

    expect(putBackAsTyped(mine, removal)).toBe(true);
    for (const doc of [mine, theirs])
      expect(readForces(doc, "incl-1").map((f) => f.text)).toEqual(["Before", "Trained TAs"]);
    expect(keptRowOf(mine, force)).toBeNull();
  });

  it("gives what I typed to the item when it comes back some other way (its remover's Undo)", () => {
    const { mine, theirs } = docPair();
    const action = addAction(theirs, "incl-1", "Induction");
    const removal = removedUnderMe(mine, action, () => removeAction(theirs, action));
    const row = keptRowOf(mine, action)!;
    keptText(row, "what").insert(9, " for new staff");
    keptText(row, "successMeasure").insert(0, "Every starter has a mentor");

    // Back as it was removed, from their side.
    if (removal.kind !== "action") throw new Error("an action was removed");
    addAction(theirs, "incl-1", "Induction", action);

    for (const doc of [mine, theirs]) {
      expect(actionText(doc, action, "what")!.toString()).toBe("Induction for new staff");
      expect(readActions(doc)[0].successMeasure).toBe("Every starter has a mentor");
    }
    expect(keptRowOf(mine, action)).toBeNull();
  });

  it("goes when let go, and nothing of it reaches the document", () => {
    const { mine, theirs } = docPair();
    const force = addForce(theirs, "incl-1", "hindering", "No time");
    removedUnderMe(mine, force, () => removeForce(theirs, force));
    keptText(keptRowOf(mine, force)!, "text").insert(0, "Really ");
    releaseRow(mine, force);
    expect(keptRowOf(mine, force)).toBeNull();
    // Coming back later no longer brings my words.
    addForce(theirs, "incl-1", "hindering", "No time", 3, force);
    expect(forceText(mine, force)!.toString()).toBe("No time");
  });
});

describe("where a kept row is drawn", () => {
  const item = (id: string) => ({ id });
  /** A kept row for item `id`, removed from `position`. */
  const kept = (id: string, position: number) =>
    ({ removal: { kind: "action", action: { id }, position } }) as unknown as KeptRow;
  const pick = (removal: Removal) => (removal.kind === "action" ? removal.action : null);
  const draw = (items: string[], rows: KeptRow[]) => {
    const { list, drawn } = drawWithKept(items.map(item), rows, pick);
    return {
      list: list.map((i) => i.id),
      drawn: drawn.map((d) => (d.kept ? `${d.item.id}*` : d.item.id)),
    };
  };

  it("goes back in its place among the rest, or last when the list got shorter", () => {
    expect(draw(["a", "c"], [kept("b", 1)]).drawn).toEqual(["a", "b*", "c"]);
    expect(draw(["a"], [kept("d", 5), kept("b", 0)]).drawn).toEqual(["b*", "a", "d*"]);
    expect(draw([], [kept("b", 3)]).drawn).toEqual(["b*"]);
  });

  it("is never one of the document's own, even before the list catches up with its removal", () => {
    expect(draw(["a", "b", "c"], [kept("b", 1)])).toEqual({
      list: ["a", "c"],
      drawn: ["a", "b*", "c"],
    });
  });

  it("is drawn only in its own list", () => {
    const force = {
      removal: { kind: "force", force: { id: "f" }, position: 0 },
    } as unknown as KeptRow;
    expect(draw(["a"], [force]).drawn).toEqual(["a"]);
  });
});

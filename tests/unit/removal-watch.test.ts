import { describe, expect, it } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { createStructuredUndo } from "../../app/collab/structured-undo.ts";
import { claimRemoval, removerOf } from "../../app/components/evaluation/removal-claims.ts";
import {
  RECENTLY_CHANGED_MS,
  watchRemovalsWhileEditing,
  type Removal,
} from "../../app/components/evaluation/removal-watch.ts";
import { removalMessage } from "../../app/components/evaluation/removed-by-colleague.tsx";
import {
  actionText,
  actionsOf,
  addAction,
  addForce,
  forceText,
  forcesOf,
  linkForce,
  readActions,
  readForces,
  removeAction,
  removeForce,
  restoreAction,
  restoreForce,
  setActionField,
  setForceField,
} from "../../collab/shapes/plan.ts";
import { docPair } from "../support/doc-pair.ts";

/** My copy watched: `focus` is the item I am working in; the clock is ours to move. */
function watched(mine: Y.Doc) {
  const state = { focus: null as string | null, now: 1_000_000 };
  const removals: Removal[] = [];
  const stop = watchRemovalsWhileEditing(
    mine,
    (id) => id === state.focus,
    (removal) => removals.push(removal),
    () => state.now,
  );
  return { state, removals, stop };
}

const codeOf = (id: string) => (id === "incl-1" ? "2.1" : undefined);

describe("a factor or action removed by someone else while I work in it", () => {
  it("is told, with the factor as it was, its place on its side and the actions addressing it", () => {
    const { mine, theirs } = docPair();
    addForce(theirs, "incl-1", "hindering", "Staff turnover", 2);
    const force = addForce(theirs, "incl-1", "hindering", "No time", 3);
    addForce(theirs, "incl-1", "helping", "Trained TAs", 4);
    const action = addAction(theirs, "incl-1", "Protected time");
    linkForce(theirs, action, force, true);
    const { state, removals } = watched(mine);
    state.focus = force;
    forceText(mine, force)!.insert(7, " protected");
    setForceField(mine, force, "strength", 5);
    setForceField(mine, force, "priority", true);

    removeForce(theirs, force);

    expect(removals).toEqual([
      {
        kind: "force",
        force: expect.objectContaining({
          id: force,
          criterionId: "incl-1",
          side: "hindering",
          text: "No time protected",
          strength: 5,
          priority: true,
          inOurControl: false,
        }),
        position: 1,
        linkedActionIds: [action],
      },
    ]);
    expect(removalMessage(removals[0], "Alex Staff", codeOf)).toBe(
      "Alex Staff removed hindering factor 2 of 2.1 while you were working on it: No time protected.",
    );
  });

  it("is told for a factor I changed in the last few seconds, not one I left long ago or never touched", () => {
    const { mine, theirs } = docPair();
    const recent = addForce(theirs, "incl-1", "helping", "Recent");
    const old = addForce(theirs, "incl-1", "helping", "Old");
    const untouched = addForce(theirs, "incl-1", "helping", "Untouched");
    const { state, removals } = watched(mine);
    forceText(mine, old)!.insert(0, "Very ");
    state.now += RECENTLY_CHANGED_MS + 1;
    forceText(mine, recent)!.insert(0, "Very ");
    state.now += RECENTLY_CHANGED_MS - 1;

    removeForce(theirs, untouched);
    removeForce(theirs, old);
    removeForce(theirs, recent);

    expect(removals.map((r) => r.kind === "force" && r.force.text)).toEqual(["Very Recent"]);
  });

  it("says nothing of what I removed myself", () => {
    const { mine, theirs } = docPair();
    const force = addForce(theirs, "incl-1", "helping", "Trained TAs");
    const action = addAction(theirs, "incl-1", "Induction");
    const { state, removals } = watched(mine);
    state.focus = force;
    removeForce(mine, force);
    state.focus = action;
    removeAction(mine, action);
    expect(removals).toEqual([]);
  });

  it("is told for an action too, with every field, and puts it back as it was for both people", () => {
    const { mine, theirs } = docPair();
    const turnover = addForce(theirs, "incl-1", "hindering", "Staff turnover");
    addAction(theirs, "incl-1", "First");
    const action = addAction(theirs, "incl-1", "Induction for new staff");
    addAction(theirs, "incl-1", "Third");
    setActionField(theirs, action, "ownerId", "user-1");
    setActionField(theirs, action, "due", "2027-03-01");
    setActionField(theirs, action, "status", "inProgress");
    actionText(theirs, action, "successMeasure")!.insert(0, "Every starter reviewed a plan");
    linkForce(theirs, action, turnover, true);
    const before = readActions(theirs, "incl-1");
    const { state, removals } = watched(mine);
    state.focus = action;

    removeAction(theirs, action);
    expect(removals).toHaveLength(1);
    const [removal] = removals;
    expect(removal).toMatchObject({ kind: "action", position: 1 });
    expect(removalMessage(removal, "A colleague", codeOf)).toBe(
      "A colleague removed action 2 of 2.1 while you were working on it: Induction for new staff.",
    );

    expect(removal.kind === "action" && restoreAction(mine, removal.action, removal.position)).toBe(
      true,
    );
    expect(readActions(theirs, "incl-1")).toEqual(
      before.map((a) => ({ ...a, order: expect.any(String) })),
    );
    expect(readActions(mine, "incl-1").map((a) => a.what)).toEqual([
      "First",
      "Induction for new staff",
      "Third",
    ]);
    // Already back: putting it back again changes nothing.
    expect(removal.kind === "action" && restoreAction(mine, removal.action, 0)).toBe(false);
    expect(actionsOf(theirs).size).toBe(3);
  });

  it("puts a factor back in its place, with its words, strength, flags and links, for both people", () => {
    const { mine, theirs } = docPair();
    addForce(theirs, "incl-1", "hindering", "Before", 2);
    const force = addForce(theirs, "incl-1", "hindering", "Staff turnover", 4);
    addForce(theirs, "incl-1", "hindering", "After", 2);
    setForceField(theirs, force, "inOurControl", true);
    const action = addAction(theirs, "incl-1", "Induction");
    linkForce(theirs, action, force, true);
    const before = readForces(theirs, "incl-1");
    const { state, removals } = watched(mine);
    state.focus = force;

    removeForce(theirs, force);
    const [removal] = removals;
    expect(
      removal.kind === "force" &&
        restoreForce(mine, removal.force, removal.position, removal.linkedActionIds),
    ).toBe(true);

    for (const doc of [mine, theirs]) {
      expect(readForces(doc, "incl-1")).toEqual(
        before.map((f) => ({ ...f, order: expect.any(String) })),
      );
      expect(readActions(doc, "incl-1")[0].forceIds).toEqual([force]);
    }
  });

  it("leaves one factor, linked once, when its remover also undoes the removal after it was put back", () => {
    const { mine, theirs } = docPair();
    const force = addForce(theirs, "incl-1", "hindering", "Staff turnover", 4);
    const action = addAction(theirs, "incl-1", "Induction");
    linkForce(theirs, action, force, true);
    const undo = createStructuredUndo(theirs, [
      forcesOf(theirs),
      actionsOf(theirs),
    ] as Y.AbstractType<unknown>[]);
    const { state, removals } = watched(mine);
    state.focus = force;
    undo.edit(() => removeForce(theirs, force));
    const [removal] = removals;
    expect(
      removal.kind === "force" &&
        restoreForce(mine, removal.force, removal.position, removal.linkedActionIds),
    ).toBe(true);
    undo.undo();
    for (const doc of [mine, theirs]) {
      expect(readForces(doc).map((f) => [f.id, f.text, f.strength])).toEqual([
        [force, "Staff turnover", 4],
      ]);
      expect(readActions(doc)[0].forceIds).toEqual([force]);
    }
  });

  it("stops telling once stopped", () => {
    const { mine, theirs } = docPair();
    const force = addForce(theirs, "incl-1", "helping", "Trained TAs");
    const { state, removals, stop } = watched(mine);
    state.focus = force;
    stop();
    removeForce(theirs, force);
    expect(removals).toEqual([]);
  });
});

describe("who removed it", () => {
  /** Someone's presence as the server stamps it, in the same awareness space as mine. */
  function people() {
    const doc = new Y.Doc();
    const mine = new Awareness(doc);
    mine.setLocalStateField("user", { userId: "u-me", name: "Chris Staff" });
    const others = new Map<number, Awareness>();
    const join = (clientId: number, userId: string, name: string) => {
      const theirDoc = new Y.Doc();
      theirDoc.clientID = clientId;
      const theirs = new Awareness(theirDoc);
      theirs.setLocalStateField("user", { userId, name });
      others.set(clientId, theirs);
      return theirs;
    };
    const relay = () => {
      for (const theirs of others.values()) {
        const state = theirs.getLocalState();
        mine.states.set(theirs.clientID, state!);
      }
      mine.emit("change", [{ added: [], updated: [...others.keys()], removed: [] }, "remote"]);
    };
    return { mine, join, relay };
  }

  it("names the one person whose page says it removed the item", () => {
    const { mine, join, relay } = people();
    const alex = join(101, "u-alex", "Alex Staff");
    join(102, "u-sam", "Sam Lee");
    claimRemoval(alex, "force-1");
    claimRemoval(alex, "force-2");
    relay();
    expect(removerOf(mine, "force-1")).toEqual({ name: "Alex Staff", isMe: false });
    expect(removerOf(mine, "force-2")).toEqual({ name: "Alex Staff", isMe: false });
    expect(removerOf(mine, "force-3")).toBeNull();
    expect(alex.getLocalState()?.removed).toEqual(["force-1", "force-2"]);
  });

  it("names nobody when several claim it, or nobody does, rather than guessing", () => {
    const { mine, join, relay } = people();
    const alex = join(101, "u-alex", "Alex Staff");
    const sam = join(102, "u-sam", "Sam Lee");
    claimRemoval(alex, "force-1");
    claimRemoval(sam, "force-1");
    relay();
    expect(removerOf(mine, "force-1")).toBeNull();
    // My own claim is not someone else's.
    claimRemoval(mine, "force-9");
    expect(removerOf(mine, "force-9")).toBeNull();
  });

  it("knows this person's other window as this person", () => {
    const { mine, join, relay } = people();
    claimRemoval(join(103, "u-me", "Chris Staff"), "force-1");
    relay();
    expect(removerOf(mine, "force-1")).toEqual({ name: "Chris Staff", isMe: true });
  });

  it("keeps the last few claims and ignores malformed ones", () => {
    const { mine, join, relay } = people();
    const alex = join(101, "u-alex", "Alex Staff");
    alex.setLocalStateField("removed", [7, null, "force-0"]);
    for (let i = 1; i <= 7; i++) claimRemoval(alex, `force-${i}`);
    expect(alex.getLocalState()?.removed).toEqual([
      "force-3",
      "force-4",
      "force-5",
      "force-6",
      "force-7",
    ]);
    const sam = join(102, "u-sam", "Sam Lee");
    sam.setLocalStateField("removed", "force-7");
    relay();
    expect(removerOf(mine, "force-7")).toEqual({ name: "Alex Staff", isMe: false });
    expect(removerOf(mine, "force-1")).toBeNull();
  });
});

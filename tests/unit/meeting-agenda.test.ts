import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  agendaIsSynced,
  bringEveryoneTo,
  moveAgendaItem,
  readAgenda,
  readCurrent,
  syncAgenda,
  agendaOf,
} from "../../collab/shapes/meeting.ts";
import {
  followDifferences,
  initialChoice,
  toggle,
} from "../../app/components/meeting/agenda-choice.ts";
import { focusedItem } from "../../app/components/meeting/agenda-focus.ts";

describe("the meeting's agenda in its live document", () => {
  it("copies the scheduled agenda, keeps the running order on a reschedule, appends new items", () => {
    const doc = new Y.Doc();
    expect(agendaIsSynced(doc)).toBe(false);
    syncAgenda(doc, ["a", "b", "c"]);
    expect(agendaIsSynced(doc)).toBe(true);
    expect(readAgenda(doc)).toEqual(["a", "b", "c"]);
    moveAgendaItem(doc, "c", 0);
    expect(readAgenda(doc)).toEqual(["c", "a", "b"]);
    syncAgenda(doc, ["a", "b", "c", "d"]);
    expect(readAgenda(doc)).toEqual(["c", "a", "b", "d"]);
    syncAgenda(doc, ["d", "a"]);
    expect(readAgenda(doc)).toEqual(["a", "d"]);
    syncAgenda(doc, []);
    expect(readAgenda(doc)).toEqual([]);
    expect(agendaIsSynced(doc)).toBe(true);
  });

  it("moves an item anywhere, and says when nothing moved", () => {
    const doc = new Y.Doc();
    syncAgenda(doc, ["a", "b", "c", "d"]);
    expect(moveAgendaItem(doc, "a", 3)).toBe(true);
    expect(readAgenda(doc)).toEqual(["b", "c", "d", "a"]);
    expect(moveAgendaItem(doc, "d", 1)).toBe(true);
    expect(readAgenda(doc)).toEqual(["b", "d", "c", "a"]);
    expect(moveAgendaItem(doc, "b", 0)).toBe(false);
    expect(moveAgendaItem(doc, "not-there", 0)).toBe(false);
  });

  it("renumbers equal keys left by two people moving at once, keeping a single order for everyone", () => {
    const doc = new Y.Doc();
    syncAgenda(doc, ["a", "b", "c"]);
    agendaOf(doc).set("c", agendaOf(doc).get("b")!);
    expect(readAgenda(doc)).toEqual(["a", "b", "c"]);
    expect(moveAgendaItem(doc, "a", 1)).toBe(true);
    expect(readAgenda(doc)).toEqual(["b", "a", "c"]);
    const keys = readAgenda(doc).map((id) => agendaOf(doc).get(id)!);
    expect(new Set(keys).size).toBe(3);
  });

  it("keeps the item everyone was brought to, by whom and when", () => {
    const doc = new Y.Doc();
    expect(readCurrent(doc)).toBeNull();
    bringEveryoneTo(doc, "b", "validator-1", new Date("2026-03-02T10:05:00Z"));
    expect(readCurrent(doc)).toEqual({
      criterionId: "b",
      by: "validator-1",
      at: "2026-03-02T10:05:00.000Z",
    });
  });
});

describe("the agenda the schedule form proposes", () => {
  it("follows each saved provisional judgement: a new difference is proposed, a settled one withdrawn", () => {
    let choice = initialChoice([], []);
    choice = followDifferences(choice, ["x"]);
    expect([...choice.chosen]).toEqual(["x"]);
    choice = followDifferences(choice, ["x", "y"]);
    expect([...choice.chosen].sort()).toEqual(["x", "y"]);
    choice = followDifferences(choice, ["y"]);
    expect([...choice.chosen]).toEqual(["y"]);
  });

  it("leaves what the validator chose by hand, and a saved agenda's other items", () => {
    let choice = initialChoice(["saved"], []);
    choice = toggle(choice, "x", false);
    choice = followDifferences(choice, ["x", "y"]);
    expect([...choice.chosen].sort()).toEqual(["saved", "y"]);
    choice = toggle(choice, "z", true);
    choice = followDifferences(choice, ["y"]);
    expect([...choice.chosen].sort()).toEqual(["saved", "y", "z"]);
  });
});

describe("the item a person has in front of them", () => {
  const order = ["a", "b", "c"];
  it("is the validator's current item while following, whatever they looked at before", () => {
    expect(focusedItem({ order, currentId: "b", own: "c", following: true })).toBe("b");
  });
  it("is their own choice while browsing on their own", () => {
    expect(focusedItem({ order, currentId: "b", own: "c", following: false })).toBe("c");
  });
  it("starts at the current item, or the first, and never shows an item no longer on the agenda", () => {
    expect(focusedItem({ order, currentId: null, own: null, following: true })).toBe("a");
    expect(focusedItem({ order, currentId: "b", own: null, following: false })).toBe("b");
    expect(focusedItem({ order, currentId: "gone", own: "gone", following: true })).toBe("a");
    expect(focusedItem({ order: [], currentId: null, own: null, following: true })).toBeNull();
  });
});

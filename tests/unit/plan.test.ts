import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  actionCounts,
  actionsOf,
  addAction,
  addForce,
  forceTotals,
  forcesOf,
  isOverdue,
  linkForce,
  moveForce,
  readActions,
  readForces,
  removeAction,
  removeForce,
} from "../../collab/shapes/plan.ts";
import { dropPosition } from "../../app/components/reorder/drag.ts";
import { diagramSummary } from "../../app/components/evaluation/force-field-diagram.tsx";
import {
  filterRows,
  parsePlanQuery,
  sortControl,
  sortRows,
  todayInEngland,
  type ActionPlanRow,
} from "../../app/components/plan/action-plan.ts";

const texts = (doc: Y.Doc, criterionId: string, side: "helping" | "hindering") =>
  readForces(doc, criterionId)
    .filter((f) => f.side === side)
    .map((f) => f.text);

describe("force totals", () => {
  it("sums strengths on each side", () => {
    expect(
      forceTotals([
        { side: "helping", strength: 4, text: "Strong SENCO" },
        { side: "helping", strength: 5, text: "Trained TAs" },
        { side: "hindering", strength: 3, text: "Staff turnover" },
        { side: "hindering", strength: 4, text: "Time" },
      ]),
    ).toEqual({ helping: 9, hindering: 7 });
    expect(forceTotals([])).toEqual({ helping: 0, hindering: 0 });
  });

  it("leaves out a factor nobody has described yet, whatever its strength", () => {
    expect(
      forceTotals([
        { side: "helping", strength: 4, text: "Strong SENCO" },
        { side: "helping", strength: 3, text: "" },
        { side: "hindering", strength: 3, text: "   " },
      ]),
    ).toEqual({ helping: 4, hindering: 0 });
  });

  it("reads strengths from the document kept within 1–5", () => {
    const doc = new Y.Doc();
    const a = addForce(doc, "incl-1", "helping", "Strong SENCO", 5);
    const b = addForce(doc, "incl-1", "hindering", "Staff turnover", 2);
    addForce(doc, "incl-2", "hindering", "Another criterion", 5);
    forcesOf(doc).get(a)!.set("strength", 9);
    forcesOf(doc).get(b)!.set("strength", "0");
    expect(forceTotals(readForces(doc, "incl-1"))).toEqual({ helping: 5, hindering: 1 });
  });

  it("says the totals in the diagram's accessible name", () => {
    expect(
      diagramSummary("2.1", [
        { side: "helping", strength: 5, text: "Strong SENCO" },
        { side: "helping", strength: 4, text: "Trained TAs" },
        { side: "hindering", strength: 7, text: "Time" },
      ]),
    ).toBe("Force-field diagram for 2.1. Helping total 9, hindering total 7.");
    expect(
      diagramSummary("2.1", [
        { side: "helping", strength: 5, text: "Strong SENCO" },
        { side: "hindering", strength: 3, text: "" },
      ]),
    ).toBe(
      "Force-field diagram for 2.1. Helping total 5, hindering total 0. 1 factor is not described yet and is not counted in the totals.",
    );
  });
});

describe("action counts and overdue", () => {
  it("counts actions in each status", () => {
    expect(
      actionCounts([
        { status: "done" },
        { status: "notStarted" },
        { status: "done" },
        { status: "dropped" },
      ]),
    ).toEqual({
      notStarted: 1,
      inProgress: 0,
      done: 2,
      dropped: 1,
    });
  });

  it("is overdue only when open and past its due date", () => {
    const today = "2027-03-10";
    expect(isOverdue({ status: "notStarted", due: "2027-03-09" }, today)).toBe(true);
    expect(isOverdue({ status: "inProgress", due: "2027-01-01" }, today)).toBe(true);
    expect(isOverdue({ status: "inProgress", due: "2027-03-10" }, today)).toBe(false);
    expect(isOverdue({ status: "done", due: "2027-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "dropped", due: "2027-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "notStarted", due: null }, today)).toBe(false);
  });
});

describe("reordering forces", () => {
  it("moves a force within its side only, by keyboard positions and by drop slots", () => {
    const doc = new Y.Doc();
    const [a, b, c] = ["A", "B", "C"].map((t) => addForce(doc, "incl-1", "helping", t));
    addForce(doc, "incl-1", "hindering", "X");
    expect(moveForce(doc, "incl-1", "helping", c, 0)).toBe(true);
    expect(texts(doc, "incl-1", "helping")).toEqual(["C", "A", "B"]);
    // Dropped in the gap after B (slot 3), A ends up last.
    moveForce(doc, "incl-1", "helping", a, dropPosition(1, 3));
    expect(texts(doc, "incl-1", "helping")).toEqual(["C", "B", "A"]);
    expect(moveForce(doc, "incl-1", "helping", b, 1)).toBe(false);
    expect(texts(doc, "incl-1", "hindering")).toEqual(["X"]);
  });

  it("still moves forces whose order keys two people created at the same moment", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    addForce(one, "incl-1", "hindering", "From one");
    addForce(two, "incl-1", "hindering", "From two");
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    const [first, second] = readForces(one, "incl-1");
    expect(first.order).toBe(second.order);
    const third = addForce(one, "incl-1", "hindering", "Third");
    expect(moveForce(one, "incl-1", "hindering", third, 1)).toBe(true);
    expect(texts(one, "incl-1", "hindering")).toEqual([first.text, "Third", second.text]);
    expect(moveForce(one, "incl-1", "hindering", second.id, 0)).toBe(true);
    expect(texts(one, "incl-1", "hindering")).toEqual([second.text, first.text, "Third"]);
  });

  it("merges two people's concurrent moves and edits without losing either", () => {
    const one = new Y.Doc();
    const [a] = ["A", "B", "C"].map((t) => addForce(one, "incl-1", "helping", t));
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    moveForce(one, "incl-1", "helping", a, 2);
    (forcesOf(two).get(a)!.get("text") as Y.Text).insert(1, " (edited)");
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    expect(texts(one, "incl-1", "helping")).toEqual(["B", "C", "A (edited)"]);
    expect(texts(two, "incl-1", "helping")).toEqual(texts(one, "incl-1", "helping"));
  });
});

describe("actions and the hindering forces they address", () => {
  it("links and unlinks forces, and removing a force unlinks it everywhere", () => {
    const doc = new Y.Doc();
    const turnover = addForce(doc, "incl-1", "hindering", "Staff turnover");
    const time = addForce(doc, "incl-1", "hindering", "No time for reviews");
    const action = addAction(doc, "incl-1", "Induction for new staff");
    linkForce(doc, action, turnover, true);
    linkForce(doc, action, turnover, true);
    linkForce(doc, action, time, true);
    expect(readActions(doc, "incl-1")[0].forceIds).toEqual([turnover, time]);
    linkForce(doc, action, time, false);
    expect(readActions(doc, "incl-1")[0].forceIds).toEqual([turnover]);
    removeForce(doc, turnover);
    expect(readActions(doc, "incl-1")[0].forceIds).toEqual([]);
    removeAction(doc, action);
    expect(actionsOf(doc).size).toBe(0);
  });
});

const row = (over: Partial<ActionPlanRow>): ActionPlanRow => ({
  id: "a",
  evaluationId: "e",
  criterionId: "c",
  criterionCode: "1.1",
  criterionStatement: "",
  areaId: null,
  what: "",
  ownerId: null,
  ownerName: null,
  due: null,
  status: "notStarted",
  overdue: false,
  forceCount: 0,
  addresses: [],
  ...over,
});

describe("the action plan table", () => {
  const rows = [
    row({ id: "1", ownerId: "u2", ownerName: "Sam", due: "2027-05-01", status: "done" }),
    row({ id: "2", ownerId: null, ownerName: null, due: null, status: "inProgress" }),
    row({ id: "3", ownerId: "u1", ownerName: "Alex", due: "2027-03-01", status: "notStarted" }),
    row({ id: "4", ownerId: "u1", ownerName: "Alex", due: "2027-04-01", status: "inProgress" }),
  ];
  const ids = (list: ActionPlanRow[]) => list.map((r) => r.id);

  it("sorts by owner, due date or status either way, blanks last", () => {
    expect(ids(sortRows(rows, "owner", "asc"))).toEqual(["3", "4", "1", "2"]);
    expect(ids(sortRows(rows, "owner", "desc"))).toEqual(["1", "3", "4", "2"]);
    expect(ids(sortRows(rows, "due", "asc"))).toEqual(["3", "4", "1", "2"]);
    expect(ids(sortRows(rows, "due", "desc"))).toEqual(["1", "4", "3", "2"]);
    expect(ids(sortRows(rows, "status", "asc"))).toEqual(["3", "4", "2", "1"]);
    expect(ids(sortRows(rows, null, "asc"))).toEqual(["1", "2", "3", "4"]);
  });

  it("filters by owner (or nobody) and status", () => {
    expect(ids(filterRows(rows, { owner: "u1", status: "" }))).toEqual(["3", "4"]);
    expect(ids(filterRows(rows, { owner: "none", status: "" }))).toEqual(["2"]);
    expect(ids(filterRows(rows, { owner: "u1", status: "inProgress" }))).toEqual(["4"]);
  });

  it("reads its query string forgivingly and links each heading to the next sort", () => {
    const query = parsePlanQuery(
      new URLSearchParams("sort=due&dir=sideways&status=finished&owner=u1"),
    );
    expect(query).toEqual({ sort: "due", dir: "asc", owner: "u1", status: "" });
    expect(sortControl(query, "due")).toEqual({
      href: "?sort=due&dir=desc&owner=u1",
      ariaSort: "ascending",
    });
    expect(sortControl(query, "owner")).toEqual({
      href: "?sort=owner&dir=asc&owner=u1",
      ariaSort: undefined,
    });
    expect(parsePlanQuery(new URLSearchParams(""))).toEqual({
      sort: null,
      dir: "asc",
      owner: "",
      status: "",
    });
  });

  it("takes today's date in England", () => {
    expect(todayInEngland(new Date("2027-06-30T23:30:00Z"))).toBe("2027-07-01");
    expect(todayInEngland(new Date("2027-01-31T23:30:00Z"))).toBe("2027-01-31");
  });
});

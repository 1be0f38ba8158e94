import { describe, expect, it } from "vitest";
import {
  areasOf,
  areasOpenAtFirst,
  countsOf,
  describeCounts,
} from "../../app/components/meeting/pre-review-areas.ts";

const row = (id: string, areaId: string) => ({ id, areaId, areaTitle: `Area ${areaId}` });

const criteria = [row("1.1", "a"), row("1.2", "a"), row("2.1", "b"), row("3.1", "c")];
const none = new Set<string>();

describe("the pre-review's areas", () => {
  it("groups the criteria area by area, in the framework's order", () => {
    const areas = areasOf(criteria);
    expect(areas.map((a) => [a.id, a.title, a.criteria.map((c) => c.id)])).toEqual([
      ["a", "Area a", ["1.1", "1.2"]],
      ["b", "Area b", ["2.1"]],
      ["c", "Area c", ["3.1"]],
    ]);
  });

  it("says, folded, how many criteria an area has, ticked and differing", () => {
    const [a, b] = areasOf(criteria);
    expect(describeCounts(countsOf(a, new Set(["1.1", "2.1"]), new Set(["1.1", "1.2"])))).toBe(
      "2 criteria, 1 on the agenda, 2 differ from the school's judgement",
    );
    expect(describeCounts(countsOf(b, none, new Set(["2.1"])))).toBe(
      "1 criterion, 0 on the agenda, 1 differs from the school's judgement",
    );
  });

  it("opens the areas with something to look at, and the first with a criterion still to judge", () => {
    const areas = areasOf(criteria);
    // Nothing judged yet: only the first area, to start with.
    expect([...areasOpenAtFirst(areas, none, none, none)]).toEqual(["a"]);
    // Area a judged; c has a tick: c, and b where the validator carries on.
    const judged = new Set(["1.1", "1.2"]);
    expect([...areasOpenAtFirst(areas, new Set(["3.1"]), none, judged)].sort()).toEqual(["b", "c"]);
    // A difference opens its area; everything judged and nothing to look at: all folded.
    const all = new Set(criteria.map((c) => c.id));
    expect([...areasOpenAtFirst(areas, none, new Set(["1.2"]), all)]).toEqual(["a"]);
    expect([...areasOpenAtFirst(areas, none, none, all)]).toEqual([]);
  });
});

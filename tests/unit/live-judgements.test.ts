import { describe, expect, it } from "vitest";
import { judgedIn, unjudgedIn } from "../../app/components/evaluation/live-judgements.ts";

const levels = [{ key: "low" }, { key: "high" }];
const criterion = (id: string, code: string) => ({ id, code, statement: `Statement ${code}` });
const areas = [
  { id: "a", levels, criteria: [criterion("a1", "1.1"), criterion("a2", "1.2")] },
  { id: "b", levels: [{ key: "met" }], criteria: [criterion("b1", "2.1")] },
];

describe("progress counted from the live judgements", () => {
  it("counts a criterion judged only at a level of its own area's scale", () => {
    const judgements = { a1: "high", a2: "met", b1: "met" };
    expect(judgedIn(areas[0], judgements)).toBe(1);
    expect(judgedIn(areas[1], judgements)).toBe(1);
  });

  it("lists what is not judged yet, in the framework's order", () => {
    expect(unjudgedIn(areas, { a2: "low" }).map((c) => c.code)).toEqual(["1.1", "2.1"]);
    expect(unjudgedIn(areas, { a1: "low", a2: "low", b1: "met" })).toEqual([]);
  });
});

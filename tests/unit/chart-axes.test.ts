import { describe, expect, it } from "vitest";
import {
  fitCategoryLabels,
  linesOf,
  textWidth,
  wholeTicks,
} from "../../app/components/insight/chart-axes.ts";

const LEVELS = [
  "Urgent improvement",
  "Needs attention",
  "Expected standard",
  "Strong standard",
  "Exceptional",
];

describe("an insight chart's axes", () => {
  it("breaks a label between words, never inside one", () => {
    expect(linesOf("Urgent improvement", 80, 11)).toEqual(["Urgent", "improvement"]);
    expect(linesOf("Needs attention", 200, 11)).toEqual(["Needs attention"]);
    // A word wider than the room stays whole, on a line of its own.
    expect(linesOf("Exceptional", 20, 11)).toEqual(["Exceptional"]);
  });

  it("writes the levels across a laptop's axis, each line clear of its neighbours", () => {
    const slot = 110;
    const labels = fitCategoryLabels(LEVELS, slot, 11);
    expect(labels.angled).toBe(false);
    expect(labels.text[0]).toBe("Urgent\nimprovement");
    for (const text of labels.text)
      for (const line of text.split("\n")) expect(textWidth(line, 11)).toBeLessThan(slot - 4);
  });

  it("turns them 45° on a phone's, where a word is wider than a level's share, and keeps room below", () => {
    const labels = fitCategoryLabels(LEVELS, 58, 11);
    expect(labels.angled).toBe(true);
    expect(labels.text).toEqual(LEVELS);
    // The longest, turned, reaches this far down; the first this far left of its tick.
    expect(labels.depth).toBeGreaterThan(textWidth("Urgent improvement", 11) * Math.SQRT1_2);
    expect(labels.overhang).toBeGreaterThan(textWidth("Urgent improvement", 11) * Math.SQRT1_2);
  });

  it("counts whole schools, far enough apart to read, up to the axis's full length", () => {
    expect(wholeTicks(3, 260)).toEqual([0, 1, 2, 3]);
    expect(wholeTicks(30, 260)).toEqual([0, 6, 12, 18, 24, 30]);
    expect(wholeTicks(22, 150)).toEqual([0, 8, 16, 22]);
    // Every 4 would end 16, 17: too close, so 16 gives way to the axis's end.
    expect(wholeTicks(17, 240)).toEqual([0, 4, 8, 12, 17]);
  });
});

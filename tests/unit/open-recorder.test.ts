import { describe, expect, it } from "vitest";
import { longestTaskWhileLoading, type RecordedMoments } from "../bench/open-recorder.ts";

const moments = (longTasks: [number, number][]): RecordedMoments => ({
  inFrame: 150,
  presented: [200],
  editable: 200,
  live: 800,
  longTasks,
});

describe("the longest task while a page loads", () => {
  it("is the longest main-thread task that overlaps the time between editable and live", () => {
    expect(
      longestTaskWhileLoading(
        moments([
          [100, 120],
          [300, 60],
          [700, 90],
          [900, 400],
        ]),
      ),
    ).toBe(120);
    expect(
      longestTaskWhileLoading(
        moments([
          [250, 60],
          [700, 90],
          [900, 400],
        ]),
      ),
    ).toBe(90);
  });

  it("is nothing when no long task ran meanwhile", () => {
    expect(
      longestTaskWhileLoading(
        moments([
          [10, 60],
          [800, 200],
        ]),
      ),
    ).toBe(0);
    expect(longestTaskWhileLoading(moments([]))).toBe(0);
  });
});

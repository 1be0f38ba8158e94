import { describe, expect, it } from "vitest";
import { calibrationSentences } from "../../models/insight/words.ts";

const none = { same: 0, above: 0, below: 0, oneLevel: 0, twoOrMore: 0 };

describe("the calibration summary in words", () => {
  it("says one judgement, one school and one level in the singular", () => {
    const said = calibrationSentences(
      { ...none, compared: 1, above: 1, oneLevel: 1, meanDifference: 1 },
      1,
    );
    expect(said).toEqual([
      "1 judgement compared, across 1 school.",
      "0 (0%) were the same as agreed.",
      "1 (100%) was higher than agreed, 0 (0%) lower.",
      "1 differed by one level, 0 by two or more; 1 level apart on average.",
    ]);
  });

  it("says several, and a fraction of a level, in the plural", () => {
    const said = calibrationSentences(
      { ...none, compared: 4, same: 2, below: 2, oneLevel: 1, twoOrMore: 1, meanDifference: 0.75 },
      2,
    );
    expect(said[0]).toBe("4 judgements compared, across 2 schools.");
    expect(said[1]).toBe("2 (50%) were the same as agreed.");
    expect(said[3]).toBe(
      "1 differed by one level, 1 by two or more; 0.75 levels apart on average.",
    );
  });
});

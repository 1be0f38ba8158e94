import { describe, expect, it } from "vitest";
import { fromLondonLocal, toLondonLocal } from "../../models/meeting/schedule.ts";

describe("a meeting's time as typed (UK time)", () => {
  it("reads summer and winter times as UK time", () => {
    expect(fromLondonLocal("2027-07-16T10:00")?.toISOString()).toBe("2027-07-16T09:00:00.000Z");
    expect(fromLondonLocal("2027-01-16T10:00")?.toISOString()).toBe("2027-01-16T10:00:00.000Z");
  });

  it("reads the hour after the clocks go back and forward as the UK clock shows it", () => {
    // 31 October 2027: 02:00 BST becomes 01:00 GMT; 28 March 2027: 01:00 GMT becomes 02:00 BST.
    expect(fromLondonLocal("2027-10-31T03:00")?.toISOString()).toBe("2027-10-31T03:00:00.000Z");
    expect(fromLondonLocal("2027-03-28T03:00")?.toISOString()).toBe("2027-03-28T02:00:00.000Z");
  });

  it("refuses what is not a day and time", () => {
    for (const value of ["2027-02-30T10:00", "2027-01-16T24:00", "2027-01-16", "tomorrow"])
      expect(fromLondonLocal(value), value).toBeNull();
  });

  it("shows a moment back as the form's value, in UK time", () => {
    expect(toLondonLocal(new Date("2027-07-16T09:00:00Z"))).toBe("2027-07-16T10:00");
    expect(toLondonLocal(new Date("2027-01-16T10:00:00Z"))).toBe("2027-01-16T10:00");
  });
});

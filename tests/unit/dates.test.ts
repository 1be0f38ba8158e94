import { describe, expect, it } from "vitest";
import { formatClock, formatDay, formatMeetingTime, formatMoment } from "../../models/dates.ts";

describe("dates", () => {
  it("makes a formatter once per time zone, not once per date shown", () => {
    const Real = Intl.DateTimeFormat;
    let made = 0;
    class Counted extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made += 1;
      }
    }
    Intl.DateTimeFormat = Counted as typeof Intl.DateTimeFormat;
    try {
      const day = Date.UTC(2027, 0, 1);
      const shown = Array.from({ length: 500 }, (_, i) => new Date(day + i * 3_600_000));
      const words = shown.map((d) => `${formatDay(d)} ${formatMoment(d)} ${formatClock(d)}`);
      expect(words[0]).toBe("1 January 2027 1 Jan 2027, 00:00 00:00");
      expect(words[499]).toBe("21 January 2027 21 Jan 2027, 19:00 19:00");
      // Two zones (UTC for days, UK time for moments): at most one formatter each.
      expect(made).toBeLessThanOrEqual(2);
    } finally {
      Intl.DateTimeFormat = Real;
    }
  });
  it("shows a due date as its calendar day, whatever the UK clock says", () => {
    // Stored as the end of the day in UTC: in British Summer Time that is already the next day.
    expect(formatDay("2027-07-16T23:59:59Z")).toBe("16 July 2027");
    expect(formatDay("2027-07-16T23:59:59Z", "short")).toBe("16 Jul 2027");
    expect(formatDay(null)).toBe("—");
  });
  it("shows moments in UK time, summer and winter", () => {
    expect(formatMoment("2027-07-16T08:05:00Z")).toBe("16 Jul 2027, 09:05");
    expect(formatMoment("2027-01-16T08:05:00Z")).toBe("16 Jan 2027, 08:05");
  });
  it("shows a time of day in UK time, for what happens during a meeting", () => {
    expect(formatClock("2027-07-16T13:05:00Z")).toBe("14:05");
    expect(formatClock("2027-01-16T13:05:00Z")).toBe("13:05");
  });

  it("names a meeting's day and time in UK time, with the zone said", () => {
    expect(formatMeetingTime("2027-03-02T10:00:00Z")).toBe(
      "Tuesday 2 March 2027 at 10:00 (UK time)",
    );
    // 23:30 UTC in summer is already the next day in the UK.
    expect(formatMeetingTime("2027-07-15T23:30:00Z")).toBe(
      "Friday 16 July 2027 at 00:30 (UK time)",
    );
  });
});

import { formatDay, todayInEngland } from "../../models/dates.ts";

/**
 * An award start the outcome rule accepts on any day the tests run (it refuses a start long
 * before the decision or over a year ahead): today in England, and how the pages print it.
 */
export const AWARD_START = todayInEngland();

/** "from <start> to <start + years>", as the recorded outcome reads. */
export function awardPeriodWords(years: number): string {
  const [y, m, d] = AWARD_START.split("-").map(Number);
  const end = `${y + years}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return `from ${formatDay(AWARD_START)} to ${formatDay(end)}`;
}

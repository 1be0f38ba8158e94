/**
 * Dates as people in English schools read them, identical on the server and in the browser
 * (so hydration never disagrees): numbers come from Intl in a fixed time zone, words from us.
 */
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** One formatter per time zone: making one costs far more than using it (a list of dates). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterIn(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day and clock time of a moment in a time zone, as numbers (months from 1). */
export function partsOf(value: Date | string, timeZone: string) {
  const parts = formatterIn(timeZone).formatToParts(new Date(value));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

/** A calendar day, e.g. "16 July 2027" (short: "16 Jul 2027"). Date-only values are UTC. */
export function formatDay(
  value: Date | string | null | undefined,
  style: "long" | "short" = "long",
): string {
  if (!value) return "—";
  const { year, month, day } = partsOf(value, "UTC");
  const name = MONTHS[month - 1];
  return `${day} ${style === "long" ? name : name.slice(0, 3)} ${year}`;
}

/** A moment, in UK time, e.g. "25 Nov 2026, 07:40". */
export function formatMoment(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const { year, month, day, hour, minute } = partsOf(value, "Europe/London");
  return `${day} ${MONTHS[month - 1].slice(0, 3)} ${year}, ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** The time of day in UK time, e.g. "14:05" (for what happens during one meeting). */
export function formatClock(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const { hour, minute } = partsOf(value, "Europe/London");
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** Today's date in England as YYYY-MM-DD (the server's clock may run in another zone). */
export function todayInEngland(now = new Date()): string {
  const { year, month, day } = partsOf(now, "Europe/London");
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** When a meeting is, in UK time and in full, e.g. "Tuesday 2 March 2027 at 10:00 (UK time)". */
export function formatMeetingTime(value: Date | string): string {
  const { year, month, day, hour, minute } = partsOf(value, "Europe/London");
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  return `${weekday} ${day} ${MONTHS[month - 1]} ${year} at ${time} (UK time)`;
}

import { z } from "zod";
import { formatDay, partsOf, todayInEngland } from "../dates.ts";
import { InvalidInputError } from "../errors.ts";
import { DEFAULT_MEETING_MINUTES, MEETING_LENGTHS } from "./length.ts";

export { DEFAULT_MEETING_MINUTES, MEETING_LENGTHS };

/**
 * The parts every scheduled meeting shares (validation meetings and joint-workspace meetings,
 * ADR 022): when it is (read as UK time), how long, the video call's link, and how a change of
 * those counts as a reschedule for calendar invitations.
 */
export interface MeetingTime {
  scheduledAt: Date;
  videoLink: string;
  /** How long the meeting is planned to take (the calendar invitation's end). */
  durationMinutes: number;
}

function londonOffsetMinutes(at: Date): number {
  const { year, month, day, hour, minute } = partsOf(at, "Europe/London");
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  return Math.round((asUtc - Math.floor(at.getTime() / 60000) * 60000) / 60000);
}

/**
 * A `datetime-local` value ("2026-03-02T10:00") read as UK time, as everyone in an English
 * trust means it, whatever the server's or the browser's zone; null when it is not one.
 */
export function fromLondonLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const guess = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (guess.getUTCMonth() !== mo - 1 || guess.getUTCDate() !== d || h > 23 || mi > 59) return null;
  const first = new Date(guess.getTime() - londonOffsetMinutes(guess) * 60000);
  return new Date(guess.getTime() - londonOffsetMinutes(first) * 60000);
}

/** The `datetime-local` value (UK time) of a moment, for a form's default. */
export function toLondonLocal(at: Date): string {
  const local = new Date(at.getTime() + londonOffsetMinutes(at) * 60000);
  return local.toISOString().slice(0, 16);
}

/** The time fields of every schedule form (`ScheduleFields` in the browser). */
export const MeetingTimeInput = z.object({
  scheduledAt: z.string({ message: "Choose the date and time" }).transform((value, ctx) => {
    const at = fromLondonLocal(value);
    if (!at) {
      ctx.addIssue({ code: "custom", message: "Choose the date and time" });
      return z.NEVER;
    }
    return at;
  }),
  videoLink: z
    .string()
    .trim()
    .max(2000, "The link is too long")
    .url("Enter the video call's address")
    .refine((v) => /^https:\/\//i.test(v), "The video call link must start with https://"),
  durationMinutes: z.coerce
    .number({ message: "Choose how long the meeting takes" })
    .int()
    .refine(
      (m) => (MEETING_LENGTHS as readonly number[]).includes(m),
      "Choose how long the meeting takes",
    )
    .default(DEFAULT_MEETING_MINUTES),
});
export type MeetingTimeInput = z.infer<typeof MeetingTimeInput>;

/**
 * The invitation's SEQUENCE after saving `next` over `before`: a change of time, length or link
 * is a reschedule (calendars move the event); anything else (the agenda) is not. Two
 * reschedules at once may both take the same next number: both are later than before.
 */
export function nextSequence(
  before: (MeetingTime & { sequence: number }) | null,
  next: MeetingTime,
): number {
  if (!before) return 0;
  const moved =
    before.scheduledAt.getTime() !== next.scheduledAt.getTime() ||
    before.videoLink !== next.videoLink ||
    before.durationMinutes !== next.durationMinutes;
  return before.sequence + (moved ? 1 : 0);
}

/**
 * Refuses a meeting time that has passed (an InvalidInputError on `scheduledAt`), unless it is
 * the time already stored, as the form shows it (to the minute): the schedule form always sends
 * the time, and a validator must still be able to change the agenda of a meeting that has begun
 * or taken place.
 */
export function refusePastTime(
  before: Pick<MeetingTime, "scheduledAt"> | null,
  next: Pick<MeetingTime, "scheduledAt">,
  now = new Date(),
): void {
  if (next.scheduledAt.getTime() >= now.getTime()) return;
  if (before && toLondonLocal(before.scheduledAt) === toLondonLocal(next.scheduledAt)) return;
  throw new InvalidInputError("The date and time must not be in the past", "scheduledAt");
}

/** How many years ahead a meeting may be booked: a date further off is a slip (a mistyped year). */
export const MEETING_YEARS_AHEAD = 2;

/** The last day (YYYY-MM-DD, in England) a meeting may be booked for on `now`'s day. */
export function lastBookableDay(now = new Date()): string {
  const [year, month, day] = todayInEngland(now).split("-").map(Number);
  // 29 February two years on is not a day: the 28th is the last.
  const last = month === 2 && day === 29 ? 28 : day;
  return `${year + MEETING_YEARS_AHEAD}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/**
 * Refuses a meeting time further ahead than `MEETING_YEARS_AHEAD` years (an InvalidInputError
 * on `scheduledAt`): nobody books a validation or a workspace meeting for 9999, and a calendar
 * invitation for it is nonsense. A stored time that far off is refused too, so it gets mended.
 */
export function refuseTooFarAhead(next: Pick<MeetingTime, "scheduledAt">, now = new Date()): void {
  const last = lastBookableDay(now);
  if (todayInEngland(next.scheduledAt) <= last) return;
  throw new InvalidInputError(
    `The date must be within the next ${MEETING_YEARS_AHEAD} years: ${formatDay(last)} at the latest`,
    "scheduledAt",
  );
}

/** True once the meeting's start time has come. */
export function meetingHasStarted(
  schedule: Pick<MeetingTime, "scheduledAt"> | null,
  now = new Date(),
): boolean {
  return schedule !== null && schedule.scheduledAt.getTime() <= now.getTime();
}

/** True once the meeting's planned end has passed. */
export function meetingHasEnded(
  schedule: Pick<MeetingTime, "scheduledAt" | "durationMinutes">,
  now = new Date(),
): boolean {
  return schedule.scheduledAt.getTime() + schedule.durationMinutes * 60_000 <= now.getTime();
}

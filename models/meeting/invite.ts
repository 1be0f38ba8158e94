import { createEvent } from "ics";
import type { MeetingTime } from "./schedule.ts";

/**
 * A scheduled meeting as a calendar invitation (iCalendar, RFC 5545), built by the `ics`
 * library (it escapes commas and semicolons and folds long lines). One event per meeting: its
 * UID never changes, and SEQUENCE goes up with every reschedule (`nextSequence`), so a calendar
 * that imports it again moves the meeting instead of adding a second one. Validation meetings
 * and joint-workspace meetings both use it (ADR 022).
 */
export function calendarInvite(input: {
  /** Stable per meeting, without the host ("validation-meeting-<id>"). */
  uid: string;
  /** The calendar's PRODID tail ("quality-marks/<kind>"). */
  productId: string;
  title: string;
  schedule: MeetingTime & { sequence: number };
  /** The meeting page's full address. */
  pageUrl: string;
  /** The host name the UID is scoped to (the site's own). */
  host: string;
  /** Lines after the video call link and the page's address (an agenda, say). */
  more?: string[];
}): string {
  const { schedule } = input;
  const start = schedule.scheduledAt.getTime();
  const { error, value } = createEvent({
    productId: input.productId,
    method: "PUBLISH",
    uid: `${input.uid}@${input.host}`,
    sequence: schedule.sequence,
    start,
    startInputType: "utc",
    startOutputType: "utc",
    end: start + schedule.durationMinutes * 60_000,
    endInputType: "utc",
    endOutputType: "utc",
    title: input.title,
    description: [
      `Join the video call: ${schedule.videoLink}`,
      `The meeting page (agenda, minutes, whiteboard): ${input.pageUrl}`,
      ...(input.more ?? []),
    ].join("\n"),
    location: schedule.videoLink,
    url: input.pageUrl,
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw error ?? new Error("The calendar invitation could not be made.");
  return value;
}

/** A name for the downloaded file: "<prefix>-<words of the name>.ics". */
export function inviteFileName(prefix: string, name: string, fallback = "meeting"): string {
  const words = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .replace(/-$/, "");
  return `${prefix}-${words || fallback}.ics`;
}

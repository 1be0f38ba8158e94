import { createEvent } from "ics";
import type { MeetingSchedule } from "./meeting.ts";

/**
 * The validation meeting as a calendar invitation (iCalendar, RFC 5545), built by the `ics`
 * library (it escapes commas and semicolons and folds long lines). One event per validation:
 * its UID never changes, and SEQUENCE goes up with every reschedule, so a calendar that
 * imports it again moves the meeting instead of adding a second one.
 */
export function meetingInvite(input: {
  validationId: string;
  schedule: Pick<MeetingSchedule, "scheduledAt" | "durationMinutes" | "videoLink" | "sequence">;
  schoolName: string;
  /** The meeting page's full address. */
  meetingUrl: string;
  /** The host name the UID is scoped to (the site's own). */
  host: string;
}): string {
  const { schedule } = input;
  const start = schedule.scheduledAt.getTime();
  const { error, value } = createEvent({
    productId: "quality-marks/validation-meeting",
    method: "PUBLISH",
    uid: `validation-meeting-${input.validationId}@${input.host}`,
    sequence: schedule.sequence,
    start,
    startInputType: "utc",
    startOutputType: "utc",
    end: start + schedule.durationMinutes * 60_000,
    endInputType: "utc",
    endOutputType: "utc",
    title: `Validation meeting: ${input.schoolName}`,
    description: `Join the video call: ${schedule.videoLink}\nThe meeting page (agenda, minutes, whiteboard): ${input.meetingUrl}`,
    location: schedule.videoLink,
    url: input.meetingUrl,
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw error ?? new Error("The calendar invitation could not be made.");
  return value;
}

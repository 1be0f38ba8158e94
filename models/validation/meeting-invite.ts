import { calendarInvite } from "../meeting/invite.ts";
import type { MeetingSchedule } from "./meeting.ts";

/** The validation meeting as a calendar invitation: one event per validation (ADR 013, 022). */
export function meetingInvite(input: {
  validationId: string;
  schedule: Pick<MeetingSchedule, "scheduledAt" | "durationMinutes" | "videoLink" | "sequence">;
  schoolName: string;
  /** The meeting page's full address. */
  meetingUrl: string;
  /** The host name the UID is scoped to (the site's own). */
  host: string;
}): string {
  return calendarInvite({
    uid: `validation-meeting-${input.validationId}`,
    productId: "quality-marks/validation-meeting",
    title: `Validation meeting: ${input.schoolName}`,
    schedule: input.schedule,
    pageUrl: input.meetingUrl,
    host: input.host,
  });
}

import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { announceChange } from "../../collab/shapes/workspace.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { objectId, requestId } from "../../models/input.ts";
import {
  MeetingTimeInput,
  refusePastTime,
  refuseTooFarAhead,
} from "../../models/meeting/schedule.ts";
import { scheduleMeetingOnce, type WorkspaceMeeting } from "../../models/workspace/meetings.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";
import { asMember } from "./workspace-content.ts";

export const MAX_AGENDA_ITEMS = 30;

/** The shared time fields (ADR 022), the meeting's title and agenda, and the form's request id. */
export const ScheduleWorkspaceMeetingInput = MeetingTimeInput.extend({
  workspaceId: objectId(),
  title: z
    .string({ message: "Give the meeting a title." })
    .trim()
    .min(3, "Give the meeting a title of at least 3 characters.")
    .max(200, "Keep the title under 200 characters."),
  /** One item a line, as typed in the form. */
  agenda: z
    .string()
    .max(6000, "Keep the agenda shorter.")
    .default("")
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(300, "Keep each agenda item under 300 characters."))
        .max(MAX_AGENDA_ITEMS, `Keep the agenda to ${MAX_AGENDA_ITEMS} items.`),
    ),
  requestId: requestId(),
});

/**
 * A member of a joint workspace schedules a meeting of it: when (not already passed, nor more
 * than two years ahead), how long, the video call, a title and an agenda. The same form sent any
 * number of times (double-click, retry, at once) schedules one meeting: its request id is the meeting's slot. Every open workspace page
 * reloads its list of meetings.
 */
export async function scheduleWorkspaceMeeting(
  ctx: CommandContext,
  raw: Raw<typeof ScheduleWorkspaceMeetingInput>,
): Promise<{ meeting: WorkspaceMeeting; created: boolean }> {
  const { workspace } = await asMember(ctx, idIn(raw, "workspaceId"));
  const input = parse(ScheduleWorkspaceMeetingInput, raw);
  // A new meeting: nothing stored to keep, so a time already passed is a slip (as for validations).
  refusePastTime(null, input);
  refuseTooFarAhead(input);
  const result = await scheduleMeetingOnce({
    workspaceId: workspace.id,
    trustId: workspace.trustId,
    slot: `request:${input.requestId}`,
    title: input.title,
    agenda: input.agenda,
    time: {
      scheduledAt: input.scheduledAt,
      durationMinutes: input.durationMinutes,
      videoLink: input.videoLink,
    },
    scheduledBy: ctx.actor.userId,
  });
  if (result.created) {
    await recordAudit({
      trustId: workspace.trustId,
      actorId: ctx.actor.userId,
      action: "workspaceMeetingScheduled",
      subject: `workspace:${workspace.id}`,
      details: {
        meetingId: result.meeting.id,
        title: result.meeting.title,
        scheduledAt: result.meeting.scheduledAt.toISOString(),
      },
    });
    await ctx.collab.change(documentName("workspace", workspace.id), (doc) =>
      announceChange(doc, "meetings"),
    );
  }
  return result;
}

import type { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { syncAgenda } from "../../collab/shapes/meeting.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { ConflictError, NotFoundError } from "../../models/errors.ts";
import { getEvaluation } from "../../models/evaluation/evaluation.ts";
import { objectId } from "../../models/input.ts";
import { refusePastTime, refuseTooFarAhead } from "../../models/meeting/schedule.ts";
import { loadMeeting } from "../../models/permissions/loaders.ts";
import {
  ScheduleInput,
  findMeetingSchedule,
  saveMeetingSchedule,
  type MeetingSchedule,
} from "../../models/validation/meeting.ts";
import { listRecordEntries } from "../../models/validation/record.ts";
import { recordState } from "../../models/validation/record-state.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

export const ScheduleMeetingInput = ScheduleInput.extend({ validationId: objectId() });
export type ScheduleMeetingInput = z.infer<typeof ScheduleMeetingInput>;

/** Said when a meeting whose outcome is recorded is scheduled again. */
export const OUTCOME_RECORDED =
  "The meeting was held and its outcome recorded, so it can no longer be rescheduled.";

/**
 * An assigned validator schedules (or reschedules) the validation meeting: when, the video call
 * link, and the agenda (criteria of this evaluation, in its order). A time already passed is
 * refused, unless it is the one stored (the agenda of a past meeting can still change), as is one
 * more than two years ahead, and so is any schedule once the outcome is recorded (the meeting was
 * held). Saving the same schedule twice leaves one schedule. The agenda is copied into the live
 * meeting document, so everyone with the meeting open sees it change without reloading (its
 * running order stays theirs).
 */
export async function scheduleMeeting(
  ctx: CommandContext,
  raw: Raw<typeof ScheduleMeetingInput>,
): Promise<MeetingSchedule> {
  const { validation } = await loadMeeting(ctx.actor, idIn(raw, "validationId"), "schedule");
  const input = parse(ScheduleMeetingInput, raw);
  // Once its outcome is recorded the meeting has been held: there is nothing left to schedule.
  if (recordState(await listRecordEntries(validation.trustId, validation.id)).outcome)
    throw new ConflictError(OUTCOME_RECORDED);
  refusePastTime(await findMeetingSchedule(validation.trustId, validation.id), input);
  refuseTooFarAhead(input);
  const evaluation = await getEvaluation(validation.trustId, validation.evaluationId);
  if (!evaluation) throw new NotFoundError();
  const schedule = await saveMeetingSchedule(
    validation,
    input,
    Object.keys(evaluation.levelsByCriterion),
    ctx.actor.userId,
  );
  await recordAudit({
    trustId: validation.trustId,
    actorId: ctx.actor.userId,
    action: "meetingScheduled",
    subject: `validation:${validation.id}`,
    details: {
      scheduledAt: schedule.scheduledAt.toISOString(),
      agendaItems: schedule.agendaCriterionIds.length,
    },
  });
  await ctx.collab.change(documentName("meeting", validation.id), (doc) =>
    syncAgenda(doc, schedule.agendaCriterionIds),
  );
  return schedule;
}

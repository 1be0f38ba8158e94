import { Schema, type Types } from "mongoose";
import { z } from "zod";
import { defineModel, isObjectId, ofTrust, op } from "../mongoose.ts";
import {
  DEFAULT_MEETING_MINUTES,
  MEETING_LENGTHS,
  MeetingTimeInput,
  fromLondonLocal,
  meetingHasStarted,
  nextSequence,
  toLondonLocal,
} from "../meeting/schedule.ts";

// The shared meeting parts (ADR 022), re-exported for the validation meeting's callers.
export {
  DEFAULT_MEETING_MINUTES,
  MEETING_LENGTHS,
  fromLondonLocal,
  meetingHasStarted,
  toLondonLocal,
};

/**
 * The validation meeting's schedule: when, where (a video call) and which criteria are on the
 * agenda. Kept in its own collection, one document per validation (same _id), never on the
 * Validation record: FerretDB v1 rewrites whole documents, so a schedule saved while validators
 * are reassigned would lose one of the two (docs/decisions/005-projection-collection.md).
 * The live part of the meeting (minutes, whiteboard) is the `meeting.<validationId>` document.
 */
export interface MeetingSchedule {
  validationId: string;
  trustId: string;
  scheduledAt: Date;
  videoLink: string;
  /** How long the meeting is planned to take (the calendar invitation's end). */
  durationMinutes: number;
  agendaCriterionIds: string[];
  scheduledBy: string;
  updatedAt: Date;
  /** Counts the reschedules (time, length or link changed), for calendar invitations. */
  sequence: number;
}

/** What a validator submits to schedule (or reschedule) the meeting: the shared time fields and the agenda. */
export const ScheduleInput = MeetingTimeInput.extend({
  agendaCriterionIds: z.array(z.string().min(1).max(200)).max(500).default([]),
});
export type ScheduleInput = z.infer<typeof ScheduleInput>;

interface MeetingDoc {
  _id: Types.ObjectId;
  trustId: Types.ObjectId;
  scheduledAt: Date;
  videoLink: string;
  durationMinutes?: number;
  agendaCriterionIds: string[];
  scheduledBy: Types.ObjectId;
  updatedAt: Date;
  sequence?: number;
}

const meetingSchema = new Schema<MeetingDoc>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    trustId: { type: Schema.Types.ObjectId, required: true, index: true },
    scheduledAt: { type: Date, required: true },
    videoLink: { type: String, required: true },
    durationMinutes: { type: Number, default: DEFAULT_MEETING_MINUTES },
    agendaCriterionIds: { type: [String], default: [] },
    scheduledBy: { type: Schema.Types.ObjectId, required: true },
    updatedAt: { type: Date, default: () => new Date() },
    sequence: { type: Number, default: 0 },
  },
  { collection: "meetings" },
);

export const MeetingModel = defineModel<MeetingDoc>("Meeting", meetingSchema);

function toSchedule(doc: MeetingDoc): MeetingSchedule {
  return {
    validationId: doc._id.toString(),
    trustId: doc.trustId.toString(),
    scheduledAt: doc.scheduledAt,
    videoLink: doc.videoLink,
    durationMinutes: doc.durationMinutes ?? DEFAULT_MEETING_MINUTES,
    agendaCriterionIds: [...doc.agendaCriterionIds],
    scheduledBy: doc.scheduledBy.toString(),
    updatedAt: doc.updatedAt,
    sequence: doc.sequence ?? 0,
  };
}

/** The meeting of a validation, or null while it is not scheduled. */
export async function findMeetingSchedule(
  trustId: string,
  validationId: string,
): Promise<MeetingSchedule | null> {
  if (!isObjectId(validationId)) return null;
  const doc = ofTrust(await MeetingModel.findOne({ _id: validationId }).lean(), trustId);
  return doc ? toSchedule(doc as MeetingDoc) : null;
}

/** The meetings of the trust's validations among `validationIds` that are scheduled, by validation id. */
export async function findMeetingSchedules(
  trustId: string,
  validationIds: string[],
): Promise<Map<string, MeetingSchedule>> {
  const ids = [...new Set(validationIds.filter(isObjectId))];
  if (!isObjectId(trustId) || ids.length === 0) return new Map();
  const docs = await MeetingModel.find({ _id: op({ $in: ids }), trustId }).lean();
  return new Map(docs.map((doc) => [doc._id.toString(), toSchedule(doc as MeetingDoc)]));
}

/**
 * Schedules or reschedules a validation's meeting. The agenda keeps only criteria the
 * evaluation includes (`criterionIds`), in the evaluation's order. A change of time, length or
 * link counts as a reschedule (the invitation's sequence goes up); a change of agenda does not.
 */
export async function saveMeetingSchedule(
  validation: { id: string; trustId: string },
  input: Omit<ScheduleInput, "durationMinutes"> & { durationMinutes?: number },
  criterionIds: string[],
  scheduledBy: string,
): Promise<MeetingSchedule> {
  const chosen = new Set(input.agendaCriterionIds);
  const agenda = criterionIds.filter((id) => chosen.has(id));
  const durationMinutes = input.durationMinutes ?? DEFAULT_MEETING_MINUTES;
  const before = await findMeetingSchedule(validation.trustId, validation.id);
  const sequence = nextSequence(before, { ...input, durationMinutes });
  const write = () =>
    MeetingModel.replaceOne(
      { _id: validation.id },
      {
        _id: validation.id,
        trustId: validation.trustId,
        scheduledAt: input.scheduledAt,
        videoLink: input.videoLink,
        durationMinutes,
        agendaCriterionIds: agenda,
        scheduledBy,
        updatedAt: new Date(),
        sequence,
      },
      { upsert: true },
    );
  try {
    await write();
  } catch (error) {
    // Two first schedules raced to insert: the loser replaces the winner's (last one wins).
    if ((error as { code?: number }).code !== 11000) throw error;
    await write();
  }
  return (await findMeetingSchedule(validation.trustId, validation.id))!;
}

/**
 * The default agenda: criteria where the school's judgement and a validator's provisional
 * judgement differ (a criterion nobody provisionally judged is not a difference yet).
 */
export function defaultAgenda(
  criterionIds: string[],
  schoolJudgements: Record<string, string | undefined>,
  provisional: { criterionId: string; level: string }[],
): string[] {
  const differs = new Set(
    provisional
      .filter((p) => p.level !== schoolJudgements[p.criterionId])
      .map((p) => p.criterionId),
  );
  return criterionIds.filter((id) => differs.has(id));
}

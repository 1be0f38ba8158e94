import { Schema, type Types } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import type { MeetingTime } from "../meeting/schedule.ts";
import { DECISION_WRITE, defineModel, isObjectId } from "../mongoose.ts";

/**
 * A joint workspace's scheduled meetings: when (the shared `MeetingTime` of ADR 022), a title
 * and an agenda (its items, in order), stamped with who scheduled it. The minutes are live, a
 * fragment of the workspace's own document (`minutesField`). One record per `slot` (the
 * schedule form's request id), so a double-click or a retry schedules one meeting.
 */
export interface WorkspaceMeeting extends MeetingTime {
  id: string;
  workspaceId: string;
  trustId: string;
  title: string;
  agenda: string[];
  sequence: number;
  scheduledBy: string;
  createdAt: Date;
}

interface MeetingDoc {
  _id: Types.ObjectId;
  workspaceId: Types.ObjectId;
  trustId: Types.ObjectId;
  slot: string;
  title: string;
  agenda: string[];
  scheduledAt: Date;
  durationMinutes: number;
  videoLink: string;
  sequence: number;
  scheduledBy: Types.ObjectId;
  createdAt: Date;
}

const meetingSchema = new Schema<MeetingDoc>(
  {
    workspaceId: { type: Schema.Types.ObjectId, required: true },
    trustId: { type: Schema.Types.ObjectId, required: true },
    slot: { type: String, required: true },
    title: { type: String, required: true, maxlength: 200 },
    agenda: { type: [String], default: [] },
    scheduledAt: { type: Date, required: true },
    durationMinutes: { type: Number, required: true },
    videoLink: { type: String, required: true },
    sequence: { type: Number, default: 0 },
    scheduledBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: "workspace_meetings" },
);
meetingSchema.index({ workspaceId: 1, slot: 1 }, { unique: true });
meetingSchema.index({ workspaceId: 1, scheduledAt: 1 });

export const WorkspaceMeetingModel = defineModel<MeetingDoc>("WorkspaceMeeting", meetingSchema);

function toMeeting(doc: MeetingDoc): WorkspaceMeeting {
  return {
    id: doc._id.toString(),
    workspaceId: doc.workspaceId.toString(),
    trustId: doc.trustId.toString(),
    title: doc.title,
    agenda: [...(doc.agenda ?? [])],
    scheduledAt: doc.scheduledAt,
    durationMinutes: doc.durationMinutes,
    videoLink: doc.videoLink,
    sequence: doc.sequence ?? 0,
    scheduledBy: doc.scheduledBy.toString(),
    createdAt: doc.createdAt,
  };
}

/**
 * Schedules the one meeting of `slot`: the first of any number of simultaneous requests
 * creates it; the others get the same meeting with `created: false`.
 */
export async function scheduleMeetingOnce(input: {
  workspaceId: string;
  trustId: string;
  slot: string;
  title: string;
  agenda: string[];
  time: MeetingTime;
  scheduledBy: string;
}): Promise<{ meeting: WorkspaceMeeting; created: boolean }> {
  try {
    const doc = await new WorkspaceMeetingModel({
      workspaceId: input.workspaceId,
      trustId: input.trustId,
      slot: input.slot,
      title: input.title,
      agenda: input.agenda,
      ...input.time,
      sequence: 0,
      scheduledBy: input.scheduledBy,
    }).save(DECISION_WRITE);
    return { meeting: toMeeting(doc.toObject()), created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await WorkspaceMeetingModel.findOne({
      workspaceId: input.workspaceId,
      slot: input.slot,
    }).lean();
    if (!existing) throw error;
    return { meeting: toMeeting(existing as MeetingDoc), created: false };
  }
}

/** The workspace's meetings, soonest first. */
export async function listWorkspaceMeetings(workspaceId: string): Promise<WorkspaceMeeting[]> {
  if (!isObjectId(workspaceId)) return [];
  const docs = await WorkspaceMeetingModel.find({ workspaceId })
    .sort({ scheduledAt: 1, _id: 1 })
    .lean();
  return docs.map((d) => toMeeting(d as MeetingDoc));
}

export async function getWorkspaceMeeting(
  workspaceId: string,
  meetingId: string,
): Promise<WorkspaceMeeting | null> {
  if (!isObjectId(meetingId)) return null;
  const doc = await WorkspaceMeetingModel.findOne({ _id: meetingId, workspaceId }).lean();
  return doc ? toMeeting(doc as MeetingDoc) : null;
}

import { Schema, type Types } from "mongoose";
import { defineModel } from "../mongoose.ts";

/**
 * When each person last opened a workspace, for "What's new since your last visit": `seenAt`
 * is the current visit, `previousAt` the one before it (what "new" is measured from while the
 * page stays open and reloads its data).
 */
interface VisitDoc {
  workspaceId: Types.ObjectId;
  userId: Types.ObjectId;
  seenAt: Date;
  previousAt: Date | null;
}

const visitSchema = new Schema<VisitDoc>({
  workspaceId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  seenAt: { type: Date, required: true },
  previousAt: { type: Date, default: null },
});
visitSchema.index({ workspaceId: 1, userId: 1 }, { unique: true });

export const WorkspaceVisitModel = defineModel<VisitDoc>("WorkspaceVisit", visitSchema);

/**
 * The time of the person's visit before this one (null for a first visit). A new visit (the
 * page opened) moves the record on; a reload of the open page's data only reads it.
 */
export async function lastVisitBefore(
  workspaceId: string,
  userId: string,
  newVisit: boolean,
): Promise<Date | null> {
  const current = await WorkspaceVisitModel.findOne({ workspaceId, userId }).lean();
  if (!newVisit) return current ? (current.previousAt ?? null) : null;
  await WorkspaceVisitModel.updateOne(
    { workspaceId, userId },
    { $set: { seenAt: new Date(), previousAt: current?.seenAt ?? null } },
    { upsert: true },
  );
  return current?.seenAt ?? null;
}

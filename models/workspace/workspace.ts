import { Schema, type Types } from "mongoose";
import { claimDecision, decisionOutcome } from "../decision-slot.ts";
import { isDuplicateKey } from "../errors.ts";
import { DECISION_WRITE, defineModel, isObjectId, ofTrust, op } from "../mongoose.ts";
import { waitUntil } from "../wait-until.ts";

/**
 * A joint workspace: two or more schools of a trust developing practice together (shared
 * notes, a whiteboard, a practice library, joint actions). Each participating school is
 * invited, then accepts or declines; its leader chooses which of its staff are members. The
 * workspace itself, each school's participation and each member are separate records, so a
 * decision (accepting, adding a member) is one conditional write that only one request wins.
 */
export const PARTICIPATION_STATUSES = ["invited", "accepted", "declined", "removed"] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export interface Participation {
  schoolId: string;
  status: ParticipationStatus;
  /** The school's members (its own staff only), in the order they were added. */
  memberIds: string[];
}

export interface Workspace {
  id: string;
  trustId: string;
  title: string;
  purpose: string;
  frameworkId: string | null;
  areaId: string | null;
  areaTitle: string | null;
  criterionIds: string[];
  /** The accepted pairing it grew from, if any. */
  pairingId: string | null;
  createdBy: string;
  createdAt: Date;
  archivedAt: Date | null;
  archivedBy: string | null;
  schools: Participation[];
}

interface WorkspaceDoc {
  trustId: Types.ObjectId;
  title: string;
  purpose: string;
  frameworkId: Types.ObjectId | null;
  areaId: string | null;
  areaTitle: string | null;
  criterionIds: string[];
  /** What makes a creation once-only: `pairing:<id>` or `request:<form request id>`. */
  slot: string;
  pairingId: Types.ObjectId | null;
  createdBy: Types.ObjectId;
  createdAt: Date;
  archivedAt: Date | null;
  archivedBy: Types.ObjectId | null;
}

const workspaceSchema = new Schema<WorkspaceDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  title: { type: String, required: true, maxlength: 200 },
  purpose: { type: String, default: "", maxlength: 2000 },
  frameworkId: { type: Schema.Types.ObjectId, default: null },
  areaId: { type: String, default: null },
  areaTitle: { type: String, default: null },
  criterionIds: { type: [String], default: [] },
  slot: { type: String, required: true },
  pairingId: { type: Schema.Types.ObjectId, default: null },
  createdBy: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
  archivedAt: { type: Date, default: null },
  archivedBy: { type: Schema.Types.ObjectId, default: null },
});
workspaceSchema.index({ trustId: 1, slot: 1 }, { unique: true });

interface ParticipationDoc {
  workspaceId: Types.ObjectId;
  trustId: Types.ObjectId;
  schoolId: Types.ObjectId;
  status: ParticipationStatus;
  invitedBy: Types.ObjectId;
  invitedAt: Date;
  respondedBy: Types.ObjectId | null;
  respondedAt: Date | null;
  /** How many times the status changed: names the slot of the next change (claimDecision). */
  changes?: number;
}

const participationSchema = new Schema<ParticipationDoc>({
  workspaceId: { type: Schema.Types.ObjectId, required: true, index: true },
  trustId: { type: Schema.Types.ObjectId, required: true },
  schoolId: { type: Schema.Types.ObjectId, required: true, index: true },
  status: { type: String, required: true, enum: PARTICIPATION_STATUSES },
  invitedBy: { type: Schema.Types.ObjectId, required: true },
  invitedAt: { type: Date, default: () => new Date() },
  respondedBy: { type: Schema.Types.ObjectId, default: null },
  respondedAt: { type: Date, default: null },
  changes: { type: Number, default: 0 },
});
participationSchema.index({ workspaceId: 1, schoolId: 1 }, { unique: true });

interface MemberDoc {
  workspaceId: Types.ObjectId;
  trustId: Types.ObjectId;
  schoolId: Types.ObjectId;
  userId: Types.ObjectId;
  addedBy: Types.ObjectId;
  addedAt: Date;
}

const memberSchema = new Schema<MemberDoc>({
  workspaceId: { type: Schema.Types.ObjectId, required: true, index: true },
  trustId: { type: Schema.Types.ObjectId, required: true },
  schoolId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  addedBy: { type: Schema.Types.ObjectId, required: true },
  addedAt: { type: Date, default: () => new Date() },
});
memberSchema.index({ workspaceId: 1, userId: 1 }, { unique: true });

export const WorkspaceModel = defineModel<WorkspaceDoc>("Workspace", workspaceSchema);
export const WorkspaceSchoolModel = defineModel<ParticipationDoc>(
  "WorkspaceSchool",
  participationSchema,
);
export const WorkspaceMemberModel = defineModel<MemberDoc>("WorkspaceMember", memberSchema);

async function assemble(doc: { _id: Types.ObjectId } & WorkspaceDoc): Promise<Workspace> {
  const [schools, members] = await Promise.all([
    WorkspaceSchoolModel.find({ workspaceId: doc._id }).sort({ invitedAt: 1, _id: 1 }).lean(),
    WorkspaceMemberModel.find({ workspaceId: doc._id }).sort({ addedAt: 1, _id: 1 }).lean(),
  ]);
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    title: doc.title,
    purpose: doc.purpose,
    frameworkId: doc.frameworkId?.toString() ?? null,
    areaId: doc.areaId ?? null,
    areaTitle: doc.areaTitle ?? null,
    criterionIds: doc.criterionIds ?? [],
    pairingId: doc.pairingId?.toString() ?? null,
    createdBy: doc.createdBy.toString(),
    createdAt: doc.createdAt,
    archivedAt: doc.archivedAt ?? null,
    archivedBy: doc.archivedBy?.toString() ?? null,
    schools: schools.map((s) => ({
      schoolId: s.schoolId.toString(),
      status: s.status,
      memberIds: members
        .filter((m) => m.schoolId.toString() === s.schoolId.toString())
        .map((m) => m.userId.toString()),
    })),
  };
}

export async function getWorkspace(
  trustId: string,
  workspaceId: string,
): Promise<Workspace | null> {
  if (!isObjectId(trustId) || !isObjectId(workspaceId)) return null;
  const doc = ofTrust(await WorkspaceModel.findOne({ _id: workspaceId }).lean(), trustId);
  return doc ? assemble(doc) : null;
}

/** The workspace a live document of this id belongs to (the collab server's seed and checks). */
export async function workspaceOfDocument(workspaceId: string): Promise<Workspace | null> {
  if (!isObjectId(workspaceId)) return null;
  const doc = await WorkspaceModel.findById(workspaceId).lean();
  return doc ? assemble(doc) : null;
}

export async function listWorkspacesOfTrust(trustId: string): Promise<Workspace[]> {
  const docs = await WorkspaceModel.find({ trustId }).sort({ createdAt: -1, _id: -1 }).lean();
  return Promise.all(docs.map(assemble));
}

/** The workspaces any of these schools takes part in (or was invited to). */
export async function listWorkspacesOfSchools(
  trustId: string,
  schoolIds: string[],
): Promise<Workspace[]> {
  if (schoolIds.length === 0) return [];
  const rows = await WorkspaceSchoolModel.find({ trustId, schoolId: op({ $in: schoolIds }) })
    .select({ workspaceId: 1 })
    .lean();
  const ids = [...new Set(rows.map((r) => r.workspaceId.toString()))];
  if (ids.length === 0) return [];
  const docs = await WorkspaceModel.find({ trustId, _id: op({ $in: ids }) })
    .sort({ createdAt: -1, _id: -1 })
    .lean();
  return Promise.all(docs.map(assemble));
}

export interface NewWorkspace {
  trustId: string;
  title: string;
  purpose: string;
  frameworkId?: string | null;
  areaId?: string | null;
  areaTitle?: string | null;
  criterionIds?: string[];
  pairingId?: string | null;
  slot: string;
  createdBy: string;
  /** Every participating school: `accepted` for the creator's own school, `invited` for others. */
  schools: { schoolId: string; status: "invited" | "accepted" }[];
  /** Members to start with (the creating leader, in their own school). */
  members: { schoolId: string; userId: string }[];
}

/**
 * Creates the one workspace of `slot` (a pairing, or one showing of the form): the first of
 * any number of simultaneous requests creates it with its schools and members; the others get
 * the same workspace with `created: false`.
 */
export async function createWorkspaceOnce(
  input: NewWorkspace,
): Promise<{ workspace: Workspace; created: boolean }> {
  let doc;
  try {
    doc = await new WorkspaceModel({
      trustId: input.trustId,
      title: input.title,
      purpose: input.purpose,
      frameworkId: input.frameworkId ?? null,
      areaId: input.areaId ?? null,
      areaTitle: input.areaTitle ?? null,
      criterionIds: input.criterionIds ?? [],
      pairingId: input.pairingId ?? null,
      slot: input.slot,
      createdBy: input.createdBy,
    }).save(DECISION_WRITE);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await WorkspaceModel.findOne({
      trustId: input.trustId,
      slot: input.slot,
    }).lean();
    if (!existing) throw error;
    // The winner adds the schools and members after the workspace: answer once they are there,
    // or the page this request is sent to would not find the workspace yet.
    await waitUntil(async () => {
      const [schools, members] = await Promise.all([
        WorkspaceSchoolModel.countDocuments({ workspaceId: existing._id }),
        WorkspaceMemberModel.countDocuments({ workspaceId: existing._id }),
      ]);
      return schools >= input.schools.length && members >= input.members.length;
    });
    return { workspace: await assemble(existing), created: false };
  }
  const workspaceId = doc._id;
  await WorkspaceSchoolModel.insertMany(
    input.schools.map((s) => ({
      workspaceId,
      trustId: input.trustId,
      schoolId: s.schoolId,
      status: s.status,
      invitedBy: input.createdBy,
      respondedBy: s.status === "accepted" ? input.createdBy : null,
      respondedAt: s.status === "accepted" ? new Date() : null,
    })),
  );
  for (const m of input.members)
    await addMember(input.trustId, workspaceId.toString(), m, input.createdBy);
  return { workspace: await assemble(doc.toObject()), created: true };
}

/**
 * Moves a school's participation from one of `from` to `to`. True if this call made the change
 * (only one of several simultaneous calls does); false if the school was not in `from`.
 */
export async function setParticipation(
  workspaceId: string,
  schoolId: string,
  from: ParticipationStatus[],
  to: ParticipationStatus,
  by: string,
): Promise<{ changed: boolean; status: ParticipationStatus | null }> {
  const current = await WorkspaceSchoolModel.findOne(
    { workspaceId, schoolId },
    { status: 1, changes: 1 },
  ).lean();
  if (!current) return { changed: false, status: null };
  if (!from.includes(current.status)) return { changed: false, status: current.status };
  // One decision per state: of 20 parallel accepts (or an accept racing a removal), one wins.
  const changes = current.changes ?? 0;
  const slot = `workspace-school:${current._id}:${changes}`;
  if (!(await claimDecision(slot, to))) {
    // The winner may still be writing the row: what it decided is in its slot already. Return
    // once the row says so too, so what the caller reads next (who still sees the workspace)
    // is the decided state, not the one before it.
    const decided = await decisionOutcome(slot);
    await waitUntil(async () => {
      const row = await WorkspaceSchoolModel.findOne({ _id: current._id }, { changes: 1 }).lean();
      return !row || (row.changes ?? 0) > changes;
    });
    return { changed: false, status: (decided as ParticipationStatus | null) ?? current.status };
  }
  await WorkspaceSchoolModel.updateOne(
    { _id: current._id },
    { $set: { status: to, respondedBy: by, respondedAt: new Date(), changes: changes + 1 } },
    { writeConcern: DECISION_WRITE },
  );
  return { changed: true, status: to };
}

/** Adds a member (idempotent: true only for the call that added them). */
export async function addMember(
  trustId: string,
  workspaceId: string,
  member: { schoolId: string; userId: string },
  by: string,
): Promise<boolean> {
  try {
    await WorkspaceMemberModel.create({
      workspaceId,
      trustId,
      schoolId: member.schoolId,
      userId: member.userId,
      addedBy: by,
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Removes members; the ids actually removed. */
export async function removeMembers(workspaceId: string, userIds: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const userId of userIds) {
    const result = await WorkspaceMemberModel.deleteOne({ workspaceId, userId });
    if (result.deletedCount === 1) removed.push(userId);
  }
  return removed;
}

/** Archives the workspace once: true for the call that did. */
export async function archiveWorkspace(workspaceId: string, by: string): Promise<boolean> {
  const workspace = await WorkspaceModel.findOne({ _id: workspaceId }, { archivedAt: 1 }).lean();
  if (!workspace || workspace.archivedAt) return false;
  if (!(await claimDecision(`workspace-archive:${workspaceId}`))) {
    // Another request is archiving it and may not have written the record yet: answer once it
    // has, or the page this request is sent to would still show the workspace open.
    await waitUntil(async () => {
      const now = await WorkspaceModel.findOne({ _id: workspaceId }, { archivedAt: 1 }).lean();
      return !now || now.archivedAt != null;
    });
    return false;
  }
  await WorkspaceModel.updateOne(
    { _id: workspaceId },
    { $set: { archivedAt: new Date(), archivedBy: by } },
    { writeConcern: DECISION_WRITE },
  );
  return true;
}

/** Every member of the workspace, of any school (the people whose access a change may alter). */
export function memberIdsOf(workspace: Workspace): string[] {
  return [...new Set(workspace.schools.flatMap((s) => s.memberIds))];
}

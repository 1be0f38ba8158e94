import { Schema, Types } from "mongoose";
import type { RichBlock } from "../../collab/shapes/rich-text.ts";
import { openFile } from "../evidence/file-store.ts";
import { DECISION_WRITE, defineModel, isObjectId } from "../mongoose.ts";

/**
 * What a joint workspace holds besides its live notes and whiteboard, each stamped by the
 * server with the school and person it came from: the practice library, joint actions and the
 * criteria schools shared from their evaluations (read-only copies, withdrawable).
 */

// ---- practice library ------------------------------------------------------------------------

export interface LibraryItem {
  id: string;
  workspaceId: string;
  title: string;
  description: string;
  url: string | null;
  file: { fileId: string; fileName: string; contentType: string; size: number } | null;
  schoolId: string;
  addedBy: string;
  addedAt: Date;
}

interface LibraryDoc {
  workspaceId: Types.ObjectId;
  trustId: Types.ObjectId;
  title: string;
  description: string;
  url: string | null;
  file: { fileId: Types.ObjectId; fileName: string; contentType: string; size: number } | null;
  schoolId: Types.ObjectId;
  addedBy: Types.ObjectId;
  addedAt: Date;
}

const librarySchema = new Schema<LibraryDoc>({
  workspaceId: { type: Schema.Types.ObjectId, required: true, index: true },
  trustId: { type: Schema.Types.ObjectId, required: true },
  title: { type: String, required: true, maxlength: 200 },
  description: { type: String, default: "", maxlength: 2000 },
  url: { type: String, default: null },
  file: {
    type: new Schema(
      { fileId: Schema.Types.ObjectId, fileName: String, contentType: String, size: Number },
      { _id: false },
    ),
    default: null,
  },
  schoolId: { type: Schema.Types.ObjectId, required: true },
  addedBy: { type: Schema.Types.ObjectId, required: true },
  addedAt: { type: Date, default: () => new Date() },
});

export const LibraryItemModel = defineModel<LibraryDoc>("WorkspaceLibraryItem", librarySchema);

function toLibraryItem(doc: { _id: Types.ObjectId } & LibraryDoc): LibraryItem {
  return {
    id: doc._id.toString(),
    workspaceId: doc.workspaceId.toString(),
    title: doc.title,
    description: doc.description,
    url: doc.url ?? null,
    file: doc.file
      ? {
          fileId: doc.file.fileId.toString(),
          fileName: doc.file.fileName,
          contentType: doc.file.contentType,
          size: doc.file.size,
        }
      : null,
    schoolId: doc.schoolId.toString(),
    addedBy: doc.addedBy.toString(),
    addedAt: doc.addedAt,
  };
}

export async function addLibraryItem(
  trustId: string,
  input: Omit<LibraryItem, "id" | "addedAt" | "file"> & {
    file: { fileId: Types.ObjectId; fileName: string; contentType: string; size: number } | null;
  },
): Promise<LibraryItem> {
  const doc = await new LibraryItemModel({ ...input, trustId }).save(DECISION_WRITE);
  return toLibraryItem(doc.toObject());
}

export async function listLibrary(workspaceId: string): Promise<LibraryItem[]> {
  const docs = await LibraryItemModel.find({ workspaceId }).sort({ addedAt: 1, _id: 1 }).lean();
  return docs.map(toLibraryItem);
}

export async function getLibraryItem(
  workspaceId: string,
  itemId: string,
): Promise<LibraryItem | null> {
  if (!isObjectId(itemId)) return null;
  const doc = await LibraryItemModel.findOne({ _id: itemId, workspaceId }).lean();
  return doc ? toLibraryItem(doc) : null;
}

export const newFileId = () => new Types.ObjectId();

/** A shared evidence file's copy. */
export const openSharedFile = (fileId: string) => openFile(new Types.ObjectId(fileId));

/** A library file's bytes (stored with the same file store as evidence). */
export const openLibraryFile = (fileId: string) => openFile(new Types.ObjectId(fileId));

// ---- joint actions ---------------------------------------------------------------------------

export const JOINT_ACTION_STATUSES = ["notStarted", "inProgress", "done"] as const;
export type JointActionStatus = (typeof JOINT_ACTION_STATUSES)[number];

export interface JointAction {
  id: string;
  workspaceId: string;
  title: string;
  ownerId: string;
  ownerSchoolId: string;
  dueDate: string | null;
  status: JointActionStatus;
  createdBy: string;
  createdAt: Date;
}

interface JointActionDoc {
  workspaceId: Types.ObjectId;
  trustId: Types.ObjectId;
  title: string;
  ownerId: Types.ObjectId;
  ownerSchoolId: Types.ObjectId;
  dueDate: string | null;
  status: JointActionStatus;
  createdBy: Types.ObjectId;
  createdAt: Date;
}

const jointActionSchema = new Schema<JointActionDoc>({
  workspaceId: { type: Schema.Types.ObjectId, required: true, index: true },
  trustId: { type: Schema.Types.ObjectId, required: true },
  title: { type: String, required: true, maxlength: 300 },
  ownerId: { type: Schema.Types.ObjectId, required: true, index: true },
  ownerSchoolId: { type: Schema.Types.ObjectId, required: true },
  dueDate: { type: String, default: null },
  status: { type: String, required: true, enum: JOINT_ACTION_STATUSES },
  createdBy: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
});

export const JointActionModel = defineModel<JointActionDoc>(
  "WorkspaceJointAction",
  jointActionSchema,
);

function toJointAction(doc: { _id: Types.ObjectId } & JointActionDoc): JointAction {
  return {
    id: doc._id.toString(),
    workspaceId: doc.workspaceId.toString(),
    title: doc.title,
    ownerId: doc.ownerId.toString(),
    ownerSchoolId: doc.ownerSchoolId.toString(),
    dueDate: doc.dueDate ?? null,
    status: doc.status,
    createdBy: doc.createdBy.toString(),
    createdAt: doc.createdAt,
  };
}

export async function addJointAction(
  trustId: string,
  input: Omit<JointAction, "id" | "createdAt" | "status">,
): Promise<JointAction> {
  const doc = await new JointActionModel({ ...input, trustId, status: "notStarted" }).save(
    DECISION_WRITE,
  );
  return toJointAction(doc.toObject());
}

export async function listJointActions(workspaceId: string): Promise<JointAction[]> {
  const docs = await JointActionModel.find({ workspaceId }).sort({ createdAt: 1, _id: 1 }).lean();
  return docs.map(toJointAction);
}

/** The joint actions a person owns, in any workspace (their "My actions"). */
export async function listJointActionsOwnedBy(ownerId: string): Promise<JointAction[]> {
  if (!isObjectId(ownerId)) return [];
  const docs = await JointActionModel.find({ ownerId }).sort({ createdAt: 1, _id: 1 }).lean();
  return docs.map(toJointAction);
}

export async function setJointActionStatus(
  workspaceId: string,
  actionId: string,
  status: JointActionStatus,
): Promise<boolean> {
  if (!isObjectId(actionId)) return false;
  const result = await JointActionModel.updateOne(
    { _id: actionId, workspaceId },
    { $set: { status } },
  );
  return result.matchedCount === 1;
}

// ---- criteria shared from evaluations ---------------------------------------------------------

/**
 * One piece of evidence of a shared criterion. A file's copy (made when shared, in the evidence
 * file store) is served to the workspace's readers by the share's download route; copies
 * shared before files were copied have no `file` and stay names only.
 */
export interface SharedEvidence {
  title: string;
  kind: "file" | "link";
  url: string | null;
  file?: { fileId: string; fileName: string; contentType: string; size: number } | null;
}

export interface SharedCriterion {
  id: string;
  workspaceId: string;
  evaluationId: string;
  schoolId: string;
  criterionId: string;
  code: string;
  statement: string;
  /** The narrative as it was when shared (never updated afterwards). */
  narrative: RichBlock[];
  evidence: SharedEvidence[];
  sharedBy: string;
  sharedAt: Date;
  withdrawnAt: Date | null;
}

interface SharedDoc {
  workspaceId: Types.ObjectId;
  trustId: Types.ObjectId;
  evaluationId: Types.ObjectId;
  schoolId: Types.ObjectId;
  criterionId: string;
  code: string;
  statement: string;
  narrative: RichBlock[];
  evidence: SharedEvidence[];
  sharedBy: Types.ObjectId;
  sharedAt: Date;
  withdrawnAt: Date | null;
  withdrawnBy: Types.ObjectId | null;
}

const sharedSchema = new Schema<SharedDoc>({
  workspaceId: { type: Schema.Types.ObjectId, required: true, index: true },
  trustId: { type: Schema.Types.ObjectId, required: true },
  evaluationId: { type: Schema.Types.ObjectId, required: true },
  schoolId: { type: Schema.Types.ObjectId, required: true },
  criterionId: { type: String, required: true },
  code: { type: String, default: "" },
  statement: { type: String, default: "" },
  narrative: { type: Schema.Types.Mixed, default: [] },
  evidence: { type: Schema.Types.Mixed, default: [] },
  sharedBy: { type: Schema.Types.ObjectId, required: true },
  sharedAt: { type: Date, default: () => new Date() },
  withdrawnAt: { type: Date, default: null },
  withdrawnBy: { type: Schema.Types.ObjectId, default: null },
});

export const SharedCriterionModel = defineModel<SharedDoc>(
  "WorkspaceSharedCriterion",
  sharedSchema,
);

function toShared(doc: { _id: Types.ObjectId } & SharedDoc): SharedCriterion {
  return {
    id: doc._id.toString(),
    workspaceId: doc.workspaceId.toString(),
    evaluationId: doc.evaluationId.toString(),
    schoolId: doc.schoolId.toString(),
    criterionId: doc.criterionId,
    code: doc.code,
    statement: doc.statement,
    narrative: doc.narrative ?? [],
    evidence: (doc.evidence ?? []).map((e) => ({
      title: e.title,
      kind: e.kind,
      url: e.url ?? null,
      file: e.file ? { ...e.file, fileId: String(e.file.fileId) } : null,
    })),
    sharedBy: doc.sharedBy.toString(),
    sharedAt: doc.sharedAt,
    withdrawnAt: doc.withdrawnAt ?? null,
  };
}

export async function storeSharedCriterion(
  trustId: string,
  input: Omit<SharedCriterion, "id" | "sharedAt" | "withdrawnAt">,
): Promise<SharedCriterion> {
  const doc = await new SharedCriterionModel({ ...input, trustId }).save(DECISION_WRITE);
  return toShared(doc.toObject());
}

/** The copies still shared (withdrawn ones are kept, but no longer shown). */
export async function listSharedCriteria(workspaceId: string): Promise<SharedCriterion[]> {
  const docs = await SharedCriterionModel.find({ workspaceId, withdrawnAt: null })
    .sort({ sharedAt: 1, _id: 1 })
    .lean();
  return docs.map(toShared);
}

export async function getSharedCriterion(
  workspaceId: string,
  shareId: string,
): Promise<SharedCriterion | null> {
  if (!isObjectId(shareId)) return null;
  const doc = await SharedCriterionModel.findOne({ _id: shareId, workspaceId }).lean();
  return doc ? toShared(doc) : null;
}

/** The criteria of an evaluation shared now, in which workspaces. */
export async function listSharesOfEvaluation(evaluationId: string): Promise<SharedCriterion[]> {
  if (!isObjectId(evaluationId)) return [];
  const docs = await SharedCriterionModel.find({ evaluationId, withdrawnAt: null }).lean();
  return docs.map(toShared);
}

export async function withdrawSharedCriterion(shareId: string, by: string): Promise<boolean> {
  const result = await SharedCriterionModel.updateOne(
    { _id: shareId, withdrawnAt: null },
    { $set: { withdrawnAt: new Date(), withdrawnBy: by } },
    { writeConcern: DECISION_WRITE },
  );
  return result.modifiedCount === 1;
}

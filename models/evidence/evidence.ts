import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { Schema, Types } from "mongoose";
import { defineModel, isObjectId, ofTrust } from "../mongoose.ts";
import { sanitiseFileName, titleFromFileName } from "./file-name.ts";
import { deleteFile, openFile, putFile } from "./file-store.ts";
import { checkEvidenceLink } from "./link.ts";
import { ACCEPTED_CONTENT_TYPES, MAX_EVIDENCE_BYTES } from "./sniff.ts";

/**
 * Evidence items of an evaluation: uploaded files (contents in GridFS, see ./file-store.ts)
 * and web links. An item belongs to one evaluation and can be attached to any number of its
 * criteria; which criteria is live state in the evaluation's Y.Doc
 * (collab/shapes/evidence.ts), not stored here.
 */
export type EvidenceKind = "file" | "link";

export interface EvidenceItem {
  id: string;
  trustId: string;
  schoolId: string;
  evaluationId: string;
  kind: EvidenceKind;
  title: string;
  /** Links only: the http(s) address. */
  url: string | null;
  /** Files only: where the contents are in GridFS. */
  fileId: string | null;
  /** Files only: the sanitised name it was uploaded with. */
  fileName: string | null;
  /** Files only: the type sniffed from the contents (never the browser's claim). */
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  uploadedBy: string;
  createdAt: Date;
}

export const MAX_TITLE_LENGTH = 200;

interface EvidenceItemDoc {
  trustId: Types.ObjectId;
  schoolId: Types.ObjectId;
  evaluationId: Types.ObjectId;
  kind: EvidenceKind;
  title: string;
  url: string | null;
  fileId: Types.ObjectId | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  uploadedBy: Types.ObjectId;
  createdAt: Date;
}

const evidenceItemSchema = new Schema<EvidenceItemDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true },
  schoolId: { type: Schema.Types.ObjectId, required: true },
  evaluationId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, enum: ["file", "link"], required: true },
  title: { type: String, required: true, trim: true, maxlength: MAX_TITLE_LENGTH },
  url: { type: String, default: null, maxlength: 2000 },
  fileId: { type: Schema.Types.ObjectId, default: null },
  fileName: { type: String, default: null, maxlength: 200 },
  contentType: { type: String, default: null },
  size: { type: Number, default: null, min: 0, max: MAX_EVIDENCE_BYTES },
  sha256: { type: String, default: null },
  uploadedBy: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
});
evidenceItemSchema.index({ trustId: 1, evaluationId: 1, createdAt: 1 });
evidenceItemSchema.index({ evaluationId: 1, sha256: 1 });

export const EvidenceItemModel = defineModel<EvidenceItemDoc>("EvidenceItem", evidenceItemSchema);

type LeanItem = { _id: Types.ObjectId } & EvidenceItemDoc;

function toItem(doc: LeanItem): EvidenceItem {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    schoolId: doc.schoolId.toString(),
    evaluationId: doc.evaluationId.toString(),
    kind: doc.kind,
    title: doc.title,
    url: doc.url ?? null,
    fileId: doc.fileId?.toString() ?? null,
    fileName: doc.fileName ?? null,
    contentType: doc.contentType ?? null,
    size: doc.size ?? null,
    sha256: doc.sha256 ?? null,
    uploadedBy: doc.uploadedBy.toString(),
    createdAt: doc.createdAt,
  };
}

/** The evaluation an item is added to: its id and owners. */
export interface EvidenceOwner {
  id: string;
  trustId: string;
  schoolId: string;
}

function cleanTitle(title: string | null | undefined, fallback: string): string {
  const text = (title ?? "").replace(/\s+/g, " ").trim();
  return [...(text || fallback)].slice(0, MAX_TITLE_LENGTH).join("");
}

/** Every evidence item of an evaluation, oldest first. */
export async function listEvidenceOfEvaluation(
  trustId: string,
  evaluationId: string,
): Promise<EvidenceItem[]> {
  if (!isObjectId(trustId) || !isObjectId(evaluationId)) return [];
  const docs = await EvidenceItemModel.find({ trustId, evaluationId })
    .sort({ createdAt: 1, _id: 1 })
    .lean();
  return docs.map(toItem);
}

/** One item of an evaluation, or null. */
export async function getEvidenceItem(
  trustId: string,
  evaluationId: string,
  itemId: string,
): Promise<EvidenceItem | null> {
  if (!isObjectId(trustId) || !isObjectId(evaluationId) || !isObjectId(itemId)) return null;
  const doc = ofTrust(await EvidenceItemModel.findOne({ _id: itemId }).lean(), trustId);
  return doc && String(doc.evaluationId) === evaluationId ? toItem(doc) : null;
}

/** An item of the given trust by its id alone (a download link carries nothing else), or null. */
export async function findEvidenceItemOfTrust(
  trustId: string,
  itemId: string,
): Promise<EvidenceItem | null> {
  if (!isObjectId(trustId) || !isObjectId(itemId)) return null;
  const doc = ofTrust(await EvidenceItemModel.findOne({ _id: itemId }).lean(), trustId);
  return doc ? toItem(doc) : null;
}

/**
 * Stores an uploaded file that has already passed the checks (./sniff.ts) as a new item of the
 * evaluation. If the very same file (by SHA-256) is already evidence of this evaluation, that
 * item is returned instead and nothing new is stored. Nothing partial is ever left behind: the
 * contents are written first, the item after, and a failure of either removes both.
 */
export async function storeEvidenceFile(
  evaluation: EvidenceOwner,
  input: {
    uploadedBy: string;
    fileName: string;
    title?: string | null;
    bytes: Uint8Array;
    contentType: string;
  },
): Promise<{ item: EvidenceItem; duplicate: boolean }> {
  if (!ACCEPTED_CONTENT_TYPES.has(input.contentType))
    throw new Error(`Not an accepted evidence type: ${input.contentType}`);
  if (input.bytes.length === 0 || input.bytes.length > MAX_EVIDENCE_BYTES)
    throw new Error("Evidence file size out of range");
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const existing = await EvidenceItemModel.findOne({
    trustId: evaluation.trustId,
    evaluationId: evaluation.id,
    sha256,
    kind: "file",
  }).lean();
  if (existing) return { item: toItem(existing), duplicate: true };

  const fileName = sanitiseFileName(input.fileName);
  const _id = new Types.ObjectId();
  const fileId = new Types.ObjectId();
  await putFile(fileId, input.bytes, {
    fileName,
    contentType: input.contentType,
    metadata: {
      trustId: evaluation.trustId,
      evaluationId: evaluation.id,
      itemId: _id.toString(),
      sha256,
    },
  });
  try {
    const doc = await EvidenceItemModel.create({
      _id,
      trustId: evaluation.trustId,
      schoolId: evaluation.schoolId,
      evaluationId: evaluation.id,
      kind: "file",
      title: cleanTitle(input.title, titleFromFileName(fileName)),
      fileId,
      fileName,
      contentType: input.contentType,
      size: input.bytes.length,
      sha256,
      uploadedBy: input.uploadedBy,
    });
    return { item: toItem(doc.toObject()), duplicate: false };
  } catch (error) {
    await deleteFile(fileId);
    throw error;
  }
}

/** Adds a web link as an item of the evaluation. Throws if the address is not http(s). */
export async function addEvidenceLink(
  evaluation: EvidenceOwner,
  input: { uploadedBy: string; url: string; title?: string | null },
): Promise<EvidenceItem> {
  const link = checkEvidenceLink(input.url);
  if (!link.ok) throw new Error(link.reason);
  const doc = await EvidenceItemModel.create({
    trustId: evaluation.trustId,
    schoolId: evaluation.schoolId,
    evaluationId: evaluation.id,
    kind: "link",
    title: cleanTitle(input.title, new URL(link.url).hostname),
    url: link.url,
    uploadedBy: input.uploadedBy,
  });
  return toItem(doc.toObject());
}

/** Removes an item and its file; false when it is not an item of that evaluation. */
export async function deleteEvidenceItem(
  trustId: string,
  evaluationId: string,
  itemId: string,
): Promise<boolean> {
  const item = await getEvidenceItem(trustId, evaluationId, itemId);
  if (!item) return false;
  await EvidenceItemModel.deleteOne({ _id: itemId, trustId, evaluationId });
  if (item.fileId) await deleteFile(new Types.ObjectId(item.fileId));
  return true;
}

/** The contents of a file item, as a stream. */
export function openEvidenceFile(item: EvidenceItem): Readable {
  if (item.kind !== "file" || !item.fileId) throw new Error("Not a file item");
  return openFile(new Types.ObjectId(item.fileId));
}

import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { insightChanged } from "../insight/summary-store.ts";
import { defineModel, isObjectId, ofTrust, op } from "../mongoose.ts";

export type SchoolPhase = "primary" | "secondary" | "allThrough" | "special";

export interface School {
  id: string;
  trustId: string;
  name: string;
  /** The school's Unique Reference Number (six or seven digits), if known. */
  urn: string | null;
  phase: SchoolPhase;
  hasEarlyYears: boolean;
  hasSixthForm: boolean;
}

interface SchoolDoc {
  trustId: Types.ObjectId;
  name: string;
  urn: string | null;
  phase: SchoolPhase;
  hasEarlyYears: boolean;
  hasSixthForm: boolean;
  createdAt: Date;
  /** The form showing that added it: the same form sent twice adds one school. */
  requestId?: string;
}

const schoolSchema = new Schema<SchoolDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  name: { type: String, required: true, trim: true, maxlength: 200 },
  urn: { type: String, default: null },
  phase: { type: String, required: true, enum: ["primary", "secondary", "allThrough", "special"] },
  hasEarlyYears: { type: Boolean, default: false },
  hasSixthForm: { type: Boolean, default: false },
  createdAt: { type: Date, default: () => new Date() },
  requestId: { type: String },
});
schoolSchema.index({ trustId: 1, name: 1 }, { unique: true });

// The insight summaries hold each school's name and phase (ADR 023): nothing renames a school
// today, but whatever does will have them rebuilt.
schoolSchema.post(["updateOne", "updateMany"], async function (result: { matchedCount?: number }) {
  const trustId = (this.getFilter() as { trustId?: unknown }).trustId;
  if (result?.matchedCount !== 0 && trustId) await insightChanged(String(trustId));
});

export const SchoolModel = defineModel<SchoolDoc>("School", schoolSchema);

function toSchool(doc: { _id: Types.ObjectId } & SchoolDoc): School {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    name: doc.name,
    urn: doc.urn,
    phase: doc.phase,
    hasEarlyYears: doc.hasEarlyYears,
    hasSixthForm: doc.hasSixthForm,
  };
}

export type NewSchool = Omit<School, "id" | "trustId">;

export class DuplicateSchoolError extends Error {
  constructor(name: string) {
    super(`A school called “${name}” is already in this trust.`);
  }
}

/**
 * Adds a school to a trust. Names are unique in a trust (a unique key): a second school of the
 * same name is refused, unless it is the same form arriving twice (`requestId`), which gets the
 * school it already added.
 */
export async function createSchool(
  trustId: string,
  input: NewSchool & { requestId?: string },
): Promise<School> {
  try {
    const doc = await SchoolModel.create({ ...input, trustId });
    return toSchool(doc.toObject());
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await SchoolModel.findOne({ trustId, name: input.name }).lean();
    if (existing && input.requestId && existing.requestId === input.requestId)
      return toSchool(existing);
    throw new DuplicateSchoolError(input.name);
  }
}

export async function listSchools(trustId: string): Promise<School[]> {
  const docs = await SchoolModel.find({ trustId }).sort({ name: 1 }).lean();
  return docs.map(toSchool);
}

/** The schools of the given trust among `schoolIds` (others are left out), by id: one read. */
export async function getSchools(
  trustId: string,
  schoolIds: string[],
): Promise<Map<string, School>> {
  const ids = [...new Set(schoolIds.filter(isObjectId))];
  if (!isObjectId(trustId) || ids.length === 0) return new Map();
  const docs = await SchoolModel.find({ _id: op({ $in: ids }), trustId }).lean();
  return new Map(docs.map((doc) => [doc._id.toString(), toSchool(doc)]));
}

/** A school of the given trust, or null: a school of another trust is "not found". */
export async function getSchool(trustId: string, schoolId: string): Promise<School | null> {
  if (!isObjectId(schoolId)) return null;
  const doc = ofTrust(await SchoolModel.findOne({ _id: schoolId }).lean(), trustId);
  return doc ? toSchool(doc) : null;
}

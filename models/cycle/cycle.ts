import { Schema, type Types } from "mongoose";
import { defineModel, isObjectId, ofTrust } from "../mongoose.ts";
import type { FrameworkVersion } from "../framework/framework.ts";
import { cycleNameKey } from "./name-key.ts";

/** One published framework version sent to some of the trust's schools, with a due date. */
export interface Cycle {
  id: string;
  trustId: string;
  frameworkId: string;
  frameworkVersionId: string;
  name: string;
  dueDate: Date | null;
  createdAt: Date;
}

interface CycleDoc {
  trustId: Types.ObjectId;
  frameworkId: Types.ObjectId;
  frameworkVersionId: Types.ObjectId;
  name: string;
  /** The name folded for uniqueness: "Inclusion Excellence 2026–27" and "inclusion excellence 2026-27" are one cycle. */
  nameKey: string;
  dueDate: Date | null;
  createdBy: Types.ObjectId;
  createdAt: Date;
}

const cycleSchema = new Schema<CycleDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true },
  frameworkId: { type: Schema.Types.ObjectId, required: true },
  frameworkVersionId: { type: Schema.Types.ObjectId, required: true },
  name: { type: String, required: true, trim: true, maxlength: 200 },
  nameKey: { type: String, required: true },
  dueDate: { type: Date, default: null },
  createdBy: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, default: () => new Date() },
});
cycleSchema.index({ trustId: 1, nameKey: 1 }, { unique: true });

export const CycleModel = defineModel<CycleDoc>("Cycle", cycleSchema);

function toCycle(doc: { _id: Types.ObjectId } & CycleDoc): Cycle {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    frameworkId: doc.frameworkId.toString(),
    frameworkVersionId: doc.frameworkVersionId.toString(),
    name: doc.name,
    dueDate: doc.dueDate,
    createdAt: doc.createdAt,
  };
}

export { cycleNameKey };

export class CycleNameTakenError extends Error {
  constructor(name: string) {
    super(`A cycle called “${name}” already uses another framework version. Choose another name.`);
  }
}

/**
 * The trust's cycle with this name, created if new. Two admins creating it at once get the same
 * cycle (unique name per trust). A name already used for another version is refused.
 */
export async function ensureCycle(
  version: FrameworkVersion,
  input: { name: string; dueDate: Date | null; createdBy: string },
): Promise<{ cycle: Cycle; created: boolean }> {
  const nameKey = cycleNameKey(input.name);
  const find = () => CycleModel.findOne({ trustId: version.trustId, nameKey }).lean();
  let existing = await find();
  let created = false;
  if (!existing) {
    try {
      await CycleModel.create({
        trustId: version.trustId,
        frameworkId: version.frameworkId,
        frameworkVersionId: version.id,
        name: input.name,
        nameKey,
        dueDate: input.dueDate,
        createdBy: input.createdBy,
      });
      created = true;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    existing = await find();
  }
  if (!existing) throw new Error("Cycle vanished");
  if (existing.frameworkVersionId.toString() !== version.id)
    throw new CycleNameTakenError(existing.name);
  return { cycle: toCycle(existing), created };
}

export async function getCycle(trustId: string, cycleId: string): Promise<Cycle | null> {
  if (!isObjectId(cycleId)) return null;
  const doc = ofTrust(await CycleModel.findOne({ _id: cycleId }).lean(), trustId);
  return doc ? toCycle(doc) : null;
}

export async function listCycles(trustId: string): Promise<Cycle[]> {
  const docs = await CycleModel.find({ trustId }).sort({ createdAt: -1 }).lean();
  return docs.map(toCycle);
}

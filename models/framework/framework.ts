import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { defineModel, isObjectId } from "../mongoose.ts";
import type { FrameworkContent } from "./types.ts";

/** A published, immutable version of a trust's framework. */
export interface FrameworkVersion {
  id: string;
  trustId: string;
  frameworkId: string;
  version: number;
  content: FrameworkContent;
  publishedAt: Date;
}

interface FrameworkDoc {
  trustId: Types.ObjectId;
  name: string;
  /** Which starter it came from, if any: makes seeding idempotent. */
  starterKey: string | null;
  latestVersion: number;
  createdAt: Date;
}

interface FrameworkVersionDoc {
  trustId: Types.ObjectId;
  frameworkId: Types.ObjectId;
  version: number;
  content: FrameworkContent;
  publishedAt: Date;
}

const frameworkSchema = new Schema<FrameworkDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  name: { type: String, required: true },
  starterKey: { type: String, default: null },
  latestVersion: { type: Number, default: 0 },
  createdAt: { type: Date, default: () => new Date() },
});

const frameworkVersionSchema = new Schema<FrameworkVersionDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  frameworkId: { type: Schema.Types.ObjectId, required: true },
  version: { type: Number, required: true },
  // The content is validated by the framework designer before publishing; stored whole.
  content: { type: Schema.Types.Mixed, required: true },
  publishedAt: { type: Date, default: () => new Date() },
});
frameworkVersionSchema.index({ frameworkId: 1, version: 1 }, { unique: true });

// A published version is a record schools were judged against: no route may change it.
const refuseChange = function () {
  throw new Error("Published framework versions are immutable.");
};
for (const op of [
  "updateOne",
  "updateMany",
  "findOneAndUpdate",
  "replaceOne",
  "findOneAndReplace",
  "deleteOne",
  "deleteMany",
  "findOneAndDelete",
] as const) {
  frameworkVersionSchema.pre(op, refuseChange);
}

export const FrameworkModel = defineModel<FrameworkDoc>("Framework", frameworkSchema);
export const FrameworkVersionModel = defineModel<FrameworkVersionDoc>(
  "FrameworkVersion",
  frameworkVersionSchema,
);

function toVersion(doc: { _id: Types.ObjectId } & FrameworkVersionDoc): FrameworkVersion {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    frameworkId: doc.frameworkId.toString(),
    version: doc.version,
    content: doc.content,
    publishedAt: doc.publishedAt,
  };
}

/**
 * Publishes a starter framework for a trust once; later calls return the same version.
 */
export async function ensureStarterFramework(
  trustId: string,
  starterKey: string,
  content: FrameworkContent,
): Promise<FrameworkVersion> {
  let framework = await FrameworkModel.findOne({ trustId, starterKey }).lean();
  if (!framework) {
    const created = await FrameworkModel.create({
      trustId,
      name: content.name,
      starterKey,
      latestVersion: 1,
    });
    framework = created.toObject();
  }
  const existing = await FrameworkVersionModel.findOne({
    frameworkId: framework._id,
    version: 1,
  }).lean();
  if (existing) return toVersion(existing);
  const doc = await FrameworkVersionModel.create({
    trustId,
    frameworkId: framework._id,
    version: 1,
    content,
  });
  return toVersion(doc.toObject());
}

export async function getFrameworkVersion(
  trustId: string,
  versionId: string,
): Promise<FrameworkVersion | null> {
  if (!isObjectId(versionId)) return null;
  const doc = await FrameworkVersionModel.findOne({ _id: versionId, trustId }).lean();
  return doc ? toVersion(doc) : null;
}

/** The newest published version of each of the trust's frameworks. */
export async function listLatestFrameworkVersions(trustId: string): Promise<FrameworkVersion[]> {
  const docs = await FrameworkVersionModel.find({ trustId }).sort({ version: -1 }).lean();
  const newest = new Map<string, FrameworkVersion>();
  for (const doc of docs) {
    const key = doc.frameworkId.toString();
    if (!newest.has(key)) newest.set(key, toVersion(doc));
  }
  return [...newest.values()];
}

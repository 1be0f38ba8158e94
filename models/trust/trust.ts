import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { defineModel, isObjectId } from "../mongoose.ts";

export interface Trust {
  id: string;
  name: string;
  slug: string;
}

interface TrustDoc {
  name: string;
  slug: string;
  createdAt: Date;
}

const trustSchema = new Schema<TrustDoc>({
  name: { type: String, required: true, trim: true, maxlength: 200 },
  slug: { type: String, required: true, unique: true },
  createdAt: { type: Date, default: () => new Date() },
});

export const TrustModel = defineModel<TrustDoc>("Trust", trustSchema);

function toTrust(doc: { _id: Types.ObjectId } & TrustDoc): Trust {
  return { id: doc._id.toString(), name: doc.name, slug: doc.slug };
}

export async function createTrust(input: { name: string; slug: string }): Promise<Trust> {
  const doc = await TrustModel.create(input);
  return toTrust(doc.toObject());
}

export async function findTrustBySlug(slug: string): Promise<Trust | null> {
  const doc = await TrustModel.findOne({ slug }).lean();
  return doc ? toTrust(doc) : null;
}

export async function getTrust(trustId: string): Promise<Trust | null> {
  if (!isObjectId(trustId)) return null;
  const doc = await TrustModel.findById(trustId).lean();
  return doc ? toTrust(doc) : null;
}

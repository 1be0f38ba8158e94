import type { Types } from "mongoose";
import { LRUCache } from "lru-cache";
import { Schema } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { defineModel, isObjectId, ofTrust } from "../mongoose.ts";
import { sharedCache } from "../shared-cache.ts";
import type { FrameworkContent } from "./types.ts";
import { makeAppendOnly } from "../immutable.ts";
import { contentFingerprint } from "./same-content.ts";

/** A published, immutable version of a trust's framework. */
export interface FrameworkVersion {
  id: string;
  trustId: string;
  frameworkId: string;
  version: number;
  content: FrameworkContent;
  publishedAt: Date;
}

/** A trust's framework: a live draft (document `framework.<id>`) and its published versions. */
export interface Framework {
  id: string;
  trustId: string;
  name: string;
  kind: FrameworkContent["kind"];
  starterKey: string | null;
  latestVersion: number;
  /**
   * The fingerprint of the newest version's content (same-content.ts), written with
   * `latestVersion`; null for versions published before it was recorded.
   */
  latestFingerprint: string | null;
  createdAt: Date;
}

interface FrameworkDoc {
  trustId: Types.ObjectId;
  name: string;
  kind: FrameworkContent["kind"];
  /** Which starter it came from, if any: makes seeding idempotent. */
  starterKey: string | null;
  /** What the draft document starts from (starter, import or blank); read once, when seeding. */
  seed: FrameworkContent;
  latestVersion: number;
  /** The newest version's content fingerprint, written with `latestVersion` (ADR 069). */
  latestFingerprint?: string;
  createdBy: Types.ObjectId | null;
  createdAt: Date;
  /** The form showing that created it: the same form sent twice creates one framework. */
  requestId?: string;
}

interface FrameworkVersionDoc {
  trustId: Types.ObjectId;
  frameworkId: Types.ObjectId;
  version: number;
  content: FrameworkContent;
  publishedAt: Date;
}

// Content stored whole must come back as it went in (ADR 059): mongoose's default `minimize`
// drops empty objects on save (a blank criterion's `descriptors: {}`), which readers then miss.
const WHOLE = { minimize: false } as const;

const frameworkSchema = new Schema<FrameworkDoc>(
  {
    trustId: { type: Schema.Types.ObjectId, required: true, index: true },
    name: { type: String, required: true },
    kind: {
      type: String,
      required: true,
      enum: ["qualityMark", "schoolSelfEvaluation", "trustSelfReview"],
    },
    starterKey: { type: String, default: null },
    seed: { type: Schema.Types.Mixed, required: true },
    latestVersion: { type: Number, default: 0 },
    latestFingerprint: { type: String },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    requestId: { type: String },
  },
  WHOLE,
);
frameworkSchema.index({ trustId: 1, requestId: 1 }, { unique: true, sparse: true });

const frameworkVersionSchema = new Schema<FrameworkVersionDoc>(
  {
    trustId: { type: Schema.Types.ObjectId, required: true, index: true },
    frameworkId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    // The content is validated by the framework designer before publishing; stored whole.
    content: { type: Schema.Types.Mixed, required: true },
    publishedAt: { type: Date, default: () => new Date() },
  },
  WHOLE,
);
frameworkVersionSchema.index({ frameworkId: 1, version: 1 }, { unique: true });

// A published version is a record schools were judged against: no route may change it.
makeAppendOnly(
  frameworkVersionSchema,
  () => new Error("Published framework versions are immutable."),
);

export const FrameworkModel = defineModel<FrameworkDoc>("Framework", frameworkSchema);
export const FrameworkVersionModel = defineModel<FrameworkVersionDoc>(
  "FrameworkVersion",
  frameworkVersionSchema,
);

function toFramework(doc: { _id: Types.ObjectId } & Omit<FrameworkDoc, "seed">): Framework {
  return {
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    name: doc.name,
    kind: doc.kind,
    starterKey: doc.starterKey,
    latestVersion: doc.latestVersion,
    latestFingerprint: doc.latestFingerprint ?? null,
    createdAt: doc.createdAt,
  };
}

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
      kind: content.kind,
      starterKey,
      seed: content,
      latestVersion: 1,
      latestFingerprint: contentFingerprint(content),
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

/**
 * Versions read lately, by id. A published version never changes (the model is append-only),
 * so no process's copy can go stale: every evaluation page, socket and projection of a school
 * reads the same few, each tens of kilobytes of criteria and descriptors to fetch and decode.
 */
const versionsRead = new LRUCache<string, FrameworkVersion>({ max: 200 });

/** A published version of one of the trust's frameworks, or null (another trust's is null too). */
export async function getFrameworkVersion(
  trustId: string,
  versionId: string,
): Promise<FrameworkVersion | null> {
  if (!isObjectId(versionId)) return null;
  let version = versionsRead.get(versionId);
  if (!version) {
    const doc = await FrameworkVersionModel.findOne({ _id: versionId }).lean();
    if (!doc) return null;
    version = toVersion(doc);
    versionsRead.set(versionId, version);
  }
  // A copy: what a caller does to it must not reach the next caller.
  return ofTrust(version, trustId) ? structuredClone(version) : null;
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

/** Starts a new framework draft for a trust from some content (a starter, an import, a blank). */
export async function createFramework(
  trustId: string,
  input: {
    content: FrameworkContent;
    starterKey?: string | null;
    createdBy: string;
    requestId?: string;
  },
): Promise<{ framework: Framework; created: boolean }> {
  try {
    const doc = await FrameworkModel.create({
      trustId,
      name: input.content.name,
      kind: input.content.kind,
      starterKey: input.starterKey ?? null,
      seed: input.content,
      latestVersion: 0,
      createdBy: input.createdBy,
      requestId: input.requestId,
    });
    return { framework: toFramework(doc.toObject()), created: true };
  } catch (error) {
    if (!input.requestId || !isDuplicateKey(error)) throw error;
    const doc = await FrameworkModel.findOne({ trustId, requestId: input.requestId }).lean();
    if (!doc) throw error;
    return { framework: toFramework(doc), created: false };
  }
}

/** A framework of the given trust, or null. */
export async function getFramework(
  trustId: string,
  frameworkId: string,
): Promise<Framework | null> {
  if (!isObjectId(trustId) || !isObjectId(frameworkId)) return null;
  const doc = ofTrust(await FrameworkModel.findOne({ _id: frameworkId }).lean(), trustId);
  return doc ? toFramework(doc) : null;
}

/** The content a draft document is seeded with. */
export async function frameworkSeed(frameworkId: string): Promise<FrameworkContent | null> {
  if (!isObjectId(frameworkId)) return null;
  const doc = await FrameworkModel.findById(frameworkId, { seed: 1 }).lean();
  return doc?.seed ? withEmptyDescriptors(doc.seed) : null;
}

/**
 * Blank drafts created before the schema kept empty objects were stored without their
 * criterion's `descriptors: {}`; they are given it back, so they open like new ones.
 */
function withEmptyDescriptors(seed: FrameworkContent): FrameworkContent {
  return {
    ...seed,
    areas: seed.areas.map((area) => ({
      ...area,
      criteria: area.criteria.map((c) => ({ ...c, descriptors: c.descriptors ?? {} })),
    })),
  };
}

export async function listFrameworks(trustId: string): Promise<Framework[]> {
  const docs = await FrameworkModel.find({ trustId }, { seed: 0 }).sort({ name: 1 }).lean();
  return docs.map(toFramework);
}

export async function listVersions(
  trustId: string,
  frameworkId: string,
): Promise<FrameworkVersion[]> {
  const docs = await FrameworkVersionModel.find({ trustId, frameworkId })
    .sort({ version: -1 })
    .lean();
  return docs.map(toVersion);
}

/**
 * Each framework's newest version number and its trust, as read a moment ago: reading it costs
 * FerretDB the framework's whole record, tens of kilobytes with its starting content (22 ms of
 * every evaluation page here). Shared by every process on Redis; `publishVersion` forgets the
 * entry everywhere, and an entry lives 30 s at most (all a lost `forget` can cost: the number
 * only offers an upgrade, which reads the versions themselves).
 */
const newestRead = sharedCache<{ trustId: string; version: number }>("framework-newest", {
  max: 1000,
  ttlMs: 30_000,
});

/**
 * The number of the framework's newest published version (null before the first), as its
 * record says: `publishVersion` writes it right after each version. Read by the framework's id
 * (the one filter FerretDB answers without reading every document: finding the newest of the
 * versions read every version of every framework) and its trust checked.
 */
export async function newestVersionNumber(
  trustId: string,
  frameworkId: string,
): Promise<number | null> {
  if (!isObjectId(frameworkId)) return null;
  let newest = await newestRead.get(frameworkId);
  if (!newest) {
    const doc = await FrameworkModel.findById(frameworkId)
      .select({ trustId: 1, latestVersion: 1 })
      .lean();
    if (!doc) return null;
    newest = { trustId: String(doc.trustId), version: doc.latestVersion };
    await newestRead.set(frameworkId, newest);
  }
  return newest.trustId === trustId && newest.version > 0 ? newest.version : null;
}

export async function latestVersionOf(
  trustId: string,
  frameworkId: string,
): Promise<FrameworkVersion | null> {
  const doc = await FrameworkVersionModel.findOne({ trustId, frameworkId })
    .sort({ version: -1 })
    .lean();
  return doc ? toVersion(doc) : null;
}

/**
 * True once the framework's record names `version` as its newest (or the framework is gone):
 * `publishVersion` writes the record a moment after the version itself.
 */
export async function recordShowsVersion(frameworkId: string, version: number): Promise<boolean> {
  if (!isObjectId(frameworkId)) return true;
  const doc = await FrameworkModel.findById(frameworkId).select({ latestVersion: 1 }).lean();
  return !doc || doc.latestVersion >= version;
}

export class ConcurrentPublishError extends Error {
  constructor() {
    super(
      "Someone else published this framework a moment ago. Check the new version, then publish again.",
    );
  }
}

/**
 * Freezes `content` as the framework's next version (v1, v2, …). Versions are immutable; the
 * unique (framework, version) index makes two simultaneous publishes yield one version, not two.
 */
export async function publishVersion(
  trustId: string,
  frameworkId: string,
  content: FrameworkContent,
): Promise<FrameworkVersion> {
  const framework = ofTrust(await FrameworkModel.findOne({ _id: frameworkId }).lean(), trustId);
  if (!framework) throw new Error("No such framework");
  const latest = await latestVersionOf(trustId, frameworkId);
  const version = (latest?.version ?? 0) + 1;
  try {
    const doc = await FrameworkVersionModel.create({ trustId, frameworkId, version, content });
    await FrameworkModel.updateOne(
      { _id: frameworkId, trustId },
      {
        $set: {
          latestVersion: version,
          latestFingerprint: contentFingerprint(content),
          name: content.name,
          kind: content.kind,
        },
      },
    );
    await newestRead.forget(frameworkId);
    return toVersion(doc.toObject());
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConcurrentPublishError();
    throw error;
  }
}

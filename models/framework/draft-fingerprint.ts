import { Schema, Types } from "mongoose";
import { isDuplicateKey, upsertRacing } from "../errors.ts";
import { defineModel, isObjectId, op } from "../mongoose.ts";

/**
 * The fingerprint (same-content.ts) of each framework draft as the collab server last stored
 * it: what the frameworks list compares with the newest version's, instead of loading every
 * draft (ADR 069). One document per framework (same _id), in a collection of its own: it is
 * written on every store of the draft, and FerretDB v1 rewrites a whole record per update, so
 * sharing the framework's record would risk losing a publish's write (ADR 005).
 */
interface DraftFingerprintDoc {
  _id: Types.ObjectId;
  fingerprint: string;
  at: Date;
}

const draftFingerprintSchema = new Schema<DraftFingerprintDoc>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    fingerprint: { type: String, required: true },
    at: { type: Date, required: true },
  },
  // Only ever replaced whole: a version key would say nothing.
  { versionKey: false },
);

export const DraftFingerprintModel = defineModel<DraftFingerprintDoc>(
  "FrameworkDraftFingerprint",
  draftFingerprintSchema,
);

/** Records the fingerprint of a draft just stored (only the collab server's store calls this). */
export async function saveDraftFingerprint(frameworkId: string, fingerprint: string) {
  const _id = new Types.ObjectId(frameworkId);
  const write = () =>
    DraftFingerprintModel.collection.replaceOne(
      { _id },
      { _id, fingerprint, at: new Date() },
      { upsert: true },
    );
  // Two first writes may race to insert: the loser then finds the document and replaces it.
  await upsertRacing(write);
}

/** The draft's recorded fingerprint, or null when none is recorded yet. */
export async function draftFingerprintOf(frameworkId: string): Promise<string | null> {
  if (!isObjectId(frameworkId)) return null;
  const doc = await DraftFingerprintModel.findOne({ _id: frameworkId }).lean();
  return doc?.fingerprint ?? null;
}

/** The recorded fingerprints of these drafts, by framework id (drafts with none are missing). */
export async function draftFingerprints(frameworkIds: string[]): Promise<Map<string, string>> {
  const ids = frameworkIds.filter(isObjectId);
  if (ids.length === 0) return new Map();
  const docs = await DraftFingerprintModel.find({ _id: op({ $in: ids }) }).lean();
  return new Map(docs.map((d) => [d._id.toString(), d.fingerprint]));
}

/**
 * Publishing read the draft (whose fingerprint was `expected` just before) and found it to be
 * `fingerprint`: recorded unless a store recorded something else meanwhile, which is newer than
 * what publishing read and so stays. Without it the list would say "changes not yet published"
 * until the next store of a draft published right after an edit.
 */
export async function draftReadAtPublish(
  frameworkId: string,
  expected: string | null,
  fingerprint: string,
): Promise<void> {
  if (expected === fingerprint) return;
  const _id = new Types.ObjectId(frameworkId);
  if (expected === null) {
    try {
      await DraftFingerprintModel.collection.insertOne({ _id, fingerprint, at: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return;
  }
  await DraftFingerprintModel.collection.updateOne(
    { _id, fingerprint: expected },
    { $set: { fingerprint, at: new Date() } },
  );
}

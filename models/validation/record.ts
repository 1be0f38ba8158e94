import { Schema, type Types } from "mongoose";
import { DECISION_WRITE, defineModel } from "../mongoose.ts";
import type { RecordEntry } from "./record-state.ts";
import { makeAppendOnly } from "../immutable.ts";

/**
 * The validation record, stored as append-only entries (a unique sequence per validation).
 * Written only by server actions, with majority/journaled writes; mirrored into the
 * server-owned `record.<validationId>` document so everyone in the meeting sees it live.
 */
type EntryDoc = Omit<RecordEntry, "seq"> & {
  seq: number;
  validationId: Types.ObjectId;
  trustId: Types.ObjectId;
};

const entrySchema = new Schema<EntryDoc>(
  {
    validationId: { type: Schema.Types.ObjectId, required: true },
    trustId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true, enum: ["agreed", "confirmed", "outcome"] },
    by: { type: String, required: true },
    at: { type: String, required: true },
  },
  { strict: false },
);
entrySchema.index({ validationId: 1, seq: 1 }, { unique: true });
makeAppendOnly(
  entrySchema,
  () => new Error("The validation record is append-only: record a correction as a new entry."),
);

export const RecordEntryModel = defineModel<EntryDoc>("ValidationRecordEntry", entrySchema);

function toEntry(doc: Record<string, unknown>): RecordEntry {
  const { _id, __v, validationId, trustId, ...entry } = doc;
  void _id;
  void __v;
  void validationId;
  void trustId;
  return entry as unknown as RecordEntry;
}

export async function listRecordEntries(
  trustId: string,
  validationId: string,
): Promise<RecordEntry[]> {
  const docs = await RecordEntryModel.find({ trustId, validationId }).sort({ seq: 1 }).lean();
  return docs.map((d) => toEntry(d as unknown as Record<string, unknown>));
}

type NewEntry = RecordEntry extends infer E
  ? E extends RecordEntry
    ? Omit<E, "seq" | "at">
    : never
  : never;

/** Appends an entry with the next sequence number (retrying if someone else took it). */
export async function appendRecordEntry(
  trustId: string,
  validationId: string,
  entry: NewEntry,
): Promise<RecordEntry> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const last = await RecordEntryModel.findOne({ validationId }, { seq: 1 })
      .sort({ seq: -1 })
      .lean();
    const full = {
      ...entry,
      seq: (last?.seq ?? 0) + 1,
      at: new Date().toISOString(),
    } as RecordEntry;
    try {
      await new RecordEntryModel({ ...full, validationId, trustId }).save(DECISION_WRITE);
      return full;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }
  throw new Error("Could not append to the validation record: too much contention.");
}

import { Schema, type Types } from "mongoose";
import { DECISION_WRITE, defineModel, isObjectId, op } from "../mongoose.ts";
import type { RecordEntry } from "./record-state.ts";
import { makeAppendOnly } from "../immutable.ts";
import { ConflictError, isDuplicateKey } from "../errors.ts";

/**
 * The validation record, stored as append-only entries (a unique sequence per validation).
 * Written only by server actions, with majority/journaled writes; mirrored into the
 * server-owned `record.<validationId>` document so everyone in the meeting sees it live.
 */
type EntryDoc = Omit<RecordEntry, "seq"> & {
  seq: number;
  validationId: Types.ObjectId;
  trustId: Types.ObjectId;
  /** What this entry decides over (see appendRecordEntry); unique per validation. */
  guard?: string;
};

const entrySchema = new Schema<EntryDoc>(
  {
    validationId: { type: Schema.Types.ObjectId, required: true },
    trustId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true, enum: ["agreed", "confirmed", "outcome"] },
    by: { type: String, required: true },
    at: { type: String, required: true },
    guard: { type: String },
  },
  { strict: false },
);
entrySchema.index({ validationId: 1, seq: 1 }, { unique: true });
// Sparse: entries written before guards existed have none and stay as they are.
entrySchema.index({ validationId: 1, guard: 1 }, { unique: true, sparse: true });
makeAppendOnly(
  entrySchema,
  () => new Error("The validation record is append-only: record a correction as a new entry."),
);

export const RecordEntryModel = defineModel<EntryDoc>("ValidationRecordEntry", entrySchema);

function toEntry(doc: Record<string, unknown>): RecordEntry {
  const { _id, __v, validationId, trustId, guard, ...entry } = doc;
  void _id;
  void __v;
  void validationId;
  void trustId;
  void guard;
  return entry as unknown as RecordEntry;
}

export async function listRecordEntries(
  trustId: string,
  validationId: string,
): Promise<RecordEntry[]> {
  const docs = await RecordEntryModel.find({ trustId, validationId }).sort({ seq: 1 }).lean();
  return docs.map((d) => toEntry(d as unknown as Record<string, unknown>));
}

/** The records of several of the trust's validations, each in order, by validation id: one read. */
export async function listRecordEntriesOf(
  trustId: string,
  validationIds: string[],
): Promise<Map<string, RecordEntry[]>> {
  const ids = [...new Set(validationIds.filter(isObjectId))];
  const records = new Map<string, RecordEntry[]>(ids.map((id) => [id, []]));
  if (!isObjectId(trustId) || ids.length === 0) return records;
  const docs = await RecordEntryModel.find({ trustId, validationId: op({ $in: ids }) })
    .sort({ seq: 1 })
    .lean();
  for (const doc of docs)
    records
      .get(doc.validationId.toString())
      ?.push(toEntry(doc as unknown as Record<string, unknown>));
  return records;
}

type NewEntry = RecordEntry extends infer E
  ? E extends RecordEntry
    ? Omit<E, "seq" | "at">
    : never
  : never;

/**
 * What a decision over the record comes to: an entry to append (once per `guard`), or an answer
 * with nothing to append (the same decision was already taken, for instance).
 */
export type RecordDecision<T> = { append: NewEntry; guard: string } | { answer: T };

/** Why a decision gave up: so many others were appended meanwhile that it never got its turn. */
export const RECORD_BUSY =
  "Many decisions arrived at once and this one did not get its turn: try again.";

const DECIDE_ATTEMPTS = 60;

function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(40, 2 + attempt * 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Takes a decision over the whole record, serialised by the database (ADR 068). `decide` reads
 * the entries so far (in order) and says what to append, or answers without appending, or
 * throws a refusal; its entry is stored with exactly the sequence number after the last entry it
 * read. The unique (validation, sequence) key lets one decision take each number: if another
 * entry took it meanwhile, the record is read again and `decide` runs again over it. So every
 * entry was decided over every entry before it, and nothing lands behind a decision that did not
 * see it: an agreement arriving with the outcome is either counted by the outcome or refused by
 * it. `decide` must not write anything: it may run several times.
 */
export async function decideOverRecord<T>(
  trustId: string,
  validationId: string,
  decide: (entries: RecordEntry[]) => RecordDecision<T>,
): Promise<{ appended: RecordEntry } | { answer: T }> {
  for (let attempt = 0; attempt < DECIDE_ATTEMPTS; attempt++) {
    const entries = await listRecordEntries(trustId, validationId);
    const decision = decide(entries);
    if ("answer" in decision) return { answer: decision.answer };
    const last = entries.reduce((max, e) => Math.max(max, e.seq), 0);
    const full = {
      ...decision.append,
      seq: last + 1,
      at: new Date().toISOString(),
    } as RecordEntry;
    try {
      await new RecordEntryModel({ ...full, validationId, trustId, guard: decision.guard }).save(
        DECISION_WRITE,
      );
      return { appended: full };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Another entry took this number (or this very decision was taken): decide again over it.
      await pause(attempt);
    }
  }
  throw new ConflictError(RECORD_BUSY);
}

/**
 * Appends an entry with the next sequence number, once per `guard`, whatever the record says:
 * for entries whose decision does not depend on the record (fixtures, imports). A decision taken
 * over the record (agreeing, confirming, the outcome) goes through `decideOverRecord`. The guard
 * names the state the decision was taken over (e.g. "outcome after entry 7", "confirm agreement
 * 12 of 2.1"), and a unique key lets one entry per guard exist, so a double-click, a retry or 20
 * parallel requests make one entry: the others get the entry that won (`created: false`) and
 * the caller decides whether it is the same decision or a conflicting one.
 */
export async function appendRecordEntry(
  trustId: string,
  validationId: string,
  entry: NewEntry,
  guard: string,
): Promise<{ entry: RecordEntry; created: boolean }> {
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
      await new RecordEntryModel({ ...full, validationId, trustId, guard }).save(DECISION_WRITE);
      return { entry: full, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Either someone took this sequence number (go again) or this very decision was taken.
      const taken = await RecordEntryModel.findOne({ validationId, guard }).lean();
      if (taken)
        return { entry: toEntry(taken as unknown as Record<string, unknown>), created: false };
    }
  }
  throw new Error("Could not append to the validation record: too much contention.");
}

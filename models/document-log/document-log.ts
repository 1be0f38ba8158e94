import { Schema, Types, type Model } from "mongoose";
import { op, defineModel, dropOldIndex } from "../mongoose.ts";
// Used only inside functions, so the two modules may import each other.
import { writeSnapshot } from "./snapshot-write.ts";

/**
 * Durable storage of collaborative documents: every accepted update is appended to a log as
 * it arrives, and the log is compacted into one snapshot per document. Yjs updates commute
 * and re-applying one is harmless, so loading is simply "snapshot + every logged update", and
 * a crash between writing a snapshot and trimming the log loses nothing.
 */
interface UpdateDoc {
  name: string;
  update: Buffer;
  createdAt: Date;
}

interface SnapshotDoc {
  name: string;
  /** The version's state, in `documentstates` (ADR 026). */
  stateId?: Types.ObjectId;
  /** Rows written before ADR 026 hold their state themselves. */
  state?: Buffer;
  /** Bumped by every write: a compaction writes the version after the one it knows (ADR 018). */
  version?: number;
  updatedAt: Date;
}

/** A snapshot version's state: read and deleted by `_id` only (ADR 026). */
interface StateDoc {
  state: Buffer;
}

const updateSchema = new Schema<UpdateDoc>({
  name: { type: String, required: true, index: true },
  update: { type: Buffer, required: true },
  createdAt: { type: Date, default: () => new Date() },
});

const snapshotSchema = new Schema<SnapshotDoc>({
  name: { type: String, required: true },
  stateId: { type: Schema.Types.ObjectId },
  state: { type: Buffer },
  version: { type: Number, default: 0 },
  updatedAt: { type: Date, default: () => new Date() },
});
// One row per version: writing version n + 1 is an insert that only one writer can win (ADR 018).
snapshotSchema.index({ name: 1, version: 1 }, { unique: true });

const stateSchema = new Schema<StateDoc>({ state: { type: Buffer, required: true } });

export const DocumentUpdateModel = defineModel<UpdateDoc>("DocumentUpdate", updateSchema);
export const DocumentSnapshotModel = defineModel<SnapshotDoc>("DocumentSnapshot", snapshotSchema);
export const DocumentStateModel = defineModel<StateDoc>("DocumentState", stateSchema);

// Lean reads return BSON Binary values, not Buffers: take exactly the stored bytes.
export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  const binary = value as { buffer: Uint8Array; position: number };
  return binary.buffer.subarray(0, binary.position);
}

export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** The snapshot's version (0: none yet), for the next compaction's guarded write. */
  snapshotVersion: number;
  updates: { id: string; update: Uint8Array }[];
}

/** A document's newest snapshot: its state and version. */
export interface Snapshot {
  state: Uint8Array;
  version: number;
}

/**
 * How many times a read of the newest snapshot starts again when a newer version's sweep took
 * the state of the one it found (each time means a newer version is in).
 */
const NEWEST_READS = 20;

/**
 * A document's newest snapshot, or null before its first. The version rows are a few bytes
 * each, so finding the newest reads no state; its state is then read by `_id` (ADR 026). A
 * sweep deletes a version's state only once a newer version is in, so when the state is gone
 * the read looks again: a newer row means it was swept, and the read starts over. The same row
 * still newest means no sweep took it: its writer was told the row's insert failed (a timeout,
 * say) when in fact it was in, and deleted the state. That writer compacted nothing (its log
 * entries and the version before are kept), so the row is deleted and the read starts over
 * (ADR 026, amended): otherwise the document could never load again.
 */
export async function readNewestSnapshot(name: string): Promise<Snapshot | null> {
  for (let read = 0; read < NEWEST_READS; read++) {
    const row = await newestSnapshotRow(name);
    if (!row) return null;
    const version = row.version ?? 0;
    if (!row.stateId) return { state: toBytes(row.state), version };
    const stored = await DocumentStateModel.findOne({ _id: row.stateId }).lean();
    if (stored) return { state: toBytes(stored.state), version };
    const again = await newestSnapshotRow(name);
    if (again?._id.equals(row._id)) {
      console.warn(`The snapshot of ${name}, version ${version}, lost its state: deleting it.`);
      await DocumentSnapshotModel.collection.deleteOne({ _id: row._id });
    }
  }
  throw new Error(`The snapshot of ${name} was replaced under ${NEWEST_READS} reads.`);
}

/** The newest version row of a document (a few bytes: its state is read apart). */
function newestSnapshotRow(name: string) {
  return DocumentSnapshotModel.findOne({ name }).sort({ version: -1 }).lean();
}

/** Everything stored for a document: its snapshot (if any) and the updates logged since. */
export async function loadStoredDocument(name: string): Promise<StoredDocument> {
  const [snapshot, updates] = await Promise.all([
    readNewestSnapshot(name),
    DocumentUpdateModel.find({ name }).sort({ _id: 1 }).lean(),
  ]);
  return {
    snapshot: snapshot?.state ?? null,
    snapshotVersion: snapshot?.version ?? 0,
    updates: updates.map((u) => ({ id: u._id.toString(), update: toBytes(u.update) })),
  };
}

/** One entry of the update log: an update of the named document. */
export interface LogEntry {
  name: string;
  update: Uint8Array;
}

/** How many of `entries` an ordered insert that failed part-way did write (0 if unknown). */
function writtenBefore(error: unknown): number {
  const count = (error as { insertedCount?: unknown })?.insertedCount;
  return typeof count === "number" && Number.isSafeInteger(count) && count > 0 ? count : 0;
}

/** An insert that failed after writing the first `written` entries (in order). */
export class PartialLogWrite extends Error {
  constructor(
    readonly written: string[],
    readonly cause: unknown,
  ) {
    super("The update log was written only in part.");
  }
}

/**
 * Appends entries of any number of documents to the log in one round trip, in order; resolves
 * with their ids once the database has them. The ids are made here, so a failure part-way says
 * exactly which entries are in (PartialLogWrite). The driver is used directly: these are
 * already-validated bytes on the hottest write path (ADR 020).
 */
export async function appendLogEntries(entries: LogEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const now = new Date();
  const docs = entries.map((e) => ({
    _id: new Types.ObjectId(),
    name: e.name,
    update: Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength),
    createdAt: now,
  }));
  const ids = docs.map((d) => d._id.toString());
  try {
    await DocumentUpdateModel.collection.insertMany(docs, { ordered: true });
  } catch (error) {
    const written = writtenBefore(error);
    if (written > 0) throw new PartialLogWrite(ids.slice(0, written), error);
    throw error;
  }
  return ids;
}

/** Appends updates of one document to the log in one round trip. */
export function appendUpdates(name: string, updates: Uint8Array[]): Promise<string[]> {
  return appendLogEntries(updates.map((update) => ({ name, update })));
}

/**
 * What a compaction leaves behind to delete: the log entries it folded into the snapshot, and
 * the snapshot versions older than the one it wrote. At once by default; the collab server
 * hands them to its LogTrim, which deletes every document's together later (ADR 024).
 */
export interface Leftovers {
  entries(name: string, ids: string[]): Promise<void> | void;
  snapshotsBefore(name: string, version: number): Promise<void> | void;
}

/** Deletes some of a document's log entries now. */
export async function deleteLogEntries(name: string, ids: string[]): Promise<void> {
  await DocumentUpdateModel.deleteMany({ name, _id: op({ $in: ids }) });
}

/** The filter of a document's snapshot rows older than `version` (and rows from before ADR 018). */
export function snapshotsBeforeFilter(name: string, version: number) {
  return { name, $or: [{ version: op({ $lt: version }) }, { version: op({ $exists: false }) }] };
}

/**
 * Deletes the snapshot rows matching any of `filters`, and their states. The rows are read once
 * (a few bytes each), then states and rows are deleted one `_id` at a time in one command each,
 * which the embedded FerretDB looks up in SQLite instead of reading every row (ADR 026). States
 * go first: a crash in between leaves rows whose states are gone, which only a read of an older
 * version than the newest could meet, and the next sweep deletes them.
 */
export async function deleteSnapshotRows(filters: object[]): Promise<void> {
  if (filters.length === 0) return;
  const rows = await DocumentSnapshotModel.find(op({ $or: filters }))
    .select({ _id: 1, stateId: 1 })
    .lean();
  const stateIds = rows.flatMap((row) => (row.stateId ? [row.stateId] : []));
  await deleteByIds(DocumentStateModel, stateIds);
  await deleteByIds(
    DocumentSnapshotModel,
    rows.map((row) => row._id),
  );
}

/** Deletes records by `_id`, each looked up on its own, in one round trip. */
async function deleteByIds(
  model: Model<SnapshotDoc> | Model<StateDoc>,
  ids: Types.ObjectId[],
): Promise<void> {
  if (ids.length === 0) return;
  await model.collection.bulkWrite(
    ids.map((_id) => ({ deleteOne: { filter: { _id } } })),
    { ordered: false },
  );
}

/** Deletes a document's snapshot versions older than `version` now. */
export async function deleteSnapshotsBefore(name: string, version: number): Promise<void> {
  await deleteSnapshotRows([snapshotsBeforeFilter(name, version)]);
}

export const DELETE_AT_ONCE: Leftovers = {
  entries: deleteLogEntries,
  snapshotsBefore: deleteSnapshotsBefore,
};

/**
 * Writes `state` (which must contain every update in `compactedIds`) into the snapshot, merged
 * with whatever another process wrote since `knownVersion` (models/document-log/snapshot-write.ts),
 * then has those updates and the older snapshot versions deleted (see Leftovers). Resolves with
 * the snapshot's new version.
 */
export async function compactDocument(
  name: string,
  state: Uint8Array,
  compactedIds: string[],
  knownVersion = 0,
  leftovers: Leftovers = DELETE_AT_ONCE,
): Promise<number> {
  const version = await writeSnapshot(name, state, knownVersion, leftovers);
  if (compactedIds.length > 0) await leftovers.entries(name, compactedIds);
  return version;
}

/**
 * Before ADR 018 a snapshot's name alone was unique; versions need (name, version). Drops the
 * old index if a database still has it (once; harmless when it does not).
 */
export async function migrateSnapshotIndexes(): Promise<void> {
  await dropOldIndex(DocumentSnapshotModel.collection, "name_1", (index) => !!index.unique);
}

import { Schema, Types } from "mongoose";
import { op, defineModel, dropOldIndex } from "../mongoose.ts";
// Used only inside functions, so the two modules may import each other.
import { writeSnapshot } from "./snapshot-write.ts";
import {
  findVersionRow,
  newestVersionRow,
  sweepStatesBefore,
  type VersionRow,
} from "./snapshot-versions.ts";

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
  /** `<name>@<version>`: every read and write of a version is by `_id` (ADR 035). */
  _id: string;
  name: string;
  /** The version's state, in `documentstates` (ADR 026); cleared once swept. */
  stateId?: Types.ObjectId;
  /** 1, 2, 3…: a compaction writes the version after the one it knows (ADR 018). */
  version: number;
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
  _id: { type: String, required: true },
  name: { type: String, required: true },
  stateId: { type: Schema.Types.ObjectId },
  version: { type: Number, required: true },
  updatedAt: { type: Date, default: () => new Date() },
});
// No other index: the row's `_id` is the version's slot, taken once (ADR 035).

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

/** A Yjs update with nothing in it (no structs, no deletions). */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * A document's newest snapshot, or null before its first: the newest version row, found by
 * `_id` (ADR 035), then its state by `_id` (ADR 026). A sweep deletes a version's state only
 * once a newer version is in, so when the state is gone the read looks for a newer version
 * and starts over from it. `atLeast` is a version the caller knows exists.
 */
export async function readNewestSnapshot(name: string, atLeast = 1): Promise<Snapshot | null> {
  let from = atLeast;
  for (let read = 0; read < NEWEST_READS; read++) {
    const row = await newestVersionRow(name, from);
    if (!row) return null;
    const state = await stateOf(row);
    if (state) return { state, version: row.version };
    const newer = await findVersionRow(name, row.version + 1);
    if (!newer) return lastKeptState(name, row.version);
    from = newer.version;
  }
  throw new Error(`The snapshot of ${name} was replaced under ${NEWEST_READS} reads.`);
}

/** A version's state, read by `_id`; null once swept (or never there). */
async function stateOf(row: VersionRow): Promise<Uint8Array | null> {
  if (!row.stateId) return null;
  const stored = await DocumentStateModel.findOne({ _id: row.stateId }).lean();
  return stored ? toBytes(stored.state) : null;
}

/**
 * The newest version lost its state with nothing newer: never by this code (a state goes only
 * once a newer version is in), so by hand or by an old bug. The newest older state still there
 * stands in, under the newest version's number so that the next compaction writes after it.
 */
async function lastKeptState(name: string, newest: number): Promise<Snapshot> {
  console.warn(`The snapshot of ${name}, version ${newest}, lost its state: loading an older one.`);
  // States not yet swept sit just below the newest; the first swept row ends them.
  for (let older = newest - 1; older >= 1; older--) {
    const row = await findVersionRow(name, older);
    if (!row?.stateId) break;
    const state = await stateOf(row);
    if (state) return { state, version: newest };
  }
  return { state: EMPTY_UPDATE, version: newest };
}

/** A log entry as read (lean): its id and its update's bytes. */
function entryOf(row: { _id: Types.ObjectId; update: unknown }): {
  id: string;
  update: Uint8Array;
} {
  return { id: row._id.toString(), update: toBytes(row.update) };
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
    updates: updates.map(entryOf),
  };
}

/** A document's log as another process's updates are checked against it (ADR 041). */
export interface LogRead {
  /** Every entry the log holds for the document now. */
  ids: string[];
  /** The entries among them that were not `known`, with their updates. */
  entries: { id: string; update: Uint8Array }[];
}

/**
 * Which entries a document's log holds (one read by `name`, ids only), and the updates of those
 * not in `known` (one read by `_id`; none when there are none).
 */
export async function readLogSince(name: string, known: ReadonlySet<string>): Promise<LogRead> {
  const rows = await DocumentUpdateModel.find({ name }, { _id: 1 }).lean();
  const ids = rows.map((row) => row._id.toString());
  const fresh = ids.filter((id) => !known.has(id));
  if (fresh.length === 0) return { ids, entries: [] };
  const entries = await DocumentUpdateModel.find({ _id: op({ $in: fresh }) }).lean();
  return { ids, entries: entries.map(entryOf) };
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

/** Deletes the states of a document's snapshot versions older than `version` now (ADR 035). */
export async function deleteSnapshotsBefore(name: string, version: number): Promise<void> {
  await sweepStatesBefore(name, version);
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

import * as Y from "yjs";
import { Types } from "mongoose";
import {
  DELETE_AT_ONCE,
  DocumentSnapshotModel,
  DocumentStateModel,
  readNewestSnapshot,
  type Leftovers,
} from "./document-log.ts";
import { versionRowId } from "./snapshot-versions.ts";

/**
 * Retries after other processes wrote in between; each retry merges what they wrote. Each
 * round has a winner, so N processes compacting one document at once need at most N rounds.
 */
const MAX_ATTEMPTS = 50;

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === 11000;
}

/**
 * Inserts `state` as version `version`; false when another writer already has that version.
 * The state goes in first, under its own `_id`, and the version row naming it second (ADR 026):
 * a reader never finds a row whose state is not in yet. A writer that lost (a duplicate key: the
 * row is certainly not in) deletes its state again. Any other failure keeps the state: a timeout
 * may come after the row went in, and a row without its state would stop the document loading
 * (ADR 026, amended). A state no row names is never read, costing only its bytes.
 */
async function insertVersion(name: string, state: Uint8Array, version: number): Promise<boolean> {
  const stateId = new Types.ObjectId();
  await DocumentStateModel.collection.insertOne({ _id: stateId, state: Buffer.from(state) });
  try {
    await DocumentSnapshotModel.create({
      _id: versionRowId(name, version),
      name,
      stateId,
      version,
    });
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // Best effort: a state left behind is never read, and the lost race is what to tell.
    await DocumentStateModel.collection.deleteOne({ _id: stateId }).catch(() => undefined);
    return false;
  }
}

/**
 * Writes a document's snapshot, never leaving less than it had (ADR 018). A process writes the
 * version after the one it last read or wrote; a version is a row whose `_id` names it (ADR
 * 035), so only one writer can insert it (an `_id` is unique on MongoDB and on the embedded
 * FerretDB alike; a conditional update is not atomic on the latter). Rows are never deleted, so
 * a writer that wins version n knows nothing newer exists. A writer that lost reads the newest
 * version, merges it into its state (Yjs updates merge without loss) and tries the next. In one
 * process the first insert wins: the state's insert, the version row's insert, and the deletes
 * of the states it replaces (now, or at the next log sweep: `leftovers`). Resolves with the
 * version written.
 */
export async function writeSnapshot(
  name: string,
  state: Uint8Array,
  knownVersion: number,
  leftovers: Pick<Leftovers, "snapshotsBefore"> = DELETE_AT_ONCE,
): Promise<number> {
  let merged = state;
  let version = knownVersion + 1;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (await insertVersion(name, merged, version)) {
      // Older versions are contained in this one; their states can go.
      await leftovers.snapshotsBefore(name, version);
      return version;
    }
    // A short random pause, so writers that lost together do not collide again in lockstep.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
    // The version this writer lost exists: the newest is at or after it.
    const newest = await readNewestSnapshot(name, version);
    merged = newest ? Y.mergeUpdates([newest.state, state]) : state;
    version = (newest?.version ?? 0) + 1;
  }
  throw new Error(`The snapshot of ${name} kept changing under ${MAX_ATTEMPTS} compactions.`);
}

/**
 * Stores a never-stored document's seed as its first snapshot, once: when two processes load
 * the same new document together, only one can insert version 1; the other is told false (and
 * loads what the first stored). Resolves true when this call stored it.
 */
export async function seedSnapshot(name: string, seed: Uint8Array): Promise<boolean> {
  return insertVersion(name, seed, 1);
}

import * as Y from "yjs";
import { op } from "../mongoose.ts";
import { DELETE_AT_ONCE, DocumentSnapshotModel, toBytes, type Leftovers } from "./document-log.ts";

/**
 * Retries after other processes wrote in between; each retry merges what they wrote. Each
 * round has a winner, so N processes compacting one document at once need at most N rounds.
 */
const MAX_ATTEMPTS = 50;

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === 11000;
}

/** Inserts `state` as version `version`; false when another writer already has that version. */
async function insertVersion(name: string, state: Uint8Array, version: number): Promise<boolean> {
  try {
    await DocumentSnapshotModel.create({ name, state: Buffer.from(state), version });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Writes a document's snapshot, never leaving less than it had (ADR 018). Snapshots are
 * versioned rows with a unique (name, version): a process writes the version after the one it
 * last read or wrote, and only one writer can insert a given version (a unique index is atomic
 * on MongoDB and on the embedded FerretDB alike; a conditional update is not atomic on the
 * latter). A writer that lost reads the newest version, merges it into its state (Yjs updates
 * merge without loss) and tries the next. In one process the first insert wins: one insert and
 * one delete of the versions it replaces (now, or at the next log sweep: `leftovers`). Resolves
 * with the version written.
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
    // A version's row goes once a newer one is in, so an insert can win a slot already passed:
    // it counts only if nothing newer exists (the newer row was inserted before the older was
    // deleted, so it is visible now).
    if (
      (await insertVersion(name, merged, version)) &&
      !(await DocumentSnapshotModel.exists({ name, version: op({ $gt: version }) }))
    ) {
      // Older versions are contained in this one. (A row left by a failed or later delete is
      // harmless: loading takes the newest.)
      await leftovers.snapshotsBefore(name, version);
      return version;
    }
    // A short random pause, so writers that lost together do not collide again in lockstep.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
    const newest = await DocumentSnapshotModel.findOne({ name }).sort({ version: -1 }).lean();
    merged = newest ? Y.mergeUpdates([toBytes(newest.state), state]) : state;
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

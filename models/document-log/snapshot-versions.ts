import { Types } from "mongoose";
import { claimDecision, decisionOutcome } from "../decision-slot.ts";
import { dropOldIndex } from "../mongoose.ts";
import { DocumentSnapshotModel, DocumentStateModel } from "./document-log.ts";

/**
 * A document's snapshot versions are rows whose `_id` is `<name>@<version>` (ADR 035), so
 * every read and write of them is by `_id` alone: the only filter the embedded FerretDB answers
 * through SQLite's `_id` index (ADR 036) instead of unpacking every row of the collection.
 *
 * Versions are numbered from 1 with no gap: a writer inserts the version after one it read or
 * wrote, and rows are never deleted (a sweep deletes a replaced version's state and clears the
 * row's `stateId`). So the rows of a document are exactly 1…newest, and the newest is found by
 * galloping up from a version known to exist, then halving: about 2·log₂(versions) reads by
 * `_id`, whatever else the database holds. Inserting a version's row is the once-only decision
 * (a duplicate `_id` loses), and a slot once taken stays taken: a writer that wins version n
 * knows no version after n exists.
 */

export function versionRowId(name: string, version: number): string {
  return `${name}@${version}`;
}

export interface VersionRow {
  _id: string;
  name: string;
  version: number;
  /** Its state in `documentstates`; cleared once a newer version replaced it and it was swept. */
  stateId?: Types.ObjectId;
}

export async function findVersionRow(name: string, version: number): Promise<VersionRow | null> {
  if (version < 1) return null;
  return DocumentSnapshotModel.collection.findOne({
    _id: versionRowId(name, version),
  } as never) as Promise<VersionRow | null>;
}

/**
 * The newest version row of a document, or null before its first. `atLeast` is a version the
 * caller knows exists (a version it read or lost a race for), or 1.
 */
export async function newestVersionRow(name: string, atLeast = 1): Promise<VersionRow | null> {
  let low = await findVersionRow(name, Math.max(1, atLeast));
  if (!low) return atLeast > 1 ? newestVersionRow(name, 1) : null;
  // Gallop: rows low.version…low.version + step - 1 exist; double until one is missing.
  let step = 1;
  let high: number;
  for (;;) {
    const row = await findVersionRow(name, low.version + step);
    if (!row) {
      high = low.version + step;
      break;
    }
    low = row;
    step *= 2;
  }
  // Halve between a row that exists (low) and one that did not (high).
  while (high - low.version > 1) {
    const middle = Math.floor((low.version + high) / 2);
    const row = await findVersionRow(name, middle);
    if (row) low = row;
    else high = middle;
  }
  // Versions may have been added meanwhile: the one after `low` is the proof it was newest.
  const next = await findVersionRow(name, low.version + 1);
  return next ? newestVersionRow(name, next.version) : low;
}

/**
 * Deletes the states of a document's versions before `version`: from the one before it down to
 * the first already swept (or version 1). Each state goes before its row's `stateId` is
 * cleared, so a crash in between only repeats the delete at the next sweep.
 */
export async function sweepStatesBefore(name: string, version: number): Promise<void> {
  for (let older = version - 1; older >= 1; older--) {
    const row = await findVersionRow(name, older);
    if (!row?.stateId) return;
    await DocumentStateModel.collection.deleteOne({ _id: row.stateId });
    await DocumentSnapshotModel.collection.updateOne({ _id: row._id } as never, {
      $unset: { stateId: "" },
    });
  }
}

const MIGRATED = "migration:snapshot-version-rows";

/** Rows written before ADR 035: an ObjectId `_id`, any version (or none), the state inline or apart. */
interface LegacyRow {
  _id: Types.ObjectId;
  name: string;
  version?: number;
  stateId?: Types.ObjectId;
  state?: unknown;
}

/** Whether a legacy row's state is still there. */
async function hasState(row: LegacyRow): Promise<boolean> {
  if (row.state) return true;
  if (!row.stateId) return false;
  return (await DocumentStateModel.collection.countDocuments({ _id: row.stateId })) > 0;
}

/**
 * Gives every document stored before ADR 035 its version 1 under the new `_id`: the state of
 * its newest row that still has one (moved out of the row if inline), then deletes its old rows
 * and their other states. Idempotent and safe with two processes starting together: only one
 * insert of `<name>@1` wins, and the loser deletes the state it copied.
 */
export async function migrateLegacySnapshotRows(): Promise<void> {
  // The unique (name, version) of ADR 018 would refuse a new row 1 beside an old version 1.
  await dropOldIndex(DocumentSnapshotModel.collection, "name_1_version_1");
  const legacy = (await DocumentSnapshotModel.collection
    .find({ _id: { $type: "objectId" } } as never)
    .toArray()) as unknown as LegacyRow[];
  const byName = new Map<string, LegacyRow[]>();
  for (const row of legacy) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  for (const [name, rows] of byName) {
    rows.sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
    let kept: LegacyRow | undefined;
    for (const row of rows) {
      if (await hasState(row)) {
        kept = row;
        break;
      }
    }
    if (kept) await carryOver(name, kept);
    const others = rows.filter((row) => row !== kept && row.stateId).map((row) => row.stateId!);
    if (others.length > 0)
      await DocumentStateModel.collection.bulkWrite(
        others.map((_id) => ({ deleteOne: { filter: { _id } } })),
        { ordered: false },
      );
    await DocumentSnapshotModel.collection.bulkWrite(
      rows.map((row) => ({ deleteOne: { filter: { _id: row._id } as never } })),
      { ordered: false },
    );
  }
}

/** Writes `<name>@1` naming the kept row's state (copied out first when it was inline). */
async function carryOver(name: string, kept: LegacyRow): Promise<void> {
  let stateId = kept.stateId;
  const copied = !stateId;
  if (!stateId) {
    stateId = new Types.ObjectId();
    await DocumentStateModel.collection.insertOne({ _id: stateId, state: kept.state as Buffer });
  }
  try {
    await DocumentSnapshotModel.collection.insertOne({
      _id: versionRowId(name, 1),
      name,
      version: 1,
      stateId,
      updatedAt: new Date(),
    } as never);
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    // Another process carried it over first.
    if (copied) await DocumentStateModel.collection.deleteOne({ _id: stateId });
  }
}

/** Moves rows from before ADR 035, once per database (on every start until it has finished). */
export async function migrateSnapshotRowsOnce(): Promise<void> {
  if ((await decisionOutcome(MIGRATED)) !== null) return;
  await migrateLegacySnapshotRows();
  await claimDecision(MIGRATED, "done");
}

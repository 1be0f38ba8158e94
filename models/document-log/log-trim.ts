import { setTimeout as sleep } from "node:timers/promises";
import { op } from "../mongoose.ts";
import { DocumentUpdateModel, type Leftovers } from "./document-log.ts";
import { sweepStatesBefore } from "./snapshot-versions.ts";

/**
 * About this many entries are named in one delete (a document's entries stay together): a sweep
 * of thousands is several short deletes (ADR 044), each well under SQLite's bound parameters.
 */
const IDS_PER_DELETE = 500;
/** How many documents' replaced snapshot states are swept at once. */
const SWEEPS_AT_ONCE = 2;
/**
 * A sweep waits this long between its deletes, so that the database's work (and ours) comes in
 * pieces with typing served between them, not in one block of ~100 ms (ADR 044).
 */
export const SWEEP_PAUSE_MS = 25;

/**
 * Log entries that compactions have folded into snapshots, and snapshot versions a newer one
 * replaced, waiting to be deleted: one delete of each every so often for all documents of the
 * process, instead of two per compaction (ADR 024).
 * Each delete of the embedded FerretDB is a transaction of its own (an fsync); the entries are
 * named by `_id` alone, which it reads through its `_id` index (ADR 038) instead of checking
 * every entry of the log. An entry still in the log after its snapshot is harmless (loading is
 * snapshot + log, and Yjs updates apply twice as once): a crash before the sweep leaves it for
 * the next compaction of its document.
 */
export class LogTrim implements Leftovers {
  private due = new Map<string, Set<string>>();
  /** Per document, the newest snapshot version written: older ones go at the sweep. */
  private superseded = new Map<string, number>();
  private sweeping: Promise<void> = Promise.resolve();

  constructor(
    private readonly onError: (error: unknown) => void = console.error,
    private readonly pauseMs = SWEEP_PAUSE_MS,
  ) {}

  /** `ids` of document `name` are in its snapshot: delete them at the next sweep. */
  entries(name: string, ids: string[]): void {
    this.add(name, ids);
  }

  /** Document `name` has snapshot `version`: delete its older versions at the next sweep. */
  snapshotsBefore(name: string, version: number): void {
    this.superseded.set(name, Math.max(version, this.superseded.get(name) ?? 0));
  }

  private add(name: string, ids: string[]): void {
    if (ids.length === 0) return;
    const set = this.due.get(name) ?? new Set<string>();
    for (const id of ids) set.add(id);
    this.due.set(name, set);
  }

  /**
   * Deletes everything added so far (one sweep at a time; a failed delete keeps its entries for
   * the next sweep), pausing `pauseMs` between deletes (none on shutdown). Resolves once every
   * entry added before the call is deleted or kept back.
   */
  sweep(pauseMs = this.pauseMs): Promise<void> {
    this.sweeping = this.sweeping.then(() => this.deleteDue(pauseMs));
    return this.sweeping;
  }

  private async deleteDue(pauseMs: number): Promise<void> {
    await this.deleteSuperseded(pauseMs);
    const due = [...this.due];
    this.due.clear();
    for (const [i, batch] of batches(due).entries()) {
      if (i > 0 && pauseMs > 0) await sleep(pauseMs);
      try {
        // Log entries' ids are unique ObjectIds: the ids alone say which to delete.
        await DocumentUpdateModel.deleteMany({
          _id: op({ $in: batch.flatMap(([, ids]) => ids) }),
        });
      } catch (error) {
        for (const [name, ids] of batch) this.add(name, ids);
        this.onError(error);
      }
    }
  }

  /** Each document's replaced states, by `_id` (ADR 035), a few documents at a time. */
  private async deleteSuperseded(pauseMs: number): Promise<void> {
    const superseded = [...this.superseded];
    this.superseded.clear();
    for (let i = 0; i < superseded.length; i += SWEEPS_AT_ONCE) {
      if (i > 0 && pauseMs > 0) await sleep(pauseMs);
      await Promise.all(
        superseded.slice(i, i + SWEEPS_AT_ONCE).map(async ([name, version]) => {
          try {
            await sweepStatesBefore(name, version);
          } catch (error) {
            this.snapshotsBefore(name, version);
            this.onError(error);
          }
        }),
      );
    }
  }
}

/** Documents' entries in groups of about IDS_PER_DELETE (a document's entries stay together). */
function batches(due: [string, Set<string>][]): [string, string[]][][] {
  const groups: [string, string[]][][] = [];
  let group: [string, string[]][] = [];
  let size = 0;
  for (const [name, ids] of due) {
    if (size > 0 && size + ids.size > IDS_PER_DELETE) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push([name, [...ids]]);
    size += ids.size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

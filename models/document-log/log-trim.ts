import { op } from "../mongoose.ts";
import { DocumentUpdateModel, type Leftovers } from "./document-log.ts";
import { sweepStatesBefore } from "./snapshot-versions.ts";

/** At most this many entries are named in one delete (bound parameters of one SQLite query). */
const IDS_PER_DELETE = 2000;
/** How many documents' replaced snapshot states are swept at once. */
const SWEEPS_AT_ONCE = 8;

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

  constructor(private readonly onError: (error: unknown) => void = console.error) {}

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
   * the next sweep). Resolves once every entry added before the call is deleted or kept back.
   */
  sweep(): Promise<void> {
    this.sweeping = this.sweeping.then(() => this.deleteDue());
    return this.sweeping;
  }

  private async deleteDue(): Promise<void> {
    await this.deleteSuperseded();
    const due = [...this.due];
    this.due.clear();
    for (const batch of batches(due)) {
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
  private async deleteSuperseded(): Promise<void> {
    const superseded = [...this.superseded];
    this.superseded.clear();
    for (let i = 0; i < superseded.length; i += SWEEPS_AT_ONCE) {
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

import { Schema, type Model, type Types } from "mongoose";
import { claimDecision, decisionOutcome } from "./decision-slot.ts";
import { isDuplicateKey } from "./errors.ts";
import { defineModel, isObjectId } from "./mongoose.ts";
import { processWide } from "./process-wide.ts";

/**
 * The ids of the records an owner has (a person's memberships, ADR 033; an evaluation's
 * snapshots, ADR 037), kept under the owner's id. The embedded FerretDB answers a filter on
 * anything but `_id` by reading the whole collection, records of every trust, so a read that
 * runs on every page or socket reads the owner's list by `_id` and then each record by `_id`.
 * The records stay the one truth: a list is derived from them and rebuilt after every change,
 * and a record deleted a moment ago is simply not found.
 */
interface IdListDoc {
  _id: Types.ObjectId;
  builtAt: Date;
  [field: string]: unknown;
}

/** What a list is built from: the ids of the owner's records, read from the records. */
export type IdsOf = (ownerId: string) => Promise<string[]>;

/** Every record's id and owner, from one read of all the records. */
export type AllRecords = () => Promise<{ id: string; ownerId: string }[]>;

const sameIds = (a: string[], b: string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** Rebuilds are retried this often at most when other changes to the owner keep landing. */
const MAX_REBUILDS = 10;

export class IdList {
  private readonly model: Model<IdListDoc>;
  /** Set once this process has seen the migration done (never undone in a database). */
  private readonly seen: { done: boolean };

  /**
   * `modelName`: the lists' mongoose model; `field`: the field holding the ids; `migration`:
   * the decision slot that says every owner has a list.
   */
  constructor(
    modelName: string,
    private readonly field: string,
    private readonly migration: string,
  ) {
    const schema = new Schema<IdListDoc>({
      _id: { type: Schema.Types.ObjectId, required: true },
      [field]: { type: [Schema.Types.ObjectId], default: [] },
      builtAt: { type: Date, required: true },
    });
    this.model = defineModel<IdListDoc>(modelName, schema);
    this.seen = processWide(`${modelName}-migrated`, () => ({ done: false }));
  }

  /**
   * Rebuilds the owner's list after a change to their records. Two changes at once each write
   * a list, and the one written last may have been read before the other's record existed; so
   * each writer reads the records again after writing and writes again until the stored list is
   * what the records say. The last write is followed by its writer's check, which sees every
   * record written before it.
   */
  async rebuild(ownerId: string, idsOf: IdsOf): Promise<void> {
    if (!isObjectId(ownerId)) return;
    for (let attempt = 0; attempt < MAX_REBUILDS; attempt++) {
      const ids = await idsOf(ownerId);
      await this.write(ownerId, ids);
      const stored = await this.read(ownerId);
      const now = await idsOf(ownerId);
      if (stored && sameIds(stored, now)) return;
    }
    throw new Error(`The list ${this.field} of ${ownerId} kept changing while it was rebuilt.`);
  }

  private async write(ownerId: string, ids: string[]): Promise<void> {
    const doc = { _id: ownerId, [this.field]: ids, builtAt: new Date() };
    try {
      await this.model.replaceOne({ _id: ownerId }, doc, { upsert: true });
    } catch (error) {
      // Two first lists at once: one insert won; the caller's check reads it and writes again.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  private async read(ownerId: string): Promise<string[] | null> {
    const doc = await this.model.findOne({ _id: ownerId }).lean();
    return doc ? (doc[this.field] as Types.ObjectId[]).map((id) => id.toString()) : null;
  }

  /**
   * The ids of the owner's records, from their list: read by `_id`. Until every owner has a
   * list (a database from before, while its migration runs), from the records (`fallback`).
   */
  async idsOf(ownerId: string, fallback: IdsOf): Promise<string[]> {
    if (!isObjectId(ownerId)) return [];
    const [list, done] = await Promise.all([
      this.read(ownerId),
      this.seen.done || this.migrationDone(),
    ]);
    if (done) return list ?? [];
    return fallback(ownerId);
  }

  private async migrationDone(): Promise<boolean> {
    this.seen.done = (await decisionOutcome(this.migration)) !== null;
    return this.seen.done;
  }

  /**
   * Gives every owner with a record their list (once per database; on every start until it has
   * finished). Lists are written from one read of all records, then checked against a fresh
   * read and rewritten where a change landed meanwhile, until a read finds nothing to fix: the
   * same write-then-check as a single rebuild, for every owner at once. Idempotent, so a start
   * that dies part-way only repeats work.
   */
  async migrate(all: AllRecords): Promise<void> {
    if (await this.migrationDone()) return;
    for (let attempt = 0; attempt < MAX_REBUILDS; attempt++) {
      const wanted = new Map<string, string[]>();
      for (const { id, ownerId } of await all())
        wanted.set(ownerId, [...(wanted.get(ownerId) ?? []), id]);
      const stored = new Map(
        (await this.model.find({}).lean()).map((doc) => [
          doc._id.toString(),
          (doc[this.field] as Types.ObjectId[]).map((id) => id.toString()),
        ]),
      );
      for (const ownerId of stored.keys()) if (!wanted.has(ownerId)) wanted.set(ownerId, []);
      const stale = [...wanted].filter(([owner, ids]) => !sameIds(stored.get(owner) ?? [], ids));
      if (stale.length === 0) {
        await claimDecision(this.migration, "done");
        this.seen.done = true;
        return;
      }
      for (const [ownerId, ids] of stale) await this.write(ownerId, ids);
    }
    throw new Error(`Records kept changing while every ${this.field} list was written.`);
  }

  /** Forgets that the migration was seen done (tests that start from an older database). */
  forgetMigrationSeen(): void {
    this.seen.done = false;
  }
}

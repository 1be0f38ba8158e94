import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { claimDecision, decisionOutcome } from "../decision-slot.ts";
import { isDuplicateKey } from "../errors.ts";
import { defineModel, isObjectId } from "../mongoose.ts";
import { processWide } from "../process-wide.ts";

/**
 * Which memberships a person has, kept under the person's id (ADR 033): every request and every
 * collab socket asks for the signed-in person's grants, and the embedded FerretDB answers a
 * filter on anything but `_id` by reading the whole collection (every person of every trust).
 * Derived from the memberships themselves and rebuilt from them after every change, so the
 * memberships stay the one record of who holds which role: the list is read by `_id`, then each
 * membership by `_id`, and a membership removed a moment ago is simply not found.
 */
interface MembershipListDoc {
  _id: Types.ObjectId;
  membershipIds: Types.ObjectId[];
  builtAt: Date;
}

const membershipListSchema = new Schema<MembershipListDoc>({
  _id: { type: Schema.Types.ObjectId, required: true },
  membershipIds: { type: [Schema.Types.ObjectId], default: [] },
  builtAt: { type: Date, required: true },
});

const MembershipListModel = defineModel<MembershipListDoc>("MembershipList", membershipListSchema);

/** What a list is built from: the ids of the person's memberships, read from the memberships. */
export type MembershipIdsOf = (userId: string) => Promise<string[]>;

const sameIds = (a: string[], b: string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** Rebuilds are retried this often at most when other changes to the person keep landing. */
const MAX_REBUILDS = 10;

/**
 * Rebuilds the person's list after a change to their memberships. Two changes at once (two roles
 * granted in parallel) each write a list, and the one written last may have been read before the
 * other's membership existed; so each writer reads the memberships again after writing and
 * writes again until the stored list is what the memberships say. The last write is followed by
 * its writer's check, which sees every membership written before it.
 */
export async function rebuildMembershipList(userId: string, idsOf: MembershipIdsOf): Promise<void> {
  if (!isObjectId(userId)) return;
  for (let attempt = 0; attempt < MAX_REBUILDS; attempt++) {
    const ids = await idsOf(userId);
    await writeList(userId, ids);
    const stored = await readList(userId);
    const now = await idsOf(userId);
    if (stored && sameIds(stored, now)) return;
  }
  throw new Error(`The membership list of ${userId} kept changing while it was rebuilt.`);
}

async function writeList(userId: string, ids: string[]): Promise<void> {
  const doc = { _id: userId, membershipIds: ids, builtAt: new Date() };
  try {
    await MembershipListModel.replaceOne({ _id: userId }, doc, { upsert: true });
  } catch (error) {
    // Two first lists at once: one insert won; the caller's check reads it and writes again.
    if (!isDuplicateKey(error)) throw error;
  }
}

async function readList(userId: string): Promise<string[] | null> {
  const doc = await MembershipListModel.findOne({ _id: userId }).lean();
  return doc ? doc.membershipIds.map((id) => id.toString()) : null;
}

const MIGRATED = "migration:membership-lists";
/** Set once this process has seen the migration done (never undone in a database). */
const seen = processWide("membership-lists-migrated", () => ({ done: false }));

/**
 * The ids of the person's memberships, from their list: read by `_id`. Until every person has a
 * list (a database from before ADR 033, while its migration runs), from the memberships.
 */
export async function membershipIdsOf(userId: string, fallback: MembershipIdsOf) {
  if (!isObjectId(userId)) return [];
  const [list, done] = await Promise.all([readList(userId), seen.done || migrationDone()]);
  if (done) return list ?? [];
  return fallback(userId);
}

async function migrationDone(): Promise<boolean> {
  seen.done = (await decisionOutcome(MIGRATED)) !== null;
  return seen.done;
}

/** Every membership's id and person, from one read of all memberships. */
export type AllMemberships = () => Promise<{ id: string; userId: string }[]>;

/**
 * Gives every person with a membership their list (once per database; on every start until it
 * has finished). Lists are written from one read of all memberships, then checked against a
 * fresh read and rewritten where a change landed meanwhile, until a read finds nothing to fix:
 * the same write-then-check as a single rebuild, for everyone at once. Idempotent, so a start
 * that dies part-way only repeats work.
 */
export async function migrateMembershipLists(all: AllMemberships): Promise<void> {
  if (await migrationDone()) return;
  for (let attempt = 0; attempt < MAX_REBUILDS; attempt++) {
    const wanted = new Map<string, string[]>();
    for (const { id, userId } of await all())
      wanted.set(userId, [...(wanted.get(userId) ?? []), id]);
    const stored = new Map(
      (await MembershipListModel.find({}).lean()).map((doc) => [
        doc._id.toString(),
        doc.membershipIds.map((id) => id.toString()),
      ]),
    );
    for (const userId of stored.keys()) if (!wanted.has(userId)) wanted.set(userId, []);
    const stale = [...wanted].filter(([userId, ids]) => !sameIds(stored.get(userId) ?? [], ids));
    if (stale.length === 0) {
      await claimDecision(MIGRATED, "done");
      seen.done = true;
      return;
    }
    for (const [userId, ids] of stale) await writeList(userId, ids);
  }
  throw new Error("Memberships kept changing while every person's list was written.");
}

/** Forgets that the migration was seen done (tests that start from an older database). */
export function forgetMigrationSeen(): void {
  seen.done = false;
}

import { Schema } from "mongoose";
import { DECISION_WRITE, defineModel, op } from "../mongoose.ts";
import type { AuditAction } from "./sentences.ts";
import { claimDecision, decisionOutcome } from "../decision-slot.ts";
import { isDuplicateKey } from "../errors.ts";
import { checkedThrough } from "./check-record.ts";
import { GENESIS, auditKey, hashEntry, type AuditFacts, type ChainedEntry } from "./chain.ts";
import { makeAppendOnly } from "../immutable.ts";

/**
 * The append-only, hash-chained audit log of decisions and security events (assignments,
 * agreed judgements, outcomes, sign-ins, role changes). One chain for the whole installation:
 * a unique sequence number makes two simultaneous appends take turns instead of forking it.
 */
interface AuditDoc extends Omit<ChainedEntry, "details"> {
  details: Record<string, string | number | boolean | null>;
  /** auditKey(seq): how entries are found (ADR 055). Not part of the hash. */
  key: string;
}

const auditSchema = new Schema<AuditDoc>({
  seq: { type: Number, required: true, unique: true },
  // Not unique (seq is): entries written before keys existed have none until migrated.
  key: { type: String, required: true, index: true },
  trustId: { type: String, default: null, index: true },
  actorId: { type: String, default: null },
  action: { type: String, required: true },
  subject: { type: String, required: true },
  details: { type: Schema.Types.Mixed, default: {} },
  at: { type: Date, required: true },
  prevHash: { type: String, required: true },
  hash: { type: String, required: true },
});

// Nothing in the app changes or removes an entry; verification catches anything else that does.
makeAppendOnly(auditSchema, () => new Error("The audit log is append-only."));

export const AuditModel = defineModel<AuditDoc>("AuditEntry", auditSchema);

// The highest sequence number ever issued, kept apart from the entries, so that removing the
// newest entries is detected too (the chain alone cannot show a cut-off tail).
const auditHeadSchema = new Schema<{ _id: string; seq: number }>({
  _id: { type: String },
  seq: { type: Number, default: 0 },
});
export const AuditHeadModel = defineModel("AuditHead", auditHeadSchema);

function toEntry(doc: AuditDoc): ChainedEntry {
  return {
    seq: doc.seq,
    trustId: doc.trustId ?? null,
    actorId: doc.actorId ?? null,
    action: doc.action,
    subject: doc.subject,
    details: doc.details ?? {},
    at: new Date(doc.at),
    prevHash: doc.prevHash,
    hash: doc.hash,
  };
}

/** Keys to read at once: FerretDB narrows `$in` of up to 10,000 strings through the index. */
const KEYS_AT_ONCE = 1000;

function keysFrom(first: number, last: number): string[] {
  const keys: string[] = [];
  for (let seq = Math.max(1, first); seq <= last; seq++) keys.push(auditKey(seq));
  return keys;
}

/**
 * The entries numbered `first` to `last` that exist (of `trustId` only, if given), in sequence
 * order: one read by key, however long the log.
 */
export async function entriesBetween(
  first: number,
  last: number,
  trustId?: string,
): Promise<ChainedEntry[]> {
  const keys = keysFrom(first, last);
  if (keys.length === 0) return [];
  const docs = await AuditModel.find({
    key: op({ $in: keys }),
    ...(trustId === undefined ? {} : { trustId }),
  }).lean();
  return docs.map(toEntry).sort((a, b) => a.seq - b.seq);
}

/** The end of the chain: its newest entry, and the highest sequence number ever issued. */
export interface ChainEnd {
  last: ChainedEntry | null;
  /** Above `last.seq` only if the newest entries were removed: their numbers stay taken. */
  issued: number;
}

/**
 * The end of the chain, found from the head by key: the head is written after its entry, so it
 * may be a few behind (an append under way, or one that stopped between the two writes);
 * whatever follows it is read on, a batch at a time.
 */
export async function chainEnd(): Promise<ChainEnd> {
  const [head, checked] = await Promise.all([
    AuditHeadModel.findById("head").lean(),
    checkedThrough(),
  ]);
  // The head's `$max` is not atomic on the embedded FerretDB: appends racing may leave it behind.
  // What a whole check has read is taken too, so a removed entry it saw stays missing.
  const headSeq = Math.max(head?.seq ?? 0, checked);
  let seq = headSeq;
  let last: ChainedEntry | null = null;
  for (;;) {
    const end = seq + 16;
    const found = new Map((await entriesBetween(seq, end)).map((e) => [e.seq, e]));
    if (seq > 0 && last === null) {
      last = found.get(seq) ?? null;
      // The head's own entry is not there: removed, or written before keys existed (ADR 055).
      if (last === null) {
        last = await lastEntryBySorting();
        return { last, issued: Math.max(headSeq, last?.seq ?? 0) };
      }
    }
    while (seq < end && found.has(seq + 1)) last = found.get(++seq)!;
    if (seq < end) return { last, issued: Math.max(headSeq, seq) };
  }
}

/** The newest entry by sorting the whole log: only when the keys cannot say (see chainEnd). */
async function lastEntryBySorting(): Promise<ChainedEntry | null> {
  const doc = await AuditModel.findOne({}).sort({ seq: -1 }).lean();
  return doc ? toEntry(doc) : null;
}

/**
 * Raises the head to `seq`. The first appends of an installation create it, and two creating it at
 * once clash on its `_id`: the one that lost raises the head the other created.
 */
async function raiseHead(seq: number): Promise<void> {
  const raise = (upsert: boolean) =>
    AuditHeadModel.updateOne({ _id: "head" }, { $max: { seq } }, { upsert, ...DECISION_WRITE });
  try {
    await raise(true);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await raise(false);
  }
}

/** Appends one entry (written with majority, journaled) and returns it. */
export async function recordAudit(
  // Typed by the sentences: an action nobody can read in the log does not compile.
  facts: Omit<AuditFacts, "at" | "action"> & { action: AuditAction; at?: Date },
): Promise<ChainedEntry> {
  const full: AuditFacts = { ...facts, at: facts.at ?? new Date() };
  // After two clashes, the keys may be missing an entry (an older process wrote it without one):
  // the newest entry is then found by sorting.
  let keysMayMissSome = false;
  for (let attempt = 0; attempt < 20; attempt++) {
    const { last, issued } = await chainEnd();
    const newest = keysMayMissSome ? await lastEntryBySorting() : last;
    // A removed newest entry's number stays taken, so its removal stays visible.
    const seq = Math.max(issued, newest?.seq ?? 0) + 1;
    const prevHash = newest?.hash ?? GENESIS;
    const entry: ChainedEntry = { ...full, seq, prevHash, hash: hashEntry(seq, prevHash, full) };
    try {
      await new AuditModel({ ...entry, key: auditKey(seq) }).save(DECISION_WRITE);
    } catch (error) {
      // Someone else took this sequence number: go again on top of their entry.
      if (!isDuplicateKey(error)) throw error;
      keysMayMissSome = attempt >= 2;
      await new Promise((r) => setTimeout(r, Math.random() * 20));
      continue;
    }
    // Recorded: whatever happens to the head now, the entry is not written again.
    await raiseHead(seq);
    return entry;
  }
  throw new Error("Could not append to the audit log: too much contention.");
}

/** A page of one trust's entries, newest first, and where the next older page starts. */
export interface AuditPage {
  entries: ChainedEntry[];
  /** Pass as `before` for the older entries; null when there are none. */
  olderBefore: number | null;
}

/**
 * Up to `limit` of the trust's entries numbered below `before` (the newest, if not given), newest
 * first. The log is one chain for every trust, read backwards by key a batch at a time, looking at
 * no more than `window` entries per page: a trust with few entries among many others' gets a
 * shorter page (with the way on to older ones), never a slow one.
 */
export async function listAudit(
  trustId: string,
  {
    limit = 100,
    before,
    window = 20_000,
    end,
  }: {
    limit?: number;
    before?: number;
    window?: number;
    /** The chain's end, when the caller has read it already (a look also checks the log). */
    end?: ChainEnd;
  } = {},
): Promise<AuditPage> {
  const { issued } = end ?? (await chainEnd());
  const newest = before === undefined ? issued : Math.min(before - 1, issued);
  const entries: ChainedEntry[] = [];
  let upper = newest;
  while (upper >= 1 && entries.length < limit && newest - upper < window) {
    const lower = Math.max(1, upper - Math.min(KEYS_AT_ONCE, window - (newest - upper)) + 1);
    const found = (await entriesBetween(lower, upper, trustId)).reverse();
    for (const entry of found) {
      if (entries.length === limit) return { entries, olderBefore: entries.at(-1)!.seq };
      entries.push(entry);
    }
    upper = lower - 1;
  }
  return { entries, olderBefore: upper >= 1 ? upper + 1 : null };
}

/** Every entry of one trust, newest first (the CSV export), read as listAudit reads a page. */
export async function allAuditOf(trustId: string): Promise<ChainedEntry[]> {
  const all: ChainedEntry[] = [];
  let before: number | undefined;
  do {
    const page = await listAudit(trustId, { limit: 10_000, before, window: 100_000 });
    all.push(...page.entries);
    before = page.olderBefore ?? undefined;
  } while (before !== undefined);
  return all;
}

const KEYED = "audit-keys:v1";

/**
 * Gives entries written before keys existed their key, once (ADR 055). The raw collection: the
 * model refuses every change, and the key is not part of an entry's hash.
 */
export async function migrateAuditKeysOnce(): Promise<void> {
  if ((await decisionOutcome(KEYED)) !== null) return;
  const unkeyed = await AuditModel.collection
    .find({ key: op({ $exists: false }) }, { projection: { seq: 1 } })
    .toArray();
  // 50 at a time: the embedded FerretDB (v1.24) never answers a bulk of 100 or more updates.
  for (let i = 0; i < unkeyed.length; i += 50) {
    await AuditModel.collection.bulkWrite(
      unkeyed.slice(i, i + 50).map((doc) => ({
        updateOne: { filter: { _id: doc._id }, update: { $set: { key: auditKey(doc.seq) } } },
      })),
    );
  }
  await claimDecision(KEYED, "done");
}

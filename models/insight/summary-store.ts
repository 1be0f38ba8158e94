import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Schema } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { defineModel, mongoose, ofTrust } from "../mongoose.ts";

/**
 * The insight summary (docs/decisions/023-insight-summary-projection.md): per trust, framework
 * and cycle, one document holding every evaluation of that cycle as the trust-wide views draw it
 * (school, status, award, its own and its agreed judgements), so a view reads one document (or
 * one per cycle) instead of hundreds of evaluation records and projections.
 *
 * FerretDB v1 applies an update by rewriting the whole document (ADR 005), so two `$set`s of
 * different entries at the same moment would lose one. Every write of a summary document
 * therefore happens under a lock: a document in `insightsummarylocks` whose unique `_id` is the
 * summary's, inserted to take it (the insert is the atomic step on MongoDB and FerretDB alike)
 * and deleted to give it back. Inside the lock the writer reads the document, changes its entry
 * and writes it back.
 *
 * Judgements are kept up to date entry by entry (the projection writer and the agreed
 * projection call `noteSelfJudgements` / `noteAgreedJudgements`). Everything else an entry holds
 * (status, cycle, version, award, a new evaluation) changes by rare human decisions, which call
 * `insightChanged(trustId)`: a new random token for the trust. A summary built under another
 * token is stale and is rebuilt from the projections on the next read (models/insight/summary.ts).
 */

/** One evaluation in a summary. Header fields are absent until a rebuild has filled them in. */
export interface SummaryEntry {
  schoolId?: string;
  schoolName?: string;
  phase?: string;
  cycleId?: string | null;
  frameworkVersionId?: string;
  status?: string;
  /** ms since the epoch */
  createdAt?: number;
  awarded?: boolean;
  /** The school's own judgements (criterion id → level key). */
  self: Record<string, string>;
  /** When the projection they came from was built (ms): an older one never overwrites them. */
  selfAt: number;
  agreed: Record<string, string>;
  /** ms, or null: nothing confirmed yet. */
  agreedAt: number | null;
  /** How many record entries the agreed judgements came from: a shorter record never wins. */
  agreedEntries: number;
}

/**
 * What the stored entries mean. A summary of another format is stale (rebuilt on its next read)
 * and never changed entry by entry. 2: an open evaluation nobody has worked in is "notStarted".
 */
export const SUMMARY_FORMAT = 2;

export interface SummaryDoc {
  _id: string;
  /** SUMMARY_FORMAT when written; absent before format 2. */
  format?: number;
  trustId: string;
  frameworkId: string;
  cycleId: string | null;
  /** The trust's token when it was last built in full; null: only entries written since. */
  token: string | null;
  /** Evaluation id → entry, as one JSON string (encodeEntries): FerretDB reads one long string
   * far faster than the same data as thousands of fields (measured in ADR 023). */
  entries: string;
  updatedAt: Date;
}

const summarySchema = new Schema<SummaryDoc>({
  _id: { type: String, required: true },
  trustId: { type: String, required: true },
  frameworkId: { type: String, required: true },
  cycleId: { type: String, default: null },
  token: { type: String, default: null },
  format: { type: Number },
  entries: { type: String, default: '{"c":[],"l":[],"e":{}}' },
  updatedAt: { type: Date, default: () => new Date() },
});
export const InsightSummaryModel = defineModel<SummaryDoc>("InsightSummary", summarySchema);

interface LockDoc {
  _id: string;
  holder: string;
  at: Date;
}
const lockSchema = new Schema<LockDoc>({
  _id: { type: String, required: true },
  holder: { type: String, required: true },
  at: { type: Date, required: true },
});
export const InsightSummaryLockModel = defineModel<LockDoc>("InsightSummaryLock", lockSchema);

interface TokenDoc {
  _id: string;
  token: string;
}
const tokenSchema = new Schema<TokenDoc>({
  _id: { type: String, required: true },
  token: { type: String, required: true },
});
export const InsightTokenModel = defineModel<TokenDoc>("InsightToken", tokenSchema);

/** The summary document's id for a trust's framework and cycle (null: evaluations outside any cycle). */
export function summaryId(trustId: string, frameworkId: string, cycleId: string | null): string {
  return `${trustId}:${frameworkId}:${cycleId ?? "none"}`;
}

/** A lock older than this was left by a process that stopped: it may be taken over. */
const LOCK_STALE_MS = 5_000;
const LOCK_WAIT_MS = 6_000;

/**
 * Runs `fn` holding the summary document's lock. Waits (a few ms at a time) while another writer
 * holds it; throws if it cannot be had within LOCK_WAIT_MS. A lock older than LOCK_STALE_MS is
 * taken over, so `fn` calls `stillHeld()` just before it writes, and gives up if it is not.
 */
export async function withSummaryLock<T>(
  id: string,
  fn: (stillHeld: () => Promise<boolean>) => Promise<T>,
): Promise<T> {
  const holder = randomUUID();
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await InsightSummaryLockModel.create({ _id: id, holder, at: new Date() });
      break;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const held = await InsightSummaryLockModel.findOne({ _id: id }).lean();
    if (held && Date.now() - held.at.getTime() > LOCK_STALE_MS) {
      await InsightSummaryLockModel.deleteOne({ _id: id, holder: held.holder });
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS)
      throw new Error(`The insight summary ${id} stayed locked for ${LOCK_WAIT_MS} ms`);
    await sleep(5 + Math.random() * Math.min(50, 5 * (attempt + 1)));
  }
  const stillHeld = async () =>
    (await InsightSummaryLockModel.findOne({ _id: id }).lean())?.holder === holder;
  try {
    return await fn(stillHeld);
  } finally {
    await InsightSummaryLockModel.deleteOne({ _id: id, holder });
  }
}

export function parseEntries(
  doc: Pick<SummaryDoc, "entries"> | null,
): Record<string, SummaryEntry> {
  return doc ? decodeEntries(doc.entries) : {};
}

// ---- the stored form ---------------------------------------------------------------------------
// FerretDB's time to read a document grows with its bytes (ADR 023): 200 schools' judgements as
// `{ "criterion": "level" }` maps were ~400 KB a cycle. Stored instead: the criteria and level
// keys once per document, and each evaluation's judgements as one character per criterion (the
// level's index, "." for none), about a seventh of the size.

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const NONE = ".";

type Judgements = Record<string, string>;
/** [school, name, phase, cycle, version, status, created, awarded, self, selfAt, agreed,
 * agreedAt, agreedEntries]; a header field is null until a rebuild fills it in. */
type Packed = [
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  0 | 1 | null,
  string | Judgements,
  number,
  string | Judgements,
  number | null,
  number,
];
interface Stored {
  /** The criteria, in the order each packed string follows. */
  c: string[];
  /** The level keys, by index. */
  l: string[];
  e: Record<string, Packed>;
}

/** Entries in their stored form (pure: exported for tests). */
export function encodeEntries(entries: Record<string, SummaryEntry>): string {
  const criteria = new Map<string, number>();
  const levels = new Map<string, number>();
  for (const entry of Object.values(entries)) {
    for (const judgements of [entry.self, entry.agreed]) {
      for (const [criterionId, level] of Object.entries(judgements)) {
        if (!criteria.has(criterionId)) criteria.set(criterionId, criteria.size);
        if (!levels.has(level)) levels.set(level, levels.size);
      }
    }
  }
  // More level keys than digits (never seen in a framework): keep the maps as they are.
  const packable = levels.size <= DIGITS.length;
  const pack = (judgements: Judgements): string | Judgements => {
    if (!packable) return judgements;
    const chars = Array.from({ length: criteria.size }, () => NONE);
    for (const [criterionId, level] of Object.entries(judgements))
      chars[criteria.get(criterionId)!] = DIGITS[levels.get(level)!];
    return chars.join("").replace(/\.+$/, "");
  };
  const stored: Stored = { c: [...criteria.keys()], l: [...levels.keys()], e: {} };
  for (const [id, e] of Object.entries(entries)) {
    stored.e[id] = [
      e.schoolId ?? null,
      e.schoolName ?? null,
      e.phase ?? null,
      e.cycleId ?? null,
      e.frameworkVersionId ?? null,
      e.status ?? null,
      e.createdAt ?? null,
      e.awarded === undefined ? null : e.awarded ? 1 : 0,
      pack(e.self),
      e.selfAt,
      pack(e.agreed),
      e.agreedAt,
      e.agreedEntries,
    ];
  }
  return JSON.stringify(stored);
}

/** The entries of a stored summary (the inverse of encodeEntries). */
export function decodeEntries(text: string): Record<string, SummaryEntry> {
  const stored = JSON.parse(text) as Stored;
  const unpack = (packed: string | Judgements): Judgements => {
    if (typeof packed !== "string") return packed;
    const judgements: Judgements = {};
    for (let i = 0; i < packed.length; i++) {
      if (packed[i] !== NONE) judgements[stored.c[i]] = stored.l[DIGITS.indexOf(packed[i])];
    }
    return judgements;
  };
  const entries: Record<string, SummaryEntry> = {};
  for (const [id, p] of Object.entries(stored.e ?? {})) {
    const entry: SummaryEntry = {
      self: unpack(p[8]),
      selfAt: p[9],
      agreed: unpack(p[10]),
      agreedAt: p[11],
      agreedEntries: p[12],
    };
    if (p[0] !== null) {
      entry.schoolId = p[0];
      entry.schoolName = p[1] ?? "";
      entry.phase = p[2] ?? "";
      entry.cycleId = p[3];
      entry.frameworkVersionId = p[4] ?? "";
      entry.status = p[5] ?? "";
      entry.createdAt = p[6] ?? 0;
      entry.awarded = p[7] === 1;
    }
    entries[id] = entry;
  }
  return entries;
}

/** Writes a summary document whole (callers hold its lock). */
export async function writeSummary(
  key: { trustId: string; frameworkId: string; cycleId: string | null },
  token: string | null,
  entries: Record<string, SummaryEntry>,
): Promise<void> {
  const id = summaryId(key.trustId, key.frameworkId, key.cycleId);
  await InsightSummaryModel.replaceOne(
    { _id: id },
    {
      _id: id,
      ...key,
      token,
      format: SUMMARY_FORMAT,
      entries: encodeEntries(entries),
      updatedAt: new Date(),
    },
    { upsert: true },
  );
}

/** The trust's current token (creating one if it has none yet). */
export async function currentToken(trustId: string): Promise<string> {
  const doc = await InsightTokenModel.findOne({ _id: trustId }).lean();
  return doc?.token ?? insightChanged(trustId);
}

/**
 * Something the summaries hold besides judgements changed in this trust (an evaluation started,
 * moved to a cycle or version, changed status; an award issued or withdrawn): every summary of
 * the trust is rebuilt on its next read. Call it after the change is written. Two calls at once
 * may overwrite each other, but either token is new, which is all that matters.
 */
export async function insightChanged(trustId: string): Promise<string> {
  const token = randomUUID();
  try {
    await InsightTokenModel.updateOne({ _id: trustId }, { $set: { token } }, { upsert: true });
  } catch (error) {
    // Two first tokens raced to insert: the loser sets its own over the winner's.
    if (!isDuplicateKey(error)) throw error;
    await InsightTokenModel.updateOne({ _id: trustId }, { $set: { token } });
  }
  return token;
}

/** The framework and cycle an evaluation's entry lives under (null: no such evaluation). */
async function keyOf(
  trustId: string,
  evaluationId: string,
): Promise<{ trustId: string; frameworkId: string; cycleId: string | null } | null> {
  // By name: the evaluation model imports the projection store, which calls this module.
  // By `_id` alone, which the embedded FerretDB looks up in SQLite; with `trustId` beside it,
  // it read every evaluation record of the database in Go (1.2 s each under `npm run bench`).
  const doc = await mongoose
    .model("Evaluation")
    .findOne({ _id: evaluationId }, { trustId: 1, frameworkId: 1, cycleId: 1 })
    .lean<{ trustId: unknown; frameworkId: unknown; cycleId: unknown }>()
    .then((found) => ofTrust(found, trustId));
  if (!doc) return null;
  return {
    trustId,
    frameworkId: String(doc.frameworkId),
    cycleId: doc.cycleId ? String(doc.cycleId) : null,
  };
}

async function changeEntry(
  trustId: string,
  evaluationId: string,
  change: (entry: SummaryEntry) => boolean,
): Promise<void> {
  const blank = (): SummaryEntry => ({
    self: {},
    selfAt: 0,
    agreed: {},
    agreedAt: null,
    agreedEntries: 0,
  });
  try {
    const key = await keyOf(trustId, evaluationId);
    if (!key) return;
    const id = summaryId(key.trustId, key.frameworkId, key.cycleId);
    // Most projection writes leave the judgements as they were (a plan edit, the once-a-minute
    // rewrite): seen without the lock, they cost no lock and no write. The writes of one
    // evaluation's projection come one at a time (the store's save lock), so no older write of
    // it can slip in after this look.
    const summary = await InsightSummaryModel.findOne({ _id: id }).lean();
    // No summary yet: nobody has looked at this cycle's views, and the first look builds it
    // from the projections. Taking the lock to start one here made every evaluation of a busy
    // cycle queue for it on each store (npm run bench, 100 documents: lock timeouts, then
    // rebuild after rebuild).
    if (!summary || summary.format !== SUMMARY_FORMAT) return;
    const seen = parseEntries(summary);
    if (seen[evaluationId] && !change(structuredClone(seen[evaluationId]))) return;
    await withSummaryLock(id, async (stillHeld) => {
      const doc = await InsightSummaryModel.findOne({ _id: id }).lean();
      const entries = parseEntries(doc);
      const entry = entries[evaluationId] ?? blank();
      if (!change(entry)) return;
      entries[evaluationId] = entry;
      if (!(await stillHeld())) throw new Error(`Lost the lock of the insight summary ${id}`);
      await writeSummary(key, doc?.token ?? null, entries);
    });
  } catch (error) {
    // The summary must never be wrong: if it could not be changed, have it rebuilt instead.
    await insightChanged(trustId);
    if (process.env.NODE_ENV !== "test")
      console.warn("insight summary: rebuilt on next read", error);
  }
}

function sameJudgements(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Someone has worked in the evaluation (its projection has a last activity): from then on it is
 * "inProgress", no longer "notStarted" (models/cycle/status.ts). Returns whether it changed.
 */
export function markStarted(entry: SummaryEntry): boolean {
  if (entry.status !== "notStarted") return false;
  entry.status = "inProgress";
  return true;
}

/** After an evaluation's projection is written: its own judgements in the summary. */
export async function noteSelfJudgements(
  trustId: string,
  evaluationId: string,
  judgements: { criterionId: string; level: string }[],
  at: Date,
  /** Whether anyone has worked in it (its projection has a last activity). */
  { started: worked }: { started: boolean },
): Promise<void> {
  const self = Object.fromEntries(judgements.map((j) => [j.criterionId, j.level]));
  await changeEntry(trustId, evaluationId, (entry) => {
    if (entry.selfAt > at.getTime()) return false;
    const started = worked && markStarted(entry);
    if (sameJudgements(entry.self, self) && entry.selfAt > 0) return started;
    entry.self = self;
    entry.selfAt = at.getTime();
    return true;
  });
}

/** After an evaluation's agreed projection is written: its agreed judgements in the summary. */
export async function noteAgreedJudgements(
  trustId: string,
  evaluationId: string,
  agreed: { judgements: Record<string, string>; agreedAt: Date | null; entries: number },
): Promise<void> {
  await changeEntry(trustId, evaluationId, (entry) => {
    if (entry.agreedEntries > agreed.entries) return false;
    const agreedAt = agreed.agreedAt?.getTime() ?? null;
    if (
      entry.agreedEntries === agreed.entries &&
      entry.agreedAt === agreedAt &&
      sameJudgements(entry.agreed, agreed.judgements)
    )
      return false;
    entry.agreed = agreed.judgements;
    entry.agreedAt = agreedAt;
    entry.agreedEntries = agreed.entries;
    return true;
  });
}

import { chainEnd, entriesBetween, type ChainEnd } from "./audit.ts";
import { AuditCheckModel, LATEST } from "./check-record.ts";
import { ChainCheck, type ChainProblem } from "./chain.ts";
import { isDuplicateKey } from "../errors.ts";
import { op } from "../mongoose.ts";

// Checking the audit chain (ADR 055). Reading and hashing every entry grows with the whole
// installation's history (every sign-in of every trust), so it is not done for every look at the
// log: a whole check reads the log a batch at a time and records where it ended; a look checks
// only what was appended since, from the recorded end's hash.

const BATCH = 1000;

export interface AuditCheckResult {
  /** When the whole log was last read and checked. */
  checkedAt: Date;
  /** Entries checked: all of them, up to now. */
  entries: number;
  /** Of those, appended since the whole log was last checked (checked just now). */
  sinceWholeCheck: number;
  problems: ChainProblem[];
}

/** Reads `check` on from its last entry to the log's end, a batch at a time. */
async function readOn(check: ChainCheck, end?: ChainEnd): Promise<void> {
  const { last, issued } = end ?? (await chainEnd());
  // Up to the newest entry there is; numbers issued after it are reported as one run.
  for (let first = check.lastSeq + 1; first <= (last?.seq ?? 0); first += BATCH)
    for (const entry of await entriesBetween(first, first + BATCH - 1)) check.add(entry);
  check.endsAt(issued);
}

/**
 * Reads and checks the whole log (every entry's hash, each link, no number missing, nothing
 * cut off the end) and records the result for later looks. Memory stays one batch.
 */
export async function verifyAuditLog(end?: ChainEnd): Promise<AuditCheckResult> {
  const checkedAt = new Date();
  const check = new ChainCheck();
  await readOn(check, end);
  const record = {
    checkedAt,
    throughSeq: check.lastSeq,
    throughHash: check.lastHash,
    entries: check.entries,
    wholeEntries: check.entries,
    problems: check.problems,
  };
  try {
    await AuditCheckModel.replaceOne({ _id: LATEST }, record, { upsert: true });
  } catch (error) {
    // Two first checks at once (two admins opening the page on a new installation) both create
    // the record: the one that lost writes over the other's.
    if (!isDuplicateKey(error)) throw error;
    await AuditCheckModel.replaceOne({ _id: LATEST }, record);
  }
  return { checkedAt, entries: check.entries, sinceWholeCheck: 0, problems: check.problems };
}

/** When the whole log was last checked (null: never). */
export async function lastWholeCheck(): Promise<Date | null> {
  return (await AuditCheckModel.findById(LATEST).lean())?.checkedAt ?? null;
}

/**
 * The log's state for someone looking at it: the last whole check's findings, and a check of
 * everything appended since (from the hash that check ended on, so a change to its last entry
 * shows too). What the look read is recorded as read, so the next look starts after it; only a
 * whole check reads older entries again. Never checked before: the whole log now. `end`: the
 * chain's end, when the caller has read it already (the page it shows beside this).
 */
export async function auditLogStatus(end?: ChainEnd): Promise<AuditCheckResult> {
  const latest = await AuditCheckModel.findById(LATEST).lean();
  if (!latest) return verifyAuditLog(end);
  const check = new ChainCheck(latest.throughSeq, latest.throughHash);
  await readOn(check, end);
  if (check.lastSeq > latest.throughSeq)
    await AuditCheckModel.updateOne(
      // Unless a whole check has replaced the record meanwhile.
      { _id: LATEST, checkedAt: latest.checkedAt },
      {
        $set: { throughSeq: check.lastSeq, throughHash: check.lastHash },
        $inc: { entries: check.entries },
        $push: { problems: op({ $each: check.problems }) },
      },
    );
  return {
    checkedAt: latest.checkedAt,
    entries: latest.entries + check.entries,
    sinceWholeCheck: latest.entries - latest.wholeEntries + check.entries,
    problems: [...latest.problems, ...check.problems],
  };
}

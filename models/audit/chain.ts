import { createHash } from "node:crypto";

/** What an audit entry says, before it is chained. */
export interface AuditFacts {
  trustId: string | null;
  /** Who did it (null: the system or an anonymous visitor). */
  actorId: string | null;
  /** e.g. "signIn", "roleGranted", "validatorAssigned", "judgementAgreed", "outcomeRecorded". */
  action: string;
  /** What it was done to, e.g. "evaluation:<id>". */
  subject: string;
  details: Record<string, string | number | boolean | null>;
  at: Date;
}

export interface ChainedEntry extends AuditFacts {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS = "0".repeat(64);

// Key order is fixed so the same facts always hash the same, whatever built the object.
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The hash of an entry: its sequence number, facts and the previous entry's hash. */
export function hashEntry(seq: number, prevHash: string, facts: AuditFacts): string {
  const { trustId, actorId, action, subject, details, at } = facts;
  return createHash("sha256")
    .update(canonical({ seq, prevHash, trustId, actorId, action, subject, details, at }))
    .digest("hex");
}

export interface ChainProblem {
  seq: number;
  problem: "altered" | "missing" | "broken link";
  /** For a run of missing entries: the last of them. */
  through?: number;
}

/**
 * Checks a chain piece by piece, in sequence order, from where an earlier check ended (`fromSeq`,
 * whose hash was `fromHash`; the start of the chain by default): every entry's hash matches its
 * content, each links to the one before, and no sequence number is missing. Any edit or deletion
 * shows up here. Entries can be added a batch at a time, so a long log is never held at once.
 */
export class ChainCheck {
  readonly problems: ChainProblem[] = [];
  /** How many entries were checked. */
  entries = 0;
  private expectedSeq: number;
  private prevHash: string;

  constructor(fromSeq = 0, fromHash = GENESIS) {
    this.expectedSeq = fromSeq + 1;
    this.prevHash = fromHash;
  }

  /** The last sequence number checked (or the starting point). */
  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  /** The hash the next entry must link to. */
  get lastHash(): string {
    return this.prevHash;
  }

  add(entry: ChainedEntry): void {
    if (entry.seq > this.expectedSeq) this.missing(entry.seq - 1);
    if (entry.prevHash !== this.prevHash)
      this.problems.push({ seq: entry.seq, problem: "broken link" });
    if (hashEntry(entry.seq, entry.prevHash, entry) !== entry.hash)
      this.problems.push({ seq: entry.seq, problem: "altered" });
    this.prevHash = entry.hash;
    this.expectedSeq = entry.seq + 1;
    this.entries++;
  }

  /** Entries up to `seq` were issued (the log's head says so): any not seen are missing. */
  endsAt(seq: number): void {
    if (seq >= this.expectedSeq) this.missing(seq);
  }

  /** Entries from the next expected one to `through` are not there: one problem for the run. */
  private missing(through: number): void {
    const seq = this.expectedSeq;
    this.problems.push(
      through > seq ? { seq, problem: "missing", through } : { seq, problem: "missing" },
    );
    this.expectedSeq = through + 1;
  }
}

/** Checks a whole chain held in memory (see ChainCheck). */
export function verifyChain(entries: ChainedEntry[]): ChainProblem[] {
  const check = new ChainCheck();
  for (const entry of entries) check.add(entry);
  return check.problems;
}

/**
 * An entry's key: its sequence number as fixed-width text, stored beside it and indexed. The
 * embedded FerretDB finds records by a string field through its index but reads a whole
 * collection to find a number or to sort (ADR 040), so entries are found by their keys.
 */
export function auditKey(seq: number): string {
  return String(seq).padStart(12, "0");
}

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
}

/**
 * Checks a whole chain, in sequence order: every entry's hash matches its content, each links to
 * the one before, and no sequence number is missing. Any edit or deletion shows up here.
 */
export function verifyChain(entries: ChainedEntry[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS;
  for (const entry of entries) {
    while (entry.seq > expectedSeq) problems.push({ seq: expectedSeq++, problem: "missing" });
    if (entry.prevHash !== prevHash) problems.push({ seq: entry.seq, problem: "broken link" });
    if (hashEntry(entry.seq, entry.prevHash, entry) !== entry.hash)
      problems.push({ seq: entry.seq, problem: "altered" });
    prevHash = entry.hash;
    expectedSeq = entry.seq + 1;
  }
  return problems;
}

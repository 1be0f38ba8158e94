import { Schema } from "mongoose";
import type { AuditAction } from "./sentences.ts";
import { DECISION_WRITE, defineModel } from "../mongoose.ts";
import {
  GENESIS,
  hashEntry,
  verifyChain,
  type AuditFacts,
  type ChainProblem,
  type ChainedEntry,
} from "./chain.ts";
import { makeAppendOnly } from "../immutable.ts";

/**
 * The append-only, hash-chained audit log of decisions and security events (assignments,
 * agreed judgements, outcomes, sign-ins, role changes). One chain for the whole installation:
 * a unique sequence number makes two simultaneous appends take turns instead of forking it.
 */
interface AuditDoc extends Omit<ChainedEntry, "details"> {
  details: Record<string, string | number | boolean | null>;
}

const auditSchema = new Schema<AuditDoc>({
  seq: { type: Number, required: true, unique: true },
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

/** Appends one entry (written with majority, journaled) and returns it. */
export async function recordAudit(
  // Typed by the sentences: an action nobody can read in the log does not compile.
  facts: Omit<AuditFacts, "at" | "action"> & { action: AuditAction; at?: Date },
): Promise<ChainedEntry> {
  const full: AuditFacts = { ...facts, at: facts.at ?? new Date() };
  for (let attempt = 0; attempt < 20; attempt++) {
    const last = await AuditModel.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS;
    const entry: ChainedEntry = { ...full, seq, prevHash, hash: hashEntry(seq, prevHash, full) };
    try {
      await new AuditModel(entry).save(DECISION_WRITE);
      await AuditHeadModel.updateOne(
        { _id: "head" },
        { $max: { seq } },
        { upsert: true, ...DECISION_WRITE },
      );
      return entry;
    } catch (error) {
      // Someone else took this sequence number: go again on top of their entry.
      if ((error as { code?: number }).code !== 11000) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 20));
    }
  }
  throw new Error("Could not append to the audit log: too much contention.");
}

/** Entries of one trust, newest first (for the admin page and export). */
export async function listAudit(trustId: string, limit = 500): Promise<ChainedEntry[]> {
  const docs = await AuditModel.find({ trustId }).sort({ seq: -1 }).limit(limit).lean();
  return docs.map(toEntry);
}

/** Checks the whole chain; an empty list means nothing was altered or removed. */
export async function verifyAuditLog(): Promise<{ entries: number; problems: ChainProblem[] }> {
  const docs = await AuditModel.find({}).sort({ seq: 1 }).lean();
  const entries = docs.map(toEntry);
  const problems = verifyChain(entries);
  const head = await AuditHeadModel.findById("head").lean();
  const lastSeq = entries.at(-1)?.seq ?? 0;
  for (let seq = lastSeq + 1; seq <= (head?.seq ?? 0); seq++)
    problems.push({ seq, problem: "missing" });
  return { entries: entries.length, problems };
}

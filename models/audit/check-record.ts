import { Schema } from "mongoose";
import { defineModel } from "../mongoose.ts";
import type { ChainProblem } from "./chain.ts";

/**
 * The last whole check of the audit chain, and how far looks at the log have read since
 * (models/audit/check.ts, ADR 055): one record.
 */
export interface AuditCheckDoc {
  _id: string;
  checkedAt: Date;
  /** The last entry read, and its hash: where the next look starts. */
  throughSeq: number;
  throughHash: string;
  /** Entries read up to `throughSeq`, by the whole check and the looks since. */
  entries: number;
  /** Of those, read by the whole check. */
  wholeEntries: number;
  problems: ChainProblem[];
}

const auditCheckSchema = new Schema<AuditCheckDoc>({
  _id: { type: String },
  checkedAt: { type: Date, required: true },
  throughSeq: { type: Number, required: true },
  throughHash: { type: String, required: true },
  entries: { type: Number, required: true },
  wholeEntries: { type: Number, default: 0 },
  problems: { type: [{ _id: false, seq: Number, problem: String, through: Number }], default: [] },
});

export const AuditCheckModel = defineModel<AuditCheckDoc>("AuditCheck", auditCheckSchema);

export const LATEST = "latest";

/** The highest entry number the checks have read up to (0 if none was made). */
export async function checkedThrough(): Promise<number> {
  return (await AuditCheckModel.findById(LATEST, { throughSeq: 1 }).lean())?.throughSeq ?? 0;
}

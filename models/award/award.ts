import { randomBytes } from "node:crypto";
import { Schema, type Types } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { insightChanged } from "../insight/summary-store.ts";
import { DECISION_WRITE, defineModel, isObjectId, ofTrust, op } from "../mongoose.ts";
import { expiryFrom as addMonths } from "../validation/record-state.ts";

/**
 * An award: a school accredited against a framework, from a start date to an expiry date, with
 * a verification code anyone can check. Made when a validator records "accredited"; a later
 * corrected outcome supersedes it (the validation record keeps the full history). Its framework
 * is the version the validation was of (frameworkOfValidation, ADR 070), named as that version
 * names it.
 */
export interface Award {
  id: string;
  trustId: string;
  schoolId: string;
  evaluationId: string;
  validationId: string;
  frameworkId: string;
  frameworkName: string;
  /** The version accredited against; null for awards made before it was recorded. */
  frameworkVersion: number | null;
  tier: string | null;
  startDate: string;
  expiryDate: string;
  code: string;
  superseded: boolean;
  createdAt: Date;
}

/** The outcome an award is made for: the validation record entry that said "accredited". */
interface AwardKey {
  outcomeSeq: number;
}

type AwardDoc = Omit<
  Award,
  | "id"
  | "trustId"
  | "schoolId"
  | "evaluationId"
  | "validationId"
  | "frameworkId"
  | "frameworkVersion"
> &
  Partial<AwardKey> & {
    trustId: Types.ObjectId;
    schoolId: Types.ObjectId;
    evaluationId: Types.ObjectId;
    validationId: Types.ObjectId;
    frameworkId: Types.ObjectId;
    frameworkVersion?: number;
  };

const awardSchema = new Schema<AwardDoc>({
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  schoolId: { type: Schema.Types.ObjectId, required: true },
  evaluationId: { type: Schema.Types.ObjectId, required: true },
  validationId: { type: Schema.Types.ObjectId, required: true, index: true },
  frameworkId: { type: Schema.Types.ObjectId, required: true },
  frameworkName: { type: String, required: true },
  // Not required: awards made before ADR 070 have none.
  frameworkVersion: { type: Number },
  tier: { type: String, default: null },
  startDate: { type: String, required: true },
  expiryDate: { type: String, required: true },
  code: { type: String, required: true, unique: true },
  superseded: { type: Boolean, default: false },
  outcomeSeq: { type: Number },
  createdAt: { type: Date, default: () => new Date() },
});
// One award per recorded outcome, however many requests record it (sparse: older awards have none).
awardSchema.index({ validationId: 1, outcomeSeq: 1 }, { unique: true, sparse: true });

export const AwardModel = defineModel<AwardDoc>("Award", awardSchema);

function toAward(doc: { _id: Types.ObjectId } & AwardDoc): Award {
  const { outcomeSeq, ...rest } = doc;
  void outcomeSeq;
  return {
    ...rest,
    id: doc._id.toString(),
    trustId: doc.trustId.toString(),
    schoolId: doc.schoolId.toString(),
    evaluationId: doc.evaluationId.toString(),
    validationId: doc.validationId.toString(),
    frameworkId: doc.frameworkId.toString(),
    frameworkVersion: doc.frameworkVersion ?? null,
  };
}

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A verification code like QM-7KD4-P2XQ-9M3H (60 bits of randomness). */
export function newVerificationCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `QM-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export function normaliseCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  // The prefix is optional when typing; a bare 12-character code may itself start with QM.
  const raw = compact.length === 14 && compact.startsWith("QM") ? compact.slice(2) : compact;
  return raw.length === 12 ? `QM-${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}` : "";
}

/**
 * The award for an accredited outcome (the record entry `outcomeSeq` of the validation), made
 * once: a second call, in parallel or later, returns the same award and code. Any earlier award
 * of the validation is superseded by it.
 */
export async function ensureAward(
  input: Omit<Award, "id" | "code" | "superseded" | "createdAt" | "frameworkVersion"> &
    AwardKey & { frameworkVersion?: number | null },
): Promise<Award> {
  let award: Award;
  const { frameworkVersion, ...rest } = input;
  try {
    const doc = await new AwardModel({
      ...rest,
      ...(frameworkVersion == null ? {} : { frameworkVersion }),
      code: newVerificationCode(),
    }).save(DECISION_WRITE);
    award = toAward(doc.toObject());
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const doc = await AwardModel.findOne({
      validationId: input.validationId,
      outcomeSeq: input.outcomeSeq,
    }).lean();
    if (!doc) throw error;
    award = toAward(doc);
  }
  await AwardModel.updateMany(
    {
      validationId: input.validationId,
      superseded: false,
      _id: op({ $ne: award.id }),
    },
    { $set: { superseded: true } },
    { writeConcern: DECISION_WRITE },
  );
  // The heat map filters on holding the award (ADR 023).
  await insightChanged(input.trustId);
  return award;
}

/** Withdraws the validation's current award (a corrected outcome that is not "accredited"). */
export async function supersedeAwards(validationId: string, trustId: string): Promise<void> {
  await AwardModel.updateMany(
    { validationId, superseded: false },
    { $set: { superseded: true } },
    { writeConcern: DECISION_WRITE },
  );
  await insightChanged(trustId);
}

export async function findAwardByCode(code: string): Promise<Award | null> {
  const normalised = normaliseCode(code);
  if (!normalised) return null;
  const doc = await AwardModel.findOne({ code: normalised }).lean();
  return doc ? toAward(doc) : null;
}

export async function getAward(trustId: string, awardId: string): Promise<Award | null> {
  if (!isObjectId(awardId)) return null;
  const doc = ofTrust(await AwardModel.findOne({ _id: awardId }).lean(), trustId);
  return doc ? toAward(doc) : null;
}

/** Every award of a school, superseded ones included (its history), newest first. */
export async function listAwardsOfSchool(trustId: string, schoolId: string): Promise<Award[]> {
  if (!isObjectId(schoolId)) return [];
  const docs = await AwardModel.find({ trustId, schoolId }).sort({ createdAt: -1 }).lean();
  return docs.map(toAward);
}

/**
 * Every award of the trust, superseded ones included, newest first: what a page listing many of
 * its schools reads once (one read by `trustId`, through its index) instead of once per school.
 */
export async function listAwardsOfTrust(trustId: string): Promise<Award[]> {
  if (!isObjectId(trustId)) return [];
  const docs = await AwardModel.find({ trustId }).sort({ createdAt: -1 }).lean();
  return docs.map(toAward);
}

/** The awards an evaluation's validation produced (a corrected outcome supersedes), newest first. */
export async function listAwardsOfEvaluation(
  trustId: string,
  evaluationId: string,
): Promise<Award[]> {
  if (!isObjectId(evaluationId)) return [];
  const docs = await AwardModel.find({ trustId, evaluationId }).sort({ createdAt: -1 }).lean();
  return docs.map(toAward);
}

/** The trust's current (not superseded) awards, for the register. */
export async function listCurrentAwards(trustId: string): Promise<Award[]> {
  const docs = await AwardModel.find({ trustId, superseded: false }).sort({ expiryDate: 1 }).lean();
  return docs.map(toAward);
}

/** In its renewal window: expiring within `months` (default the last 3 months) and not yet expired. */
export function inRenewalWindow(
  award: Pick<Award, "expiryDate">,
  today: string,
  months = 3,
): boolean {
  // Same calendar arithmetic as the award's expiry (clamped at month ends).
  const windowEnd = addMonths(today, months);
  return award.expiryDate >= today && award.expiryDate <= windowEnd;
}

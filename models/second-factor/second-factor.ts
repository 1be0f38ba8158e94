import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { ConflictError, InvalidInputError, isDuplicateKey } from "../errors.ts";
import { DECISION_WRITE, defineModel, dropOldIndex, isObjectId, op } from "../mongoose.ts";
import { checkCode, type SecondFactorMethod } from "./check.ts";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes.ts";
import { openSecret, sealSecret } from "./secret-box.ts";
import { matchCode, newTotpSecret } from "./totp.ts";

/**
 * A person's second factor (TOTP, RFC 6238) and their single-use recovery codes. Three
 * collections, each written by inserts and deletes only (FerretDB v1 rewrites whole documents
 * on update, ADR 005), with unique keys as the guards:
 * - SecondFactor: one per person, kept under the person's id (`_id` is the user id, so every
 *   request reads it by `_id`, the one lookup the embedded FerretDB does not answer by reading
 *   the whole collection: ADR 033), created when they prove a first code;
 * - SecondFactorEnrolment: the secret shown on the set-up page until then (unique userId, so a
 *   reload shows the same QR code the app may already have scanned);
 * - SecondFactorUse: one per accepted use (unique key): a code's time step or a recovery code's
 *   hash, so a code works once, however many requests race with it.
 * The one update: a person replacing their recovery codes, only after claiming a fresh code's
 * use, so one code makes one new set however many requests race with it.
 */
interface SecondFactorDoc {
  userId: Types.ObjectId;
  sealedSecret: string;
  recoveryCodeHashes: string[];
  enrolledAt: Date;
}

interface EnrolmentDoc {
  userId: Types.ObjectId;
  sealedSecret: string;
  startedAt: Date;
}

interface UseDoc {
  key: string;
  userId: Types.ObjectId;
  method: SecondFactorMethod;
  at: Date;
}

const factorSchema = new Schema<SecondFactorDoc>({
  // The same as `_id`, kept for reading the record on its own.
  userId: { type: Schema.Types.ObjectId, required: true },
  sealedSecret: { type: String, required: true },
  recoveryCodeHashes: { type: [String], default: [] },
  enrolledAt: { type: Date, required: true },
});
const enrolmentSchema = new Schema<EnrolmentDoc>({
  userId: { type: Schema.Types.ObjectId, required: true, unique: true },
  sealedSecret: { type: String, required: true },
  startedAt: { type: Date, required: true },
});
const useSchema = new Schema<UseDoc>({
  key: { type: String, required: true, unique: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  method: { type: String, required: true, enum: ["code", "recoveryCode"] },
  at: { type: Date, required: true },
});

export const SecondFactorModel = defineModel<SecondFactorDoc>("SecondFactor", factorSchema);
export const EnrolmentModel = defineModel<EnrolmentDoc>("SecondFactorEnrolment", enrolmentSchema);
export const SecondFactorUseModel = defineModel<UseDoc>("SecondFactorUse", useSchema);

/** A set-up page left open longer than this shows a new secret. */
const ENROLMENT_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Used app-code steps are kept a little past the drift window, then swept. */
const CODE_USE_KEPT_MS = 10 * 60 * 1000;

export interface SecondFactorStatus {
  enrolledAt: Date;
  recoveryCodesLeft: number;
}

export async function hasSecondFactor(userId: string): Promise<boolean> {
  if (!isObjectId(userId)) return false;
  return (await SecondFactorModel.exists({ _id: userId })) !== null;
}

/** Which of these people have a second factor (for the trust's people list). */
export async function peopleWithSecondFactor(userIds: string[]): Promise<Set<string>> {
  const docs = await SecondFactorModel.find(
    { _id: op({ $in: userIds.filter(isObjectId) }) },
    { userId: 1 },
  ).lean();
  return new Set(docs.map((d) => d.userId.toString()));
}

export async function secondFactorStatus(userId: string): Promise<SecondFactorStatus | null> {
  if (!isObjectId(userId)) return null;
  const factor = await SecondFactorModel.findOne({ _id: userId }).lean();
  if (!factor) return null;
  const used = await SecondFactorUseModel.countDocuments({ userId, method: "recoveryCode" });
  return {
    enrolledAt: factor.enrolledAt,
    recoveryCodesLeft: Math.max(0, factor.recoveryCodeHashes.length - used),
  };
}

/** Claims one use; false when it was claimed before (a replay). */
async function claimUse(
  key: string,
  userId: string,
  method: SecondFactorMethod,
  at: Date,
): Promise<boolean> {
  // FerretDB v1 has no TTL indexes: old app-code steps are swept as new ones are claimed.
  await SecondFactorUseModel.deleteMany({
    method: "code",
    at: op({ $lt: new Date(at.getTime() - CODE_USE_KEPT_MS) }),
  });
  try {
    await SecondFactorUseModel.create([{ key, userId, method, at }], DECISION_WRITE);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * The secret the set-up page shows: the one already started (so a reload keeps the QR code the
 * app may have scanned), or a new one. Null when the person already has a factor.
 */
export async function enrolmentSecret(
  key: Buffer,
  userId: string,
  now = new Date(),
): Promise<string | null> {
  if (await hasSecondFactor(userId)) return null;
  const existing = await EnrolmentModel.findOne({ userId }).lean();
  if (existing && now.getTime() - existing.startedAt.getTime() < ENROLMENT_LIFETIME_MS) {
    try {
      return openSecret(key, userId, existing.sealedSecret);
    } catch {
      // Sealed under an earlier key (the server secret changed): start again.
    }
  }
  if (existing) await EnrolmentModel.deleteOne({ _id: existing._id });
  const secret = newTotpSecret();
  try {
    await EnrolmentModel.create({
      userId,
      sealedSecret: sealSecret(key, userId, secret),
      startedAt: now,
    });
    return secret;
  } catch (error) {
    // Two tabs opened the page at once: both show the one that was stored.
    if (!isDuplicateKey(error)) throw error;
    const stored = await EnrolmentModel.findOne({ userId }).lean();
    return stored ? openSecret(key, userId, stored.sealedSecret) : secret;
  }
}

async function insertFactor(
  key: Buffer,
  userId: string,
  secret: string,
  now: Date,
): Promise<string[]> {
  const recoveryCodes = newRecoveryCodes();
  try {
    await SecondFactorModel.create(
      [
        {
          _id: userId,
          userId,
          sealedSecret: sealSecret(key, userId, secret),
          recoveryCodeHashes: recoveryCodes.map((code) => hashRecoveryCode(userId, code)),
          enrolledAt: now,
        },
      ],
      DECISION_WRITE,
    );
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError("Two-factor sign-in is already set up.");
    throw error;
  }
  return recoveryCodes;
}

/**
 * Turns the factor on once the person proves their app makes the right codes: stores the
 * secret and returns the recovery codes, in plain text this once only.
 */
export async function completeEnrolment(
  key: Buffer,
  userId: string,
  code: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  if (await hasSecondFactor(userId))
    throw new ConflictError("Two-factor sign-in is already set up.");
  const pending = await EnrolmentModel.findOne({ userId }).lean();
  let secret: string | null = null;
  try {
    secret = pending ? openSecret(key, userId, pending.sealedSecret) : null;
  } catch {
    secret = null;
  }
  if (!secret)
    throw new InvalidInputError("This set-up page has expired. Reload it to get a new QR code.");
  const step = matchCode(secret, code, now);
  if (step === null)
    throw new InvalidInputError(
      "That code is not right. Enter the 6-digit code your app shows now.",
      "code",
    );
  const recoveryCodes = await insertFactor(key, userId, secret, now);
  await claimUse(`code:${userId}:${step}`, userId, "code", now);
  await EnrolmentModel.deleteMany({ userId });
  return { recoveryCodes };
}

/** Enrols a factor with a known secret (the demo accounts; tests). Does nothing if one exists. */
export async function enrolWithSecret(
  key: Buffer,
  userId: string,
  secret: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] } | null> {
  if (await hasSecondFactor(userId)) return null;
  try {
    return { recoveryCodes: await insertFactor(key, userId, secret, now) };
  } catch (error) {
    if (error instanceof ConflictError) return null;
    throw error;
  }
}

/**
 * The person's factor and its secret in plain text, or null when they have none. The secret is
 * null when it was sealed under another key (the server secret changed since enrolment): only
 * the recovery codes, being hashes, still work then.
 */
async function storedFactor(
  key: Buffer,
  userId: string,
): Promise<{ factor: SecondFactorDoc; secret: string | null } | null> {
  if (!isObjectId(userId)) return null;
  const factor = await SecondFactorModel.findOne({ _id: userId }).lean();
  if (!factor) return null;
  try {
    return { factor, secret: openSecret(key, userId, factor.sealedSecret) };
  } catch {
    return { factor, secret: null };
  }
}

/** The stored secret in plain text, or null (no factor, or sealed under another key). */
export async function secondFactorSecret(key: Buffer, userId: string): Promise<string | null> {
  return (await storedFactor(key, userId))?.secret ?? null;
}

export type SecondFactorUse =
  | { ok: true; method: SecondFactorMethod }
  | { ok: false; method: SecondFactorMethod | null; reason: "wrong" | "used" | "none" };

/**
 * Checks a code (from the app, or a recovery code) and, when it is right, claims its use so
 * it never works again. The outcome says which it was, for the message and the audit log.
 */
export async function useSecondFactor(
  key: Buffer,
  userId: string,
  input: string,
  now = new Date(),
): Promise<SecondFactorUse> {
  const stored = await storedFactor(key, userId);
  if (!stored) return { ok: false, method: null, reason: "none" };
  const check = checkCode(
    { userId, secret: stored.secret, recoveryCodeHashes: stored.factor.recoveryCodeHashes },
    input,
    now,
  );
  if (!check.ok) return { ok: false, method: check.method, reason: "wrong" };
  return (await claimUse(check.useKey, userId, check.method, now))
    ? { ok: true, method: check.method }
    : { ok: false, method: check.method, reason: "used" };
}

/**
 * Replaces the person's recovery codes with a new set once they prove a fresh code from their
 * app (a recovery code will not do: the set it belongs to is the one going). The code's use is
 * claimed first, so of any number of requests with it one makes the new set and the others are
 * told it was used. The old codes stop working; the new ones are returned in plain text, this
 * once.
 */
export async function replaceRecoveryCodes(
  key: Buffer,
  userId: string,
  code: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  const stored = await storedFactor(key, userId);
  if (!stored) throw new ConflictError("Two-factor sign-in is not set up for your account.");
  const { secret } = stored;
  if (secret === null)
    throw new InvalidInputError(
      "Your app's codes cannot be checked any more. Ask your trust's admin to reset your two-factor sign-in.",
      "code",
    );
  const step = matchCode(secret, code, now);
  if (step === null)
    throw new InvalidInputError(
      "That code is not right. Enter the 6-digit code your app shows now.",
      "code",
    );
  if (!(await claimUse(`code:${userId}:${step}`, userId, "code", now)))
    throw new InvalidInputError(
      "That code has been used already. Wait for your app to show the next one.",
      "code",
    );
  const recoveryCodes = newRecoveryCodes();
  await SecondFactorModel.updateOne(
    { _id: userId },
    { $set: { recoveryCodeHashes: recoveryCodes.map((c) => hashRecoveryCode(userId, c)) } },
    { writeConcern: DECISION_WRITE },
  );
  // The old set's uses no longer count against what is left.
  await SecondFactorUseModel.deleteMany({ userId, method: "recoveryCode" });
  return { recoveryCodes };
}

/** Removes the factor, any set-up in progress and the record of used codes. */
export async function removeSecondFactor(userId: string): Promise<{ removed: boolean }> {
  if (!isObjectId(userId)) return { removed: false };
  // By the person, not the id: also a record from before ADR 033 the migration has not re-keyed.
  const { deletedCount } = await SecondFactorModel.deleteMany({ userId });
  await EnrolmentModel.deleteMany({ userId });
  await SecondFactorUseModel.deleteMany({ userId });
  return { removed: deletedCount > 0 };
}

/**
 * Keeps every factor under its person's id (ADR 033). A database from before keeps them under
 * ids of their own, with a unique index on the person: the index goes (the id is unique now),
 * then each record is copied under the person's id before the old one is deleted, so a person
 * with a factor never has a moment without one (a crash in between leaves both; the next start
 * deletes the old). Cheap once done: one read of the collection at start.
 */
export async function migrateSecondFactorIds(): Promise<void> {
  const collection = SecondFactorModel.collection;
  await dropOldIndex(collection, "userId_1");
  const factors = await collection.find({}).toArray();
  for (const factor of factors) {
    const userId = factor.userId as Types.ObjectId;
    if (factor._id.equals(userId)) continue;
    try {
      await collection.insertOne({ ...factor, _id: userId }, { writeConcern: DECISION_WRITE });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await collection.deleteOne({ _id: factor._id }, { writeConcern: DECISION_WRITE });
  }
}

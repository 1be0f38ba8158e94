import { createHash } from "node:crypto";
import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { ConflictError, InvalidInputError, NotFoundError, isDuplicateKey } from "../errors.ts";
import { DECISION_WRITE, defineModel, isObjectId } from "../mongoose.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { UserModel } from "./user.ts";

export const WRONG_CURRENT_PASSWORD = "That is not your current password.";

/**
 * One change of a person's password. The unique key (person, password replaced) is the guard
 * that makes a change happen once: two simultaneous submissions from the same current password
 * cannot both replace it (FerretDB v1 does not make a conditional update atomic: ADR 005).
 */
interface PasswordChangeDoc {
  userId: Types.ObjectId;
  /** A digest of the replaced hash: enough to key on, and no copy of an old password's hash. */
  replaced: string;
  /** The new hash, so a simultaneous identical submission can see it asked for the same thing. */
  passwordHash: string;
  at: Date;
}

const passwordChangeSchema = new Schema<PasswordChangeDoc>({
  userId: { type: Schema.Types.ObjectId, required: true },
  replaced: { type: String, required: true },
  passwordHash: { type: String, required: true },
  at: { type: Date, default: () => new Date() },
});
passwordChangeSchema.index({ userId: 1, replaced: 1 }, { unique: true });

export const PasswordChangeModel = defineModel<PasswordChangeDoc>(
  "PasswordChange",
  passwordChangeSchema,
);

const digest = (hash: string) => createHash("sha256").update(hash).digest("hex");

// Only over the hash it replaces: a later change (made with the new password) is never undone.
// Two requests can only race here with the same new hash, so a non-atomic match is harmless.
async function replaceHash(userId: string, replaced: string, passwordHash: string) {
  await UserModel.updateOne(
    { _id: userId, passwordHash: replaced },
    { passwordHash },
    { writeConcern: DECISION_WRITE },
  );
}

/**
 * Replaces a person's password once they have proved they know the current one. `repeated` is
 * true when a simultaneous identical request made the change (a double submit): the caller
 * answers the same, without acting twice. A different change racing this one is a conflict.
 */
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<{ repeated: boolean }> {
  const user = isObjectId(userId) ? await UserModel.findById(userId).lean() : null;
  if (!user) throw new NotFoundError();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new InvalidInputError(WRONG_CURRENT_PASSWORD, "currentPassword");
  }
  const replaced = digest(user.passwordHash);
  const passwordHash = await hashPassword(newPassword);
  try {
    await PasswordChangeModel.create([{ userId, replaced, passwordHash }], { ...DECISION_WRITE });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const first = await PasswordChangeModel.findOne({ userId, replaced }).lean();
    if (!first || !(await verifyPassword(first.passwordHash, newPassword))) {
      throw new ConflictError(
        "Your password was changed a moment ago from somewhere else. Reload the page and try again.",
      );
    }
    // The same change, asked twice: make sure it is in place (the first request may have
    // stopped half-way), then answer as the first did.
    await replaceHash(userId, user.passwordHash, first.passwordHash);
    return { repeated: true };
  }
  await replaceHash(userId, user.passwordHash, passwordHash);
  return { repeated: false };
}

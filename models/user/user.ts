import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { op, defineModel, isObjectId } from "../mongoose.ts";
import { decoyHash, hashPassword, verifyPassword } from "./password.ts";

export interface User {
  id: string;
  email: string;
  name: string;
}

interface UserDoc {
  email: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
}

const userSchema = new Schema<UserDoc>({
  email: { type: String, required: true, unique: true, lowercase: true, trim: true },
  name: { type: String, required: true, trim: true, maxlength: 120 },
  passwordHash: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
});

export const UserModel = defineModel<UserDoc>("User", userSchema);

function toUser(doc: { _id: Types.ObjectId } & UserDoc): User {
  return { id: doc._id.toString(), email: doc.email, name: doc.name };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(input: {
  email: string;
  name: string;
  password: string;
}): Promise<User> {
  const doc = await UserModel.create({
    email: normaliseEmail(input.email),
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  return toUser(doc.toObject());
}

export async function findUserByEmail(email: string): Promise<User | null> {
  const doc = await UserModel.findOne({ email: normaliseEmail(email) }).lean();
  return doc ? toUser(doc) : null;
}

export async function getUser(userId: string): Promise<User | null> {
  if (!isObjectId(userId)) return null;
  const doc = await UserModel.findById(userId).lean();
  return doc ? toUser(doc) : null;
}

export async function getUsers(userIds: string[]): Promise<User[]> {
  const ids = userIds.filter(isObjectId);
  // An empty list finds nobody: no read (the embedded FerretDB would scan for it, ADR 040).
  if (ids.length === 0) return [];
  const docs = await UserModel.find({ _id: op({ $in: ids }) }).lean();
  return docs.map(toUser);
}

/**
 * The user whose email and password match, or null. Unknown emails cost the same hashing work
 * as wrong passwords, so timing does not reveal which emails have accounts.
 */
export async function verifyCredentials(email: string, password: string): Promise<User | null> {
  const doc = await UserModel.findOne({ email: normaliseEmail(email) }).lean();
  if (!doc) {
    await verifyPassword(await decoyHash(), password);
    return null;
  }
  return (await verifyPassword(doc.passwordHash, password)) ? toUser(doc) : null;
}

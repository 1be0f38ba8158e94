import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { defineModel, isObjectId, ofTrust, op } from "../mongoose.ts";
import type { Actor, Grant, Role } from "../permissions/roles.ts";
import { ROLES, isSchoolRole } from "../permissions/roles.ts";
import { getUser } from "../user/user.ts";

export interface Membership {
  id: string;
  userId: string;
  trustId: string;
  schoolId: string | null;
  role: Role;
}

interface MembershipDoc {
  userId: Types.ObjectId;
  trustId: Types.ObjectId;
  schoolId: Types.ObjectId | null;
  role: Role;
  createdAt: Date;
}

const membershipSchema = new Schema<MembershipDoc>({
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  trustId: { type: Schema.Types.ObjectId, required: true, index: true },
  schoolId: { type: Schema.Types.ObjectId, default: null },
  role: { type: String, required: true, enum: ROLES },
  createdAt: { type: Date, default: () => new Date() },
});
membershipSchema.index({ userId: 1, trustId: 1, schoolId: 1, role: 1 }, { unique: true });

export const MembershipModel = defineModel<MembershipDoc>("Membership", membershipSchema);

function toMembership(doc: { _id: Types.ObjectId } & MembershipDoc): Membership {
  return {
    id: doc._id.toString(),
    userId: doc.userId.toString(),
    trustId: doc.trustId.toString(),
    schoolId: doc.schoolId?.toString() ?? null,
    role: doc.role,
  };
}

/**
 * Grants `role` to a user in a trust (school roles need a school). Idempotent: the unique key
 * keeps one of each. The role counts from the person's next request (or access check).
 */
export async function grantRole(
  trustId: string,
  input: { userId: string; role: Role; schoolId?: string | null },
): Promise<Membership> {
  return (await grantRoleOnce(trustId, input)).membership;
}

/**
 * As grantRole, saying whether this call gave the role: `created` is false when the person held
 * it already, perhaps given a moment ago by another request, so only one of them records it.
 */
export async function grantRoleOnce(
  trustId: string,
  input: { userId: string; role: Role; schoolId?: string | null },
): Promise<{ membership: Membership; created: boolean }> {
  const schoolId = isSchoolRole(input.role) ? input.schoolId : null;
  if (isSchoolRole(input.role) && !schoolId) throw new Error(`${input.role} needs a school`);
  const filter = { userId: input.userId, trustId, schoolId, role: input.role };
  const held = await MembershipModel.findOne(filter).lean();
  if (held) return { membership: toMembership(held), created: false };
  try {
    return {
      membership: toMembership((await MembershipModel.create(filter)).toObject()),
      created: true,
    };
  } catch (error) {
    // Granted by another request a moment ago: the unique key kept it to one.
    if (!isDuplicateKey(error)) throw error;
    const granted = await MembershipModel.findOne(filter).lean();
    if (!granted) throw error;
    return { membership: toMembership(granted), created: false };
  }
}

/**
 * The person's memberships: one read through the `userId` index, which the embedded FerretDB
 * uses too (ADR 040), so it reads the person's rows, not every person's (ADR 051).
 */
export async function listMembershipsOfUser(userId: string): Promise<Membership[]> {
  if (!isObjectId(userId)) return [];
  const docs = await MembershipModel.find({ userId }).lean();
  return docs.map(toMembership);
}

/** The trust's memberships, or only those of one role (e.g. its validators). */
export async function listMembershipsOfTrust(trustId: string, role?: Role): Promise<Membership[]> {
  const docs = await MembershipModel.find(role ? { trustId, role } : { trustId }).lean();
  return docs.map(toMembership);
}

/**
 * The roles that bear on one of the trust's schools: those held at it, and the trust-wide ones
 * (admins, leaders, validators); not those at its other schools. One read, through the `trustId`
 * index, so it grows with the school, never with every school of a large trust.
 */
export async function listMembershipsAround(
  trustId: string,
  schoolId: string,
): Promise<Membership[]> {
  if (!isObjectId(trustId) || !isObjectId(schoolId)) return [];
  const docs = await MembershipModel.find({
    trustId,
    schoolId: op({ $in: [schoolId, null] }),
  }).lean();
  return docs.map(toMembership);
}

/** One role of a person in this trust, or null (an id of another trust is simply not found). */
export async function getMembership(
  trustId: string,
  membershipId: string,
): Promise<Membership | null> {
  if (!isObjectId(trustId) || !isObjectId(membershipId)) return null;
  const doc = ofTrust(await MembershipModel.findOne({ _id: membershipId }).lean(), trustId);
  return doc ? toMembership(doc) : null;
}

/**
 * Takes one role away. True if this call removed it; false if it was already gone (a second,
 * simultaneous removal of the same role), so only one caller acts on the removal.
 */
export async function removeMembership(trustId: string, membershipId: string): Promise<boolean> {
  if (!isObjectId(trustId) || !isObjectId(membershipId)) return false;
  const doc = await MembershipModel.findOne(
    { _id: membershipId },
    { userId: 1, trustId: 1 },
  ).lean();
  if (!doc || doc.trustId.toString() !== trustId) return false;
  const result = await MembershipModel.deleteOne({ _id: membershipId, trustId });
  return result.deletedCount === 1;
}

/** A membership as the permission module reads it. */
export function toGrant(m: Membership): Grant {
  return m.schoolId && isSchoolRole(m.role)
    ? { role: m.role, trustId: m.trustId, schoolId: m.schoolId }
    : ({ role: m.role, trustId: m.trustId } as Grant);
}

/** The signed-in person as the permission module sees them, or null if they no longer exist. */
export async function loadActor(userId: string): Promise<Actor | null> {
  // Side by side: both are read by `_id` (ADR 033).
  const [user, memberships] = await Promise.all([getUser(userId), listMembershipsOfUser(userId)]);
  if (!user) return null;
  return { userId: user.id, name: user.name, grants: memberships.map(toGrant) };
}

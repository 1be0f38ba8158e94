import { IdList, type AllRecords, type IdsOf } from "../id-list.ts";

/**
 * Which memberships a person has, kept under the person's id (ADR 033): every request and every
 * collab socket asks for the signed-in person's grants, and the embedded FerretDB answers a
 * filter on anything but `_id` by reading the whole collection (every person of every trust).
 * Derived from the memberships and rebuilt after every change (models/id-list.ts), so the
 * memberships stay the one record of who holds which role.
 */
const lists = new IdList("MembershipList", "membershipIds", "migration:membership-lists");

/** What a list is built from: the ids of the person's memberships, read from the memberships. */
export type MembershipIdsOf = IdsOf;

/** Rebuilds the person's list after a change to their memberships. */
export function rebuildMembershipList(userId: string, idsOf: MembershipIdsOf): Promise<void> {
  return lists.rebuild(userId, idsOf);
}

/** The ids of the person's memberships, by `_id` (from the memberships until migrated). */
export function membershipIdsOf(userId: string, fallback: MembershipIdsOf): Promise<string[]> {
  return lists.idsOf(userId, fallback);
}

/** Every membership's id and person, from one read of all memberships. */
export type AllMemberships = () => Promise<{ id: string; userId: string }[]>;

/** Gives every person with a membership their list (once per database). */
export function migrateMembershipLists(all: AllMemberships): Promise<void> {
  const records: AllRecords = async () =>
    (await all()).map(({ id, userId }) => ({ id, ownerId: userId }));
  return lists.migrate(records);
}

/** Forgets that the migration was seen done (tests that start from an older database). */
export function forgetMigrationSeen(): void {
  lists.forgetMigrationSeen();
}

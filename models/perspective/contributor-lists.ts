import { IdList, type AllRecords, type IdsOf } from "../id-list.ts";

/**
 * Which contributor records an evaluation has, and which a person has, each kept under the
 * owner's id (ADR 039). Every socket and page of an evaluation asks who its contributors are
 * (the permission check), and every home page asks what the person contributes to; the embedded
 * FerretDB answers a filter on `evaluationId` or `userId` by reading every contributor of every
 * trust. Derived from the contributor records and rebuilt after every change
 * (models/id-list.ts): the records stay the one truth, so a contributor removed a moment ago (or
 * whose list was never rebuilt, after a crash) is simply not found.
 */
const byEvaluation = new IdList(
  "EvaluationContributorList",
  "contributorIds",
  "migration:evaluation-contributor-lists",
);
const byPerson = new IdList(
  "PersonContributionList",
  "contributorIds",
  "migration:person-contribution-lists",
);

/** Reads the ids of the contributor records of an evaluation or of a person from the records. */
export interface ContributorRecordIds {
  ofEvaluation: IdsOf;
  ofPerson: IdsOf;
}

/** Rebuilds the evaluation's and the person's lists after a change to that contribution. */
export async function rebuildContributorLists(
  evaluationId: string,
  userId: string,
  read: ContributorRecordIds,
): Promise<void> {
  await Promise.all([
    byEvaluation.rebuild(evaluationId, read.ofEvaluation),
    byPerson.rebuild(userId, read.ofPerson),
  ]);
}

/** The ids of an evaluation's contributor records, by `_id` (from the records until migrated). */
export function contributorRecordIdsOfEvaluation(
  evaluationId: string,
  read: ContributorRecordIds,
): Promise<string[]> {
  return byEvaluation.idsOf(evaluationId, read.ofEvaluation);
}

/** The ids of a person's contributor records, by `_id` (from the records until migrated). */
export function contributorRecordIdsOfPerson(
  userId: string,
  read: ContributorRecordIds,
): Promise<string[]> {
  return byPerson.idsOf(userId, read.ofPerson);
}

/** Every contributor record's id, evaluation and person, from one read of all of them. */
export type AllContributors = () => Promise<{ id: string; evaluationId: string; userId: string }[]>;

/** Gives every evaluation and every person with a contributor record their list (once). */
export async function migrateContributorLists(all: AllContributors): Promise<void> {
  const ofEvaluations: AllRecords = async () =>
    (await all()).map(({ id, evaluationId }) => ({ id, ownerId: evaluationId }));
  const ofPeople: AllRecords = async () =>
    (await all()).map(({ id, userId }) => ({ id, ownerId: userId }));
  await byEvaluation.migrate(ofEvaluations);
  await byPerson.migrate(ofPeople);
}

/** Forgets that the migrations were seen done (tests that start from an older database). */
export function forgetContributorListsMigrationSeen(): void {
  byEvaluation.forgetMigrationSeen();
  byPerson.forgetMigrationSeen();
}

import { beforeAll, describe, expect, it } from "vitest";
import { mongoose } from "../../models/mongoose.ts";
import { forgetContributorListsMigrationSeen } from "../../models/perspective/contributor-lists.ts";
import {
  contributorIdsOf,
  ContributorModel,
  evaluationIdsContributedBy,
  inviteContributor,
  listContributors,
  migrateContributorListsOnce,
  removeContributor,
} from "../../models/perspective/perspective.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildUser, buildWorld } from "../support/factories.ts";
import { readFiltersDuring } from "../support/finds.ts";

// ADR 039: who contributes to an evaluation (asked by the permission check on every socket and
// page of it) and what a person contributes to (their home page) are read from lists under the
// evaluation's and the person's id, then the records by `_id`: the embedded FerretDB would
// otherwise read every contributor of every trust for each.

useTestDatabase();

let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  world = await buildWorld();
});

const freshEvaluation = () => buildEvaluation(world.school, world.people.schoolLeader, world.trust);

function invite(evaluation: { id: string; trustId: string }, userId: string) {
  return inviteContributor(evaluation, {
    userId,
    perspective: "centralTeam",
    invitedBy: world.people.trustAdmin.id,
  });
}

async function expectReadsByIdOnly(read: () => Promise<unknown>) {
  const reads = await readFiltersDuring(read);
  expect(reads.length).toBeGreaterThan(0);
  for (const { collection, keys } of reads) {
    expect(keys, `a read of ${collection}`).toEqual(["_id"]);
  }
  return reads;
}

describe("contributors read by _id (ADR 039)", () => {
  it("lists an evaluation's contributors and a person's evaluations, reading only by _id", async () => {
    const evaluation = await freshEvaluation();
    const other = await freshEvaluation();
    const { staff, trustLeader } = world.people;
    await invite(evaluation, staff.id);
    await invite(evaluation, trustLeader.id);
    await invite(other, staff.id);

    const reads = await expectReadsByIdOnly(async () => {
      expect((await contributorIdsOf(evaluation.id)).sort()).toEqual(
        [staff.id, trustLeader.id].sort(),
      );
      expect((await evaluationIdsContributedBy(staff.id)).sort()).toEqual(
        [evaluation.id, other.id].sort(),
      );
      const listed = await listContributors(world.trust.id, evaluation.id);
      expect(listed.map((c) => c.userId)).toEqual([staff.id, trustLeader.id]);
    });
    expect(new Set(reads.map((r) => r.collection))).toEqual(
      new Set(["evaluationcontributorlists", "personcontributionlists", "contributors"]),
    );
    // Another trust asking for the evaluation's contributors gets nothing.
    expect(await listContributors(world.people.staff.id, evaluation.id)).toEqual([]);
  });

  it("a removed contributor is gone at once, even if their lists were never rebuilt", async () => {
    const evaluation = await freshEvaluation();
    const { staff, staff2 } = world.people;
    await invite(evaluation, staff.id);
    await invite(evaluation, staff2.id);
    await removeContributor(evaluation, staff2.id);
    expect(await contributorIdsOf(evaluation.id)).toEqual([staff.id]);
    expect(await evaluationIdsContributedBy(staff2.id)).not.toContain(evaluation.id);

    // A crash between the record's delete and the lists' rebuild: the lists still name the
    // record, which is no longer there, so the person has no access (the records are the truth).
    await ContributorModel.deleteOne({ evaluationId: evaluation.id, userId: staff.id });
    expect(await contributorIdsOf(evaluation.id)).toEqual([]);
    expect(await evaluationIdsContributedBy(staff.id)).not.toContain(evaluation.id);
  });

  it("twenty people invited at once are all listed, each once, and an invitation repeated repairs a lost list", async () => {
    const evaluation = await freshEvaluation();
    const people = await Promise.all(
      Array.from({ length: 20 }, () => buildUser("schoolStaff", world.trust, world.school)),
    );
    await Promise.all(people.map((person) => invite(evaluation, person.id)));
    // Double-clicks and retries: the same invitations again, at once.
    await Promise.all(people.slice(0, 5).map((person) => invite(evaluation, person.id)));
    expect((await contributorIdsOf(evaluation.id)).sort()).toEqual(people.map((p) => p.id).sort());

    // The first invitation stopped between its record and the lists.
    const lists = mongoose.connection.db!.collection("evaluationcontributorlists");
    await lists.deleteOne({ _id: new mongoose.Types.ObjectId(evaluation.id) });
    expect(await contributorIdsOf(evaluation.id)).toEqual([]);
    await invite(evaluation, people[0].id);
    expect(await contributorIdsOf(evaluation.id)).toHaveLength(20);
  });

  it("a database from before reads the records until its migration has given everyone their lists", async () => {
    const evaluation = await freshEvaluation();
    const { validator } = world.people;
    await invite(evaluation, validator.id);
    const db = mongoose.connection.db!;
    await db.collection("evaluationcontributorlists").deleteMany({});
    await db.collection("personcontributionlists").deleteMany({});
    await db.collection("decisionslots").deleteMany({
      _id: {
        $in: ["migration:evaluation-contributor-lists", "migration:person-contribution-lists"],
      },
    } as never);
    forgetContributorListsMigrationSeen();
    expect(await contributorIdsOf(evaluation.id)).toEqual([validator.id]);
    expect(await evaluationIdsContributedBy(validator.id)).toEqual([evaluation.id]);

    await migrateContributorListsOnce();
    await expectReadsByIdOnly(async () => {
      expect(await contributorIdsOf(evaluation.id)).toEqual([validator.id]);
      expect(await evaluationIdsContributedBy(validator.id)).toEqual([evaluation.id]);
    });
  });
});

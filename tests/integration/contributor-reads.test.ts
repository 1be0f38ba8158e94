import { beforeAll, describe, expect, it } from "vitest";
import {
  contributorIdsOf,
  evaluationIdsContributedBy,
  inviteContributor,
  listContributors,
  removeContributor,
} from "../../models/perspective/perspective.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildUser, buildWorld } from "../support/factories.ts";
import { readFiltersDuring } from "../support/finds.ts";

// ADR 051: who contributes to an evaluation (asked by the permission check of its pages, and
// of a socket of someone not on its school's team) and what a person contributes to (their home
// page) are one read each, through the index on `evaluationId` or `userId`, which the embedded
// FerretDB uses too (ADR 040).

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

describe("contributors, read by evaluation or by person (ADR 051)", () => {
  it("lists an evaluation's contributors and a person's evaluations, one read each", async () => {
    const evaluation = await freshEvaluation();
    const other = await freshEvaluation();
    const { staff, trustLeader } = world.people;
    await invite(evaluation, staff.id);
    await invite(evaluation, trustLeader.id);
    await invite(other, staff.id);

    const reads = await readFiltersDuring(async () => {
      expect((await contributorIdsOf(evaluation.id)).sort()).toEqual(
        [staff.id, trustLeader.id].sort(),
      );
      expect((await evaluationIdsContributedBy(staff.id)).sort()).toEqual(
        [evaluation.id, other.id].sort(),
      );
      const listed = await listContributors(world.trust.id, evaluation.id);
      expect(listed.map((c) => c.userId)).toEqual([staff.id, trustLeader.id]);
    });
    expect(reads.map((r) => [r.collection, r.keys])).toEqual([
      ["contributors", ["evaluationId"]],
      ["contributors", ["userId"]],
      ["contributors", ["evaluationId"]],
    ]);
    // Another trust asking for the evaluation's contributors gets nothing.
    expect(await listContributors(world.people.staff.id, evaluation.id)).toEqual([]);
  });

  it("a removed contributor is gone at once", async () => {
    const evaluation = await freshEvaluation();
    const { staff, staff2 } = world.people;
    await invite(evaluation, staff.id);
    await invite(evaluation, staff2.id);
    await removeContributor(evaluation, staff2.id);
    expect(await contributorIdsOf(evaluation.id)).toEqual([staff.id]);
    expect(await evaluationIdsContributedBy(staff2.id)).not.toContain(evaluation.id);
    expect(await evaluationIdsContributedBy(staff.id)).toContain(evaluation.id);
  });

  it("twenty people invited at once are all listed, each once", async () => {
    const evaluation = await freshEvaluation();
    const people = await Promise.all(
      Array.from({ length: 20 }, () => buildUser("schoolStaff", world.trust, world.school)),
    );
    await Promise.all(people.map((person) => invite(evaluation, person.id)));
    // Double-clicks and retries: the same invitations again, at once.
    await Promise.all(people.slice(0, 5).map((person) => invite(evaluation, person.id)));
    expect((await contributorIdsOf(evaluation.id)).sort()).toEqual(people.map((p) => p.id).sort());
  });
});

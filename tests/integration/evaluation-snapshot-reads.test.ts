import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createSnapshot, listSnapshotsOfEvaluation } from "../../models/snapshot/snapshot.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildWorld } from "../support/factories.ts";
import { readFiltersDuring } from "../support/finds.ts";
import { snapshotInput } from "../support/snapshot-input.ts";

// ADR 051: an evaluation's snapshots are listed with one read by `evaluationId`, which the
// embedded FerretDB answers through the index (ADR 040), not by reading every trust's rows.

useTestDatabase();

let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  world = await buildWorld();
});

async function freshEvaluation() {
  return buildEvaluation(world.school, world.people.schoolLeader, world.trust);
}

describe("an evaluation's snapshots, listed by evaluationId (ADR 051)", () => {
  it("are listed newest first, with one read by evaluationId", async () => {
    const evaluation = await freshEvaluation();
    const first = await createSnapshot(snapshotInput(world, randomBytes(10), "a", evaluation));
    const second = await createSnapshot(snapshotInput(world, randomBytes(10), "b", evaluation));
    let listed: Awaited<ReturnType<typeof listSnapshotsOfEvaluation>> = [];
    const reads = await readFiltersDuring(async () => {
      listed = await listSnapshotsOfEvaluation(world.trust.id, evaluation.id);
    });
    expect(listed.map((s) => s.id)).toEqual([second.snapshot.id, first.snapshot.id]);
    expect(reads.map((r) => [r.collection, r.keys])).toEqual([
      ["evaluationsnapshots", ["evaluationId"]],
    ]);
    // Another trust asking for the same evaluation gets nothing.
    expect(
      await listSnapshotsOfEvaluation(String(world.people.schoolLeader.id), evaluation.id),
    ).toEqual([]);
  });

  it("twenty submissions at once, each over its own guard, are all listed", async () => {
    const evaluation = await freshEvaluation();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createSnapshot(snapshotInput(world, randomBytes(10), `parallel ${i}`, evaluation)),
      ),
    );
    const listed = await listSnapshotsOfEvaluation(world.trust.id, evaluation.id);
    expect(listed.map((s) => s.id).sort()).toEqual(created.map((c) => c.snapshot.id).sort());
  });

  it("a retry of a submission already made lists it once", async () => {
    const evaluation = await freshEvaluation();
    const { snapshot } = await createSnapshot(
      snapshotInput(world, randomBytes(10), "once", evaluation),
    );
    const retry = await createSnapshot(snapshotInput(world, randomBytes(10), "once", evaluation));
    expect(retry.created).toBe(false);
    expect(retry.snapshot.id).toBe(snapshot.id);
    expect(
      (await listSnapshotsOfEvaluation(world.trust.id, evaluation.id)).map((s) => s.id),
    ).toEqual([snapshot.id]);
  });
});

import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { mongoose } from "../../models/mongoose.ts";
import {
  createSnapshot,
  forgetSnapshotListsMigrationSeen,
  listSnapshotsOfEvaluation,
  migrateSnapshotListsOnce,
} from "../../models/snapshot/snapshot.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildEvaluation, buildWorld } from "../support/factories.ts";
import { readFiltersDuring } from "../support/finds.ts";
import { snapshotInput } from "../support/snapshot-input.ts";

// ADR 037: an evaluation's snapshots are listed from a list of their ids kept under the
// evaluation's id, then each row by `_id`: the embedded FerretDB would otherwise read every
// snapshot row of every trust for each evaluation opened.

useTestDatabase();

let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  world = await buildWorld();
});

const lists = () => mongoose.connection.db!.collection("evaluationsnapshotlists");

async function freshEvaluation() {
  return buildEvaluation(world.school, world.people.schoolLeader, world.trust);
}

describe("an evaluation's snapshots listed by _id (ADR 037)", () => {
  it("lists an evaluation's snapshots newest first, reading only by _id", async () => {
    const evaluation = await freshEvaluation();
    const first = await createSnapshot(snapshotInput(world, randomBytes(10), "a", evaluation));
    const second = await createSnapshot(snapshotInput(world, randomBytes(10), "b", evaluation));
    let listed: Awaited<ReturnType<typeof listSnapshotsOfEvaluation>> = [];
    const reads = await readFiltersDuring(async () => {
      listed = await listSnapshotsOfEvaluation(world.trust.id, evaluation.id);
    });
    expect(listed.map((s) => s.id)).toEqual([second.snapshot.id, first.snapshot.id]);
    for (const read of reads) expect(read.keys).toEqual(["_id"]);
    expect(new Set(reads.map((r) => r.collection))).toEqual(
      new Set(["evaluationsnapshotlists", "evaluationsnapshots"]),
    );
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

  it("a retry after a first attempt stopped between its row and the list lists the snapshot", async () => {
    const evaluation = await freshEvaluation();
    const { snapshot } = await createSnapshot(
      snapshotInput(world, randomBytes(10), "once", evaluation),
    );
    // The first attempt's list write never happened.
    await lists().deleteOne({ _id: new mongoose.Types.ObjectId(evaluation.id) });
    expect(await listSnapshotsOfEvaluation(world.trust.id, evaluation.id)).toEqual([]);
    const retry = await createSnapshot(snapshotInput(world, randomBytes(10), "once", evaluation));
    expect(retry.created).toBe(false);
    expect(
      (await listSnapshotsOfEvaluation(world.trust.id, evaluation.id)).map((s) => s.id),
    ).toEqual([snapshot.id]);
  });

  it("a database from before lists from the rows until its migration has given every evaluation its list", async () => {
    const evaluation = await freshEvaluation();
    const { snapshot } = await createSnapshot(
      snapshotInput(world, randomBytes(10), "before", evaluation),
    );
    await lists().deleteMany({});
    await mongoose.connection
      .db!.collection("decisionslots")
      .deleteOne({ _id: "migration:evaluation-snapshot-lists" } as never);
    forgetSnapshotListsMigrationSeen();
    expect(
      (await listSnapshotsOfEvaluation(world.trust.id, evaluation.id)).map((s) => s.id),
    ).toEqual([snapshot.id]);
    await migrateSnapshotListsOnce();
    const list = await lists().findOne({ _id: new mongoose.Types.ObjectId(evaluation.id) });
    expect(list?.snapshotIds.map(String)).toEqual([snapshot.id]);
    const reads = await readFiltersDuring(() =>
      listSnapshotsOfEvaluation(world.trust.id, evaluation.id),
    );
    for (const read of reads) expect(read.keys).toEqual(["_id"]);
  });
});

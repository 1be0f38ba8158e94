import { randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  EvaluationSnapshotModel,
  EvaluationSnapshotStateModel,
  createSnapshot,
  getSnapshot,
  listSnapshotsOfEvaluation,
  migrateSnapshotStates,
} from "../../models/snapshot/snapshot.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildWorld } from "../support/factories.ts";
import { readFiltersDuring } from "../support/finds.ts";
import { snapshotInput } from "../support/snapshot-input.ts";

useTestDatabase();

let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  world = await buildWorld();
});

/** A snapshot of the world's evaluation holding `state`, taken over `guard`. */
const snapshotOf = (state: Uint8Array, guard?: string) => snapshotInput(world, state, guard);

describe("an evaluation snapshot's state (ADR 034)", () => {
  it("is kept apart from its row, under the snapshot's id, and read back by _id", async () => {
    const state = randomBytes(20_000);
    const { snapshot } = await createSnapshot(snapshotOf(state));
    const row = await EvaluationSnapshotModel.collection.findOne({
      _id: new Types.ObjectId(snapshot.id),
    });
    expect(row).not.toBeNull();
    expect(row!.state).toBeUndefined();

    let read: Awaited<ReturnType<typeof getSnapshot>> = null;
    const reads = await readFiltersDuring(async () => {
      read = await getSnapshot(world.trust.id, world.evaluation.id, snapshot.id);
    });
    expect(Buffer.from(read!.state).equals(state)).toBe(true);
    expect(reads.map((r) => `${r.collection}:${r.keys.join()}`).sort()).toEqual([
      "evaluationsnapshots:_id",
      "evaluationsnapshotstates:_id",
    ]);
    expect(
      await getSnapshot(new Types.ObjectId().toString(), world.evaluation.id, snapshot.id),
    ).toBeNull();
    expect(
      await getSnapshot(world.trust.id, new Types.ObjectId().toString(), snapshot.id),
    ).toBeNull();
  });

  it("is written once for twenty identical submissions at once, with no state left over", async () => {
    const guard = `parallel ${randomBytes(4).toString("hex")}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createSnapshot(snapshotOf(Buffer.from([i]), guard))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const ids = new Set(results.map((r) => r.snapshot.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    const rows = await EvaluationSnapshotModel.find({ guard }).lean();
    expect(rows.map((r) => r._id.toString())).toEqual([id]);
    const states = await EvaluationSnapshotStateModel.find({}, { _id: 1 }).lean();
    const rowIds = new Set(
      (await EvaluationSnapshotModel.find({}, { _id: 1 }).lean()).map((r) => r._id.toString()),
    );
    expect(states.every((s) => rowIds.has(s._id.toString()))).toBe(true);
  });

  it("is moved out of the rows of a database from before, bytes unchanged", async () => {
    const state = randomBytes(5_000);
    const { snapshot } = await createSnapshot(snapshotOf(state));
    const _id = new Types.ObjectId(snapshot.id);
    // As an earlier version stored it: the state inside the row, no record of its own.
    await EvaluationSnapshotStateModel.collection.deleteOne({ _id });
    await EvaluationSnapshotModel.collection.updateOne({ _id }, { $set: { state } });
    const before = await listSnapshotsOfEvaluation(world.trust.id, world.evaluation.id);
    expect(
      Buffer.from(
        (await getSnapshot(world.trust.id, world.evaluation.id, snapshot.id))!.state,
      ).equals(state),
    ).toBe(true);

    await migrateSnapshotStates();
    await migrateSnapshotStates(); // at every start: a second run changes nothing
    expect((await EvaluationSnapshotModel.collection.findOne({ _id }))!.state).toBeUndefined();
    const moved = await EvaluationSnapshotStateModel.collection.findOne({ _id });
    expect(Buffer.from(moved!.state.buffer.subarray(0, moved!.state.position)).equals(state)).toBe(
      true,
    );
    expect(
      Buffer.from(
        (await getSnapshot(world.trust.id, world.evaluation.id, snapshot.id))!.state,
      ).equals(state),
    ).toBe(true);
    expect(await listSnapshotsOfEvaluation(world.trust.id, world.evaluation.id)).toEqual(before);
  });
});

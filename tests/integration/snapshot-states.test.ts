import { describe, expect, it } from "vitest";
import {
  DocumentSnapshotModel,
  DocumentStateModel,
  compactDocument,
  deleteSnapshotsBefore,
  loadStoredDocument,
  readNewestSnapshot,
} from "../../models/document-log/document-log.ts";
import { mongoose } from "../../models/mongoose.ts";
import { useTestDatabase } from "../support/database.ts";
import { freshDocumentName, stateWith, textOf } from "../support/yjs-states.ts";

// ADR 026: a snapshot version's row holds its name, version and the `_id` of its state; the
// state lives in `documentstates`, read and deleted by `_id` only. The embedded FerretDB reads
// every row of a collection to answer any other filter, so the per-compaction check "nothing
// newer" and every load now read rows of a few bytes instead of whole document states.

useTestDatabase();

/** Every state is named by a version row, and every row's state is there. */
async function expectNoOrphans() {
  const rows = await DocumentSnapshotModel.find({}).lean();
  const named = rows.flatMap((row) => (row.stateId ? [row.stateId.toString()] : []));
  const states = (await DocumentStateModel.find({}).select({ _id: 1 }).lean()).map((s) =>
    s._id.toString(),
  );
  expect(states.sort()).toEqual(named.sort());
}

describe("snapshot states kept apart from their version rows", () => {
  it("a version row holds no state, and a load reads its state by _id", async () => {
    const name = freshDocumentName();
    await compactDocument(name, stateWith("a", "kept apart"), [], 0);
    const row = await DocumentSnapshotModel.collection.findOne({ name });
    expect(row).not.toBeNull();
    expect(row).not.toHaveProperty("state");
    expect(row?.stateId).toBeDefined();
    const state = await DocumentStateModel.collection.findOne({ _id: row?.stateId });
    expect(state).not.toBeNull();

    const reads: string[] = [];
    mongoose.set("debug", (collection: string, method: string, filter: unknown) => {
      if (collection === "documentstates") reads.push(`${method} ${JSON.stringify(filter)}`);
    });
    try {
      const loaded = await loadStoredDocument(name);
      expect(textOf(loaded.snapshot as Uint8Array, "a")).toBe("kept apart");
    } finally {
      mongoose.set("debug", false);
    }
    // Exactly one read of the states, by _id alone.
    expect(reads).toEqual([`findOne ${JSON.stringify({ _id: row?.stateId })}`]);
  });

  it("a row stored before ADR 026, with its state inline, still loads, and the next compaction merges and replaces it", async () => {
    const name = freshDocumentName();
    await DocumentSnapshotModel.collection.insertOne({
      name,
      state: Buffer.from(stateWith("old", "stored long ago")),
      version: 3,
      updatedAt: new Date(),
    });
    const loaded = await loadStoredDocument(name);
    expect(loaded.snapshotVersion).toBe(3);
    expect(textOf(loaded.snapshot as Uint8Array, "old")).toBe("stored long ago");

    // A stale writer (it knows version 0) merges the old row's state into its own.
    const version = await compactDocument(name, stateWith("new", "typed today"), [], 0);
    expect(version).toBe(4);
    const newest = await readNewestSnapshot(name);
    expect(textOf(newest?.state as Uint8Array, "old")).toBe("stored long ago");
    expect(textOf(newest?.state as Uint8Array, "new")).toBe("typed today");
    expect(await DocumentSnapshotModel.countDocuments({ name })).toBe(1);
    await expectNoOrphans();
  });

  it("twenty compactions at once leave no state that no row names, and the sweep takes replaced versions' states with their rows", async () => {
    const name = freshDocumentName();
    const versions = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        compactDocument(name, stateWith(`f${i}`, `edit ${i}`), [], 0, {
          entries: () => undefined,
          snapshotsBefore: () => undefined,
        }),
      ),
    );
    await expectNoOrphans();
    await deleteSnapshotsBefore(name, Math.max(...versions));
    expect(await DocumentSnapshotModel.countDocuments({ name })).toBe(1);
    await expectNoOrphans();
    const newest = await readNewestSnapshot(name);
    for (let i = 0; i < 20; i++)
      expect(textOf(newest?.state as Uint8Array, `f${i}`)).toBe(`edit ${i}`);
  });

  it("a read whose version's state a sweep took meanwhile starts again and finds the newer version", async () => {
    const name = freshDocumentName();
    await compactDocument(name, stateWith("a", "first"), [], 0);
    // What a reader can meet between its two reads: the row it found, its state already swept
    // (a sweep runs only once a newer version is in, here still on its way).
    const row = await DocumentSnapshotModel.findOne({ name }).lean();
    await DocumentStateModel.deleteOne({ _id: row?.stateId });
    const [read] = await Promise.all([
      readNewestSnapshot(name),
      compactDocument(name, stateWith("a", "first, then more"), [], 1),
    ]);
    expect(read?.version).toBe(2);
    expect(textOf(read?.state as Uint8Array, "a")).toContain("more");
  });
});

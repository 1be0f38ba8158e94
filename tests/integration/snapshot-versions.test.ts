import { describe, expect, it } from "vitest";
import { Types } from "mongoose";
import {
  DocumentSnapshotModel,
  DocumentStateModel,
  compactDocument,
  deleteSnapshotsBefore,
  loadStoredDocument,
  readNewestSnapshot,
} from "../../models/document-log/document-log.ts";
import {
  migrateLegacySnapshotRows,
  versionRowId,
} from "../../models/document-log/snapshot-versions.ts";
import { mongoose } from "../../models/mongoose.ts";
import { useTestDatabase } from "../support/database.ts";
import { expectNoOrphans, rowsWithState } from "../support/snapshot-rows.ts";
import { freshDocumentName, stateWith, textOf } from "../support/yjs-states.ts";

// ADR 035: a snapshot version's row is `<name>@<version>`, versions run 1…newest with no gap
// and rows stay once their state is swept, so the newest is found by `_id` reads alone: the
// embedded FerretDB answers those from SQLite's key, not by unpacking every document's rows.

useTestDatabase();

const KEEP_ALL = { entries: () => undefined, snapshotsBefore: () => undefined };

/** The filters of the reads of `documentsnapshots` that `run` makes. */
async function snapshotReads(run: () => Promise<unknown>): Promise<object[]> {
  const filters: object[] = [];
  mongoose.set("debug", (collection: string, method: string, filter: unknown) => {
    if (collection === "documentsnapshots" && /^find/.test(method)) filters.push(filter as object);
  });
  try {
    await run();
  } finally {
    mongoose.set("debug", false);
  }
  return filters;
}

describe("snapshot versions found by _id", () => {
  it("a load finds the newest of 40 versions with a handful of reads, each by _id alone", async () => {
    const name = freshDocumentName();
    for (let version = 0; version < 40; version++)
      await compactDocument(name, stateWith("a", `version ${version + 1}`), [], version);
    const filters = await snapshotReads(async () => {
      const loaded = await loadStoredDocument(name);
      expect(loaded.snapshotVersion).toBe(40);
      expect(textOf(loaded.snapshot as Uint8Array, "a")).toContain("version 40");
    });
    for (const filter of filters) expect(Object.keys(filter)).toEqual(["_id"]);
    // Gallop 1, 2, 4, …, 64 (7 reads), halve between 32 and 64 (5), confirm (1).
    expect(filters.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(40)) + 2);
    // The rows of the replaced versions stay, their states gone.
    expect(await DocumentSnapshotModel.countDocuments({ name })).toBe(40);
    expect(await rowsWithState(name)).toBe(1);
  });

  it("twenty compactions at once take versions 1 to 20, each once, and keep every edit", async () => {
    const name = freshDocumentName();
    const versions = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        compactDocument(name, stateWith(`f${i}`, `edit ${i}`), [], 0, KEEP_ALL),
      ),
    );
    expect([...versions].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const ids = (await DocumentSnapshotModel.find({ name }).select({ _id: 1 }).lean()).map(
      (row) => row._id,
    );
    expect(ids.sort()).toEqual(versions.map((v) => versionRowId(name, v)).sort());
    const newest = await readNewestSnapshot(name);
    expect(newest?.version).toBe(20);
    for (let i = 0; i < 20; i++)
      expect(textOf(newest?.state as Uint8Array, `f${i}`)).toBe(`edit ${i}`);
  });

  it("a stale writer never wins a version whose state was swept: it merges and writes after the newest", async () => {
    const name = freshDocumentName();
    await compactDocument(name, stateWith("a", "one"), [], 0);
    await compactDocument(name, stateWith("a", "one, two"), [], 1);
    await compactDocument(name, stateWith("a", "one, two, three"), [], 2);
    // Versions 1 and 2 are swept: only their rows are left.
    expect(await rowsWithState(name)).toBe(1);
    const version = await compactDocument(name, stateWith("b", "from a stale view"), [], 0);
    expect(version).toBe(4);
    const newest = await readNewestSnapshot(name);
    expect(textOf(newest!.state, "a")).toBe("one, two, three");
    expect(textOf(newest!.state, "b")).toBe("from a stale view");
  });

  it("a sweep repeated after a crash between its two steps still takes the state, once", async () => {
    const name = freshDocumentName();
    await compactDocument(name, stateWith("a", "one"), [], 0);
    await compactDocument(name, stateWith("a", "one, two"), [], 1, KEEP_ALL);
    // The crash: the first version's state deleted, its row still naming it.
    const first = await DocumentSnapshotModel.findOne({ _id: versionRowId(name, 1) }).lean();
    await DocumentStateModel.deleteOne({ _id: first!.stateId });
    await deleteSnapshotsBefore(name, 2);
    const swept = await DocumentSnapshotModel.findOne({ _id: versionRowId(name, 1) }).lean();
    expect(swept?.stateId).toBeUndefined();
    expect(await rowsWithState(name)).toBe(1);
    await expectNoOrphans();
    expect(textOf((await readNewestSnapshot(name))!.state, "a")).toBe("one, two");
  });

  it("rows from before, moved by two starts at once: each document keeps its newest state as version 1, nothing else", async () => {
    const collection = DocumentSnapshotModel.collection;
    // The unique (name, version) of ADR 018 that an older database has.
    await collection.createIndex({ name: 1, version: 1 }, { unique: true });
    const inline = freshDocumentName();
    const apart = freshDocumentName();
    const broken = freshDocumentName();
    const stateApart = new Types.ObjectId();
    const stateOlder = new Types.ObjectId();
    const stateBrokenOlder = new Types.ObjectId();
    await DocumentStateModel.collection.insertMany([
      { _id: stateApart, state: Buffer.from(stateWith("a", "apart, newest")) },
      { _id: stateOlder, state: Buffer.from(stateWith("a", "apart, older")) },
      { _id: stateBrokenOlder, state: Buffer.from(stateWith("a", "broken, older")) },
    ]);
    const row = (name: string, version: number | undefined, rest: object) => ({
      _id: new Types.ObjectId(),
      name,
      ...(version === undefined ? {} : { version }),
      ...rest,
      updatedAt: new Date(),
    });
    await collection.insertMany([
      // Before ADR 018: no version, the state inline; and a versioned row after it.
      row(inline, undefined, { state: Buffer.from(stateWith("a", "inline, oldest")) }),
      row(inline, 3, { state: Buffer.from(stateWith("a", "inline, newest")) }),
      row(apart, 5, { stateId: stateApart }),
      row(apart, 4, { stateId: stateOlder }),
      // Its newest row lost its state (the bug ADR 026's amendment fixed).
      row(broken, 7, { stateId: new Types.ObjectId() }),
      row(broken, 6, { stateId: stateBrokenOlder }),
    ] as never[]);

    await Promise.all([migrateLegacySnapshotRows(), migrateLegacySnapshotRows()]);

    expect(await collection.countDocuments({ _id: { $type: "objectId" } } as never)).toBe(0);
    for (const [name, text] of [
      [inline, "inline, newest"],
      [apart, "apart, newest"],
      [broken, "broken, older"],
    ]) {
      const loaded = await loadStoredDocument(name);
      expect(loaded.snapshotVersion).toBe(1);
      expect(textOf(loaded.snapshot as Uint8Array, "a")).toBe(text);
      expect(await collection.countDocuments({ name })).toBe(1);
    }
    // No state left that no row names: two kept apart, one copied out of its row.
    await expectNoOrphans();
    expect(await DocumentStateModel.countDocuments({ _id: stateOlder })).toBe(0);
    expect(await DocumentStateModel.countDocuments({ _id: stateApart })).toBe(1);
    expect((await collection.indexes()).map((index) => index.name)).not.toContain(
      "name_1_version_1",
    );
    // And the next compaction writes version 2, merging.
    expect(await compactDocument(apart, stateWith("b", "today"), [], 0)).toBe(2);
    expect(textOf((await readNewestSnapshot(apart))!.state, "a")).toBe("apart, newest");
  });
});

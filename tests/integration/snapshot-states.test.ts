import { describe, expect, it, vi } from "vitest";
import { Types } from "mongoose";
import {
  DocumentSnapshotModel,
  DocumentStateModel,
  appendUpdates,
  compactDocument,
  deleteSnapshotsBefore,
  loadStoredDocument,
  readNewestSnapshot,
} from "../../models/document-log/document-log.ts";
import { versionRowId } from "../../models/document-log/snapshot-versions.ts";
import { mongoose } from "../../models/mongoose.ts";
import { useTestDatabase } from "../support/database.ts";
import { expectNoOrphans, rowsWithState } from "../support/snapshot-rows.ts";
import { freshDocumentName, stateWith, textOf } from "../support/yjs-states.ts";

// ADR 026: a snapshot version's row holds its name, version and the `_id` of its state; the
// state lives in `documentstates`, read and deleted by `_id` only. The embedded FerretDB reads
// every row of a collection to answer any other filter, so the per-compaction check "nothing
// newer" and every load now read rows of a few bytes instead of whole document states.

useTestDatabase();

describe("snapshot states kept apart from their version rows", () => {
  it("a version row holds no state, and a load reads its state by _id", async () => {
    const name = freshDocumentName();
    await compactDocument(name, stateWith("a", "kept apart"), [], 0);
    const row = await DocumentSnapshotModel.findOne({ _id: versionRowId(name, 1) }).lean();
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

  it("twenty compactions at once leave no state that no row names, and the sweep takes replaced versions' states, keeping their rows", async () => {
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
    expect(await DocumentSnapshotModel.countDocuments({ name })).toBe(20);
    expect(await rowsWithState(name)).toBe(1);
    await expectNoOrphans();
    const newest = await readNewestSnapshot(name);
    for (let i = 0; i < 20; i++)
      expect(textOf(newest?.state as Uint8Array, `f${i}`)).toBe(`edit ${i}`);
  });

  it("a read whose version's state a sweep took meanwhile starts again and finds the newer version", async () => {
    const name = freshDocumentName();
    await compactDocument(name, stateWith("a", "first"), [], 0);
    // What a reader can meet between its two reads: the row it found is replaced by a newer
    // version and swept (its state first) before it reads the state.
    const readState = DocumentStateModel.findOne.bind(DocumentStateModel);
    const spy = vi.spyOn(DocumentStateModel, "findOne").mockImplementationOnce(((
      ...args: Parameters<typeof readState>
    ) => {
      const sweptFirst = compactDocument(name, stateWith("a", "first, then more"), [], 1);
      return { lean: async () => (await sweptFirst, readState(...args).lean()) };
    }) as unknown as typeof readState);
    try {
      const read = await readNewestSnapshot(name);
      expect(read?.version).toBe(2);
      expect(textOf(read?.state as Uint8Array, "a")).toContain("more");
    } finally {
      spy.mockRestore();
    }
    // The newer version is kept: it was never mistaken for a row without its state.
    expect((await readNewestSnapshot(name))?.version).toBe(2);
    await expectNoOrphans();
  });

  it("keeps the state when the row's insert is reported failed though it went in (a timeout), so the document still loads", async () => {
    const name = freshDocumentName();
    await compactDocument(name, stateWith("a", "first"), [], 0);
    const insertRow = DocumentSnapshotModel.create.bind(DocumentSnapshotModel);
    const spy = vi.spyOn(DocumentSnapshotModel, "create").mockImplementationOnce((async (
      ...args: Parameters<typeof insertRow>
    ) => {
      await insertRow(...args);
      throw new mongoose.mongo.MongoNetworkTimeoutError("connection timed out");
    }) as unknown as typeof insertRow);
    try {
      await expect(
        compactDocument(name, stateWith("a", "first, then more"), [], 1),
      ).rejects.toThrow("timed out");
    } finally {
      spy.mockRestore();
    }
    const loaded = await loadStoredDocument(name);
    expect(loaded.snapshotVersion).toBe(2);
    expect(textOf(loaded.snapshot as Uint8Array, "a")).toBe("first, then more");
  });

  it("a newest row whose state is gone with no newer version loads the version before and the log, under its own number", async () => {
    const name = freshDocumentName();
    await compactDocument(name, stateWith("a", "first"), [], 0);
    const [logged] = await appendUpdates(name, [stateWith("b", "typed since")]);
    // Never left by this code (a state goes only once a newer version is in): by hand, say.
    await DocumentSnapshotModel.create({
      _id: versionRowId(name, 2),
      name,
      stateId: new Types.ObjectId(),
      version: 2,
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const loaded = await loadStoredDocument(name);
      expect(loaded.snapshotVersion).toBe(2);
      expect(textOf(loaded.snapshot as Uint8Array, "a")).toBe("first");
      expect(loaded.updates.map((u) => u.id)).toEqual([logged]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("lost its state"));
    } finally {
      warn.mockRestore();
    }
    // And the next compaction writes the version after it.
    expect(await compactDocument(name, stateWith("a", "first, compacted"), [logged], 2)).toBe(3);
    expect(textOf((await readNewestSnapshot(name))!.state, "a")).toBe("first, compacted");
  });
});

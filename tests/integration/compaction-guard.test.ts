import { describe, expect, it } from "vitest";
import {
  DocumentUpdateModel,
  appendUpdates,
  compactDocument,
  loadStoredDocument,
} from "../../models/document-log/document-log.ts";
import { seedSnapshot } from "../../models/document-log/snapshot-write.ts";
import { useTestDatabase } from "../support/database.ts";
import { freshDocumentName, stateWith, storedDocument } from "../support/yjs-states.ts";

useTestDatabase();

// ADR 018: any process may compact a document; none may replace a snapshot with less than it had.
describe("compaction from several processes", () => {
  it("a compaction from a stale view merges what another process wrote instead of overwriting it", async () => {
    const name = freshDocumentName();
    const first = await compactDocument(name, stateWith("a", "from A"), [], 0);
    expect(first).toBe(1);
    // B still believes nothing was stored, and its state lacks A's text.
    const second = await compactDocument(name, stateWith("b", "from B"), [], 0);
    expect(second).toBe(2);
    const doc = await storedDocument(name);
    expect(doc.getText("a").toString()).toBe("from A");
    expect(doc.getText("b").toString()).toBe("from B");
  });

  it("20 compactions at once, each with its own edit and log entry, keep every edit and trim only their own entries", async () => {
    const name = freshDocumentName();
    const states = Array.from({ length: 20 }, (_, i) => stateWith(`f${i}`, `edit ${i}`));
    const ids = await Promise.all(states.map((state) => appendUpdates(name, [state])));
    const untouched = await appendUpdates(name, [stateWith("late", "not compacted by anyone")]);
    const versions = await Promise.all(
      states.map((state, i) => compactDocument(name, state, ids[i], 0)),
    );
    expect(new Set(versions).size).toBe(20);
    const left = await DocumentUpdateModel.find({ name }).lean();
    expect(left.map((entry) => entry._id.toString())).toEqual(untouched);
    const doc = await storedDocument(name);
    for (let i = 0; i < 20; i++) expect(doc.getText(`f${i}`).toString()).toBe(`edit ${i}`);
    expect(doc.getText("late").toString()).toBe("not compacted by anyone");
  });

  it("a new document is seeded once however many processes load it together", async () => {
    const name = freshDocumentName();
    const seed = stateWith("seed", "the seed");
    const stored = await Promise.all(Array.from({ length: 10 }, () => seedSnapshot(name, seed)));
    expect(stored.filter(Boolean)).toHaveLength(1);
    const loaded = await loadStoredDocument(name);
    expect(loaded.snapshotVersion).toBe(1);
    expect(loaded.updates).toEqual([]);
  });
});

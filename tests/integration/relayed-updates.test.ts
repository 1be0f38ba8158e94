import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/document-name.ts";
import { MERGE_RELAYED_AT, RelayedUpdates } from "../../collab/relayed-updates.ts";
import {
  appendUpdates,
  deleteLogEntries,
  readLogSince,
  type LogRead,
} from "../../models/document-log/document-log.ts";
import { useTestDatabase } from "../support/database.ts";

// ADR 041: a process checks the update log for what another process relayed to it, on the
// embedded FerretDB, before compacting it itself.
useTestDatabase();

/** A writer's document (on "process A"), every update kept as its update event gave it. */
function writer() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { text: doc.getText("evidence"), updates };
}

/** What "process B" notes as it applies the relayed updates: its own update events. */
function relayedTo(updates: Uint8Array[]): Uint8Array[] {
  const doc = new Y.Doc();
  const seen: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => seen.push(update));
  for (const update of updates) Y.applyUpdate(doc, update, { source: "redis" });
  return seen;
}

/** The real log read, counting what it fetched. */
function countingReads() {
  const reads: LogRead[] = [];
  const read = async (name: string, known: ReadonlySet<string>) => {
    const result = await readLogSince(name, known);
    reads.push(result);
    return result;
  };
  return { reads, relayed: new RelayedUpdates(read) };
}

const freshName = () => documentName("evaluation", new Types.ObjectId().toString());

describe("relayed updates checked against the log", () => {
  it("are logged only once the log holds every keystroke and deletion of them", async () => {
    const name = freshName();
    const a = writer();
    a.text.insert(0, "Phonics is taught daily");
    a.text.insert(23, " from Reception");
    a.text.delete(0, 8);
    const { relayed } = countingReads();
    const onB = relayedTo(a.updates);

    await appendUpdates(name, a.updates.slice(0, 2));
    expect(await relayed.logged(name, onB)).toBe(false);
    await appendUpdates(name, a.updates.slice(2));
    expect(await relayed.logged(name, onB)).toBe(true);
  });

  it("reads each entry's update once, and not at all when what was read holds the answer", async () => {
    const name = freshName();
    const a = writer();
    a.text.insert(0, "Reading");
    const firstIds = await appendUpdates(name, a.updates.slice(0, 1));
    const { reads, relayed } = countingReads();
    expect(await relayed.logged(name, relayedTo(a.updates))).toBe(true);
    expect(reads.map((r) => r.entries.map((e) => e.id))).toEqual([firstIds]);

    a.text.insert(7, " for pleasure");
    const secondIds = await appendUpdates(name, a.updates.slice(1));
    const later = relayedTo(a.updates).slice(1);
    expect(await relayed.logged(name, later)).toBe(true);
    expect(reads).toHaveLength(2);
    expect(reads[1].entries.map((e) => e.id)).toEqual(secondIds);
    expect([...reads[1].ids].sort()).toEqual([...firstIds, ...secondIds].sort());

    // Asked again (a later store of the same updates): the answer is known, no read.
    expect(await relayed.logged(name, later)).toBe(true);
    expect(reads).toHaveLength(2);
  });

  it("still counts entries trimmed after they were read (a snapshot holds them), and not ones never read", async () => {
    const name = freshName();
    const a = writer();
    a.text.insert(0, "Maths");
    const [read] = await appendUpdates(name, a.updates.slice(0, 1));
    const { relayed } = countingReads();
    expect(await relayed.logged(name, relayedTo(a.updates))).toBe(true);
    await deleteLogEntries(name, [read]);
    expect(await relayed.logged(name, relayedTo(a.updates))).toBe(true);

    a.text.insert(5, " mastery");
    const [unread] = await appendUpdates(name, a.updates.slice(1));
    await deleteLogEntries(name, [unread]);
    // Folded into a snapshot before this process read it: unsure, so "not logged" (it compacts).
    expect(await relayed.logged(name, relayedTo(a.updates).slice(1))).toBe(false);
  });

  it("never reads the updates of this process's own entries (none of them was relayed here)", async () => {
    const name = freshName();
    const a = writer();
    a.text.insert(0, "Attendance");
    const [fromA] = await appendUpdates(name, a.updates);
    const b = writer();
    b.text.insert(0, "Behaviour");
    const own = await appendUpdates(name, b.updates);
    const { reads, relayed } = countingReads();
    expect(await relayed.logged(name, relayedTo(a.updates), own)).toBe(true);
    expect(reads[0].entries.map((e) => e.id)).toEqual([fromA]);
  });

  it("merges what waits for one document, so a long wait holds one update, and answers the same", async () => {
    const name = freshName();
    const a = writer();
    for (let letter = 0; letter < MERGE_RELAYED_AT + 10; letter++) a.text.insert(letter, "x");
    const relayed = new RelayedUpdates();
    for (const update of relayedTo(a.updates)) relayed.note(name, update);
    const waiting = relayed.take(name);
    expect(waiting.length).toBeLessThan(20);
    await appendUpdates(name, a.updates.slice(0, -1));
    expect(await relayed.logged(name, waiting)).toBe(false);
    await appendUpdates(name, a.updates.slice(-1));
    expect(await relayed.logged(name, waiting)).toBe(true);
  });

  it("keeps relayed updates until taken, and puts back what failed to store", () => {
    const relayed = new RelayedUpdates();
    const name = freshName();
    const [first, second] = [new Uint8Array([0, 0]), new Uint8Array([0, 1, 0])];
    expect(relayed.has(name)).toBe(false);
    relayed.note(name, first);
    const taken = relayed.take(name);
    expect(relayed.has(name)).toBe(false);
    relayed.note(name, second);
    relayed.putBack(name, taken);
    expect(relayed.take(name)).toEqual([first, second]);
    relayed.note(name, first);
    relayed.forget(name);
    expect(relayed.has(name)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DurableLog } from "../../collab/durable-log.ts";
import { FLUSH_DELAY_MS, UpdateLogWriter } from "../../collab/update-log-writer.ts";
import { PartialLogWrite, type LogEntry } from "../../models/document-log/document-log.ts";

/** A log store in memory, standing in for the database round trip the writer makes. */
function store(fail: (call: number, entries: LogEntry[]) => number | null = () => null) {
  const calls: LogEntry[][] = [];
  const rows: { id: string; entry: LogEntry }[] = [];
  const append = async (entries: LogEntry[]) => {
    calls.push(entries);
    await new Promise((r) => setTimeout(r, 5));
    const ok = fail(calls.length, entries);
    const n = ok === null ? entries.length : ok;
    const ids = entries.slice(0, n).map((entry) => {
      const id = `e${rows.length + 1}`;
      rows.push({ id, entry });
      return id;
    });
    if (ok === null) return ids;
    const cause = new Error("database unavailable");
    throw n > 0 ? new PartialLogWrite(ids, cause) : cause;
  };
  return { calls, rows, append };
}

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText("t").toString();
};

/** These tests never compact: nothing is handed over for trimming. */
const NO_TRIM = { entries: () => {}, snapshotsBefore: () => {} };

describe("the update-log writer", () => {
  it("writes what every document accepted within a tick in one round trip", async () => {
    const db = store();
    const writer = new UpdateLogWriter(() => {}, db.append);
    const logs = ["evaluation.a", "evaluation.b", "discussion.c"].map(
      (name) => new DurableLog(name, [], writer, NO_TRIM),
    );
    logs.forEach((log, i) => {
      log.accept(update(`first ${i}`));
      log.accept(update(`second ${i}`));
    });
    await Promise.all(logs.map((log) => log.whenDurable()));
    expect(db.calls).toHaveLength(1);
    // One entry per document, holding both of its updates.
    expect(db.calls[0].map((e) => e.name)).toEqual([
      "evaluation.a",
      "evaluation.b",
      "discussion.c",
    ]);
    expect(textOf([db.calls[0][1].update])).toContain("second 1");
    expect(logs.map((l) => [l.durableCount, l.length])).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
  });

  it("keeps each document's entries in the order accepted, one write at a time", async () => {
    const db = store();
    const writer = new UpdateLogWriter(() => {}, db.append);
    const log = new DurableLog("evaluation.a", [], writer, NO_TRIM);
    const doc = new Y.Doc();
    doc.on("update", (u: Uint8Array) => log.accept(u));
    for (let i = 0; i < 5; i++) {
      doc.getText("t").insert(doc.getText("t").length, `${i}`);
      await new Promise((r) => setTimeout(r, FLUSH_DELAY_MS + 2));
    }
    await log.flush();
    expect(textOf(db.rows.map((r) => r.entry.update))).toBe("01234");
    expect(log.durableCount).toBe(5);
  });

  it("keeps what a failed write did not write, says so once, and writes it on the retry", async () => {
    const errors: unknown[] = [];
    // The first insert writes the first document's entry, then the database goes away.
    const db = store((call) => (call === 1 ? 1 : null));
    const writer = new UpdateLogWriter((e) => errors.push(e), db.append);
    const a = new DurableLog("evaluation.a", [], writer, NO_TRIM);
    const b = new DurableLog("evaluation.b", [], writer, NO_TRIM);
    a.accept(update("alpha"));
    b.accept(update("beta"));
    await Promise.all([a.whenDurable(), b.whenDurable()]);
    expect(errors).toHaveLength(1);
    expect(db.calls).toHaveLength(2);
    // Nothing written twice, nothing lost.
    expect(db.rows.map((r) => r.entry.name)).toEqual(["evaluation.a", "evaluation.b"]);
    expect(textOf([db.rows[1].entry.update])).toBe("beta");
  });

  it("answers a wait only once the updates accepted before it are in", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const writer = new UpdateLogWriter(
      () => {},
      async (entries) => {
        await gate;
        return entries.map((_, i) => `e${i}`);
      },
    );
    const log = new DurableLog("evaluation.a", [], writer, NO_TRIM);
    log.accept(update("x"));
    let done = false;
    const waiting = log.whenDurable().then(() => (done = true));
    await new Promise((r) => setTimeout(r, FLUSH_DELAY_MS * 3));
    expect(done).toBe(false);
    release();
    await waiting;
    expect(done).toBe(true);
  });
});

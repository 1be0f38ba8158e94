import * as Y from "yjs";
import type { RecordEntry } from "../../models/validation/record-state.ts";

/**
 * The shape of a `record.<validationId>` document: the validation record's entries, in
 * sequence order. Only the server writes it (after an authorised action has stored the entry in
 * the database); every client is read-only, so what people see is exactly what was recorded.
 */
export const recordEntriesOf = (doc: Y.Doc) => doc.getArray<RecordEntry>("entries");

/** The entries in the document, deduplicated by sequence number, in order. */
export function readRecord(doc: Y.Doc): RecordEntry[] {
  const bySeq = new Map<number, RecordEntry>();
  for (const entry of recordEntriesOf(doc).toArray()) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Appends whatever of `entries` (from the database) the document lacks. Idempotent. */
export function syncRecord(doc: Y.Doc, entries: RecordEntry[]): void {
  const have = new Set(readRecord(doc).map((e) => e.seq));
  const missing = entries.filter((e) => !have.has(e.seq)).sort((a, b) => a.seq - b.seq);
  if (missing.length) recordEntriesOf(doc).push(missing);
}

// Seeds are written by this fixed client; see evaluation.ts for why.
const SEED_CLIENT_ID = 1;

export function recordSeedUpdate(entries: RecordEntry[]): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  syncRecord(doc, entries);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

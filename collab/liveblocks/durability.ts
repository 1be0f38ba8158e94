import * as Y from "yjs";

/**
 * Whether `doc` (what MongoDB holds) contains everything a browser's snapshot names: every
 * insertion (its state vector) and every deletion (its delete set). A state vector alone would
 * miss an edit that only deleted text, which adds no new items.
 */
export function coversSnapshot(doc: Y.Doc, encodedSnapshot: Uint8Array): boolean {
  const theirs = Y.decodeSnapshot(encodedSnapshot);
  const ours = Y.snapshot(doc);
  for (const [client, clock] of theirs.sv) {
    if ((ours.sv.get(client) ?? 0) < clock) return false;
  }
  for (const [client, deletions] of theirs.ds.clients) {
    const have = ours.ds.clients.get(client) ?? [];
    for (const { clock, len } of deletions) {
      // Our delete set is sorted and merged: a deleted run of theirs lies within runs of ours.
      let from = clock;
      const end = clock + len;
      for (const run of have) {
        if (run.clock <= from && run.clock + run.len > from) from = run.clock + run.len;
        if (from >= end) break;
      }
      if (from < end) return false;
    }
  }
  return true;
}

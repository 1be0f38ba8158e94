import * as Y from "yjs";
import { readLogSince, type LogRead } from "../models/document-log/document-log.ts";
import { UpdateIds } from "./id-ranges.ts";

/** Relayed updates held for one document are merged into one once this many wait. */
export const MERGE_RELAYED_AT = 256;
/** Log entries decoded in one go before the event loop gets a turn (broadcasts wait meanwhile). */
const DECODE_AT_ONCE = 32;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What is known to be in a document's log: the entries read so far and what they hold. */
interface KnownLog {
  /** The ids the log held at the last read (entries trimmed since are in a snapshot). */
  seen: Set<string>;
  /** Everything those entries, and every entry read before them, add and delete. */
  holds: UpdateIds;
}

/** Relayed updates not yet known to be stored. */
interface Pending {
  updates: Uint8Array[];
  /** When the first of them came, or when a check of them last failed. */
  since: number;
}

/**
 * The updates other processes relayed to this one (ADR 018), per document, until they are known
 * to be stored: the process they entered logs them, and this one checks its log for them when
 * it has reason to doubt it did (ADR 041), storing them itself if not.
 *
 * Each is the change it made here (the document's update event: only what was new to this
 * process), so the check asks whether the log holds those structs and deletions. What the log
 * once held stays stored: an entry leaves it only once a snapshot holds it (ADR 024), and
 * snapshots never shrink (ADR 018). So what was read is remembered, and only new entries are read
 * again. When in doubt (an entry already folded into a snapshot and trimmed) the answer is "not
 * logged", and the caller compacts: the safe direction.
 */
export class RelayedUpdates {
  private pending = new Map<string, Pending>();
  private known = new Map<string, KnownLog>();

  constructor(
    private readonly readLog: (
      name: string,
      known: ReadonlySet<string>,
    ) => Promise<LogRead> = readLogSince,
  ) {}

  /** Notes an update relayed to `name` (call from the document's update event). */
  note(name: string, update: Uint8Array): void {
    const pending = this.pending.get(name);
    if (!pending) this.pending.set(name, { updates: [update], since: Date.now() });
    else if (pending.updates.push(update) >= MERGE_RELAYED_AT) {
      // What waits stays the size of what changed, not of how many keystrokes changed it.
      pending.updates = [Y.mergeUpdates(pending.updates)];
    }
  }

  /** True when `name` holds relayed updates not yet known to be stored. */
  has(name: string): boolean {
    return this.pending.has(name);
  }

  /** The documents holding relayed updates, and since when (ms since the epoch). */
  waiting(): [name: string, since: number][] {
    return [...this.pending].map(([name, pending]) => [name, pending.since]);
  }

  /** Takes the relayed updates of `name` to store; `putBack` them if that fails. */
  take(name: string): Uint8Array[] {
    const taken = this.pending.get(name)?.updates ?? [];
    this.pending.delete(name);
    return taken;
  }

  putBack(name: string, updates: Uint8Array[]): void {
    if (updates.length === 0) return;
    const later = this.pending.get(name);
    this.pending.set(name, { updates: [...updates, ...(later?.updates ?? [])], since: Date.now() });
  }

  /**
   * True when the log holds everything `updates` add and delete: their process logged them, so
   * nothing here needs storing. Reads the log's ids, and the updates of entries neither read
   * before nor among `own` (this process's entries: their updates were never relayed here).
   */
  async logged(name: string, updates: Uint8Array[], own: Iterable<string> = []): Promise<boolean> {
    const wanted = new UpdateIds();
    for (const update of updates) wanted.include(update);
    let known = this.known.get(name);
    if (!known) {
      known = { seen: new Set<string>(), holds: new UpdateIds() };
      this.known.set(name, known);
    }
    if (known.holds.holds(wanted)) return true;
    const read = await this.readLog(name, new Set([...known.seen, ...own]));
    for (const [index, entry] of read.entries.entries()) {
      if (index > 0 && index % DECODE_AT_ONCE === 0) await nextTurn();
      known.holds.include(entry.update);
    }
    known.seen = new Set(read.ids);
    return known.holds.holds(wanted);
  }

  /** The document unloaded: nothing of it is kept. */
  forget(name: string): void {
    this.pending.delete(name);
    this.known.delete(name);
  }
}

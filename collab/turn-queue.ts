import pLimit from "p-limit";

interface DocumentTurn {
  /** The write scheduled and not started yet, if any: later stores join it. */
  waiting: Promise<void> | null;
  /** Settles when everything scheduled for the document so far has run. */
  tail: Promise<void>;
  /** Writes scheduled (not joined) and not yet settled. */
  scheduled: number;
}

/**
 * Runs background writes of a process's documents a few at a time, each document's in order:
 * projection writes and compactions (ADR 025).
 *
 * Nobody waits for these writes, while the update log is how "Saved" is earned. When a hundred
 * documents store at once (everyone started typing at the same moment), their writes (each a
 * few database commands) all went to the database at once and the update log's inserts queued
 * behind them: edit → durable p95 of 2.5–2.9 s in the first 10 s at 100 documents, and 1.3 s
 * when their logs all reached the compaction length together. Here they wait in this process
 * instead, `concurrency` at a time.
 *
 * A document's writes never overlap (an older state could otherwise land last), and one
 * scheduled while the document's write is still waiting adds nothing: that write reads the
 * document when it starts, so it already carries the newer state.
 */
export class TurnQueue {
  private readonly slots: pLimit.Limit;
  private readonly turns = new Map<string, DocumentTurn>();

  constructor(concurrency: number) {
    this.slots = pLimit(concurrency);
  }

  /** Schedules `write` for `documentName`; settles once it (or the write it joined) has run. */
  schedule(documentName: string, write: () => Promise<void>): Promise<void> {
    let turn = this.turns.get(documentName);
    if (turn?.waiting) return turn.waiting;
    if (!turn) {
      turn = { waiting: null, tail: Promise.resolve(), scheduled: 0 };
      this.turns.set(documentName, turn);
    }
    const current = turn;
    current.scheduled += 1;
    const run = current.tail.then(() =>
      this.slots(() => {
        current.waiting = null;
        return write();
      }),
    );
    current.waiting = run;
    const settled = () => {
      current.scheduled -= 1;
      if (current.scheduled === 0) this.turns.delete(documentName);
    };
    current.tail = run.then(settled, settled);
    return run;
  }

  /**
   * Settles once no write is waiting or running, those scheduled meanwhile included (a shutdown
   * lets the writes in flight finish before the database goes). Failed writes count as run.
   */
  async idle(): Promise<void> {
    while (this.turns.size > 0) await Promise.all([...this.turns.values()].map((t) => t.tail));
  }

  /** True when `documentName` has a write waiting or running. */
  has(documentName: string): boolean {
    return this.turns.has(documentName);
  }

  /** Documents with a write waiting or running. */
  get documents(): number {
    return this.turns.size;
  }
}

import {
  appendLogEntries,
  PartialLogWrite,
  type LogEntry,
} from "../models/document-log/document-log.ts";

/**
 * How long accepted updates wait to be written together; bounds the "Saving…" time (an update
 * is answered once written, ADR 029). Each write costs both processes far more than the updates
 * in it: at 250 edits/s, 60 ms instead of 20 ms took server + database CPU from 38 % to about
 * 25 % of a core, for "Saved" about 40 ms later (durable p95 ~70 ms against a goal of 100 ms).
 */
export const FLUSH_DELAY_MS = 60;
const RETRY_DELAY_MS = 500;

/** A document whose accepted updates wait to be written (collab/durable-log.ts). */
export interface PendingLog {
  readonly name: string;
  /** Takes what waits now, merged into one update (null if nothing waits). */
  take(): { update: Uint8Array; upTo: number; parts: Uint8Array[] } | null;
  /** The taken update is in the database under `id`. */
  wrote(id: string, upTo: number): void;
  /** The taken update was not written: it goes back in front of what waits. */
  putBack(parts: Uint8Array[]): void;
}

/**
 * One writer for every document of the process: whatever all documents accepted within a tick
 * goes to the update log in one insert (one round trip, one database command), not one per
 * document. One write at a time keeps each document's log in acceptance order; a failure keeps
 * everything (clients keep showing "Saving…") and is retried.
 */
export class UpdateLogWriter {
  private waiting = new Set<PendingLog>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly onError: (error: unknown) => void = console.error,
    private readonly append: (entries: LogEntry[]) => Promise<string[]> = appendLogEntries,
    private readonly flushDelayMs = FLUSH_DELAY_MS,
  ) {}

  /** `log` has something to write: write it within `delay` ms (with everything else waiting). */
  mark(log: PendingLog, delay = this.flushDelayMs): void {
    this.waiting.add(log);
    this.schedule(delay);
  }

  private schedule(delay: number): void {
    if (this.timer) {
      if (delay > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, delay);
  }

  private async write(): Promise<void> {
    if (this.writing) {
      await this.writing;
      if (this.waiting.size > 0 && !this.timer) this.schedule(0);
      return;
    }
    const logs = [...this.waiting];
    this.waiting.clear();
    const batches = logs.flatMap((log) => {
      const batch = log.take();
      return batch ? [{ log, ...batch }] : [];
    });
    if (batches.length === 0) return;
    this.writing = this.writeBatches(batches);
    await this.writing;
    this.writing = null;
    if (this.waiting.size > 0 && !this.timer) this.schedule(0);
  }

  private async writeBatches(
    batches: { log: PendingLog; update: Uint8Array; upTo: number; parts: Uint8Array[] }[],
  ): Promise<void> {
    let ids: string[] = [];
    let failure: unknown = null;
    try {
      ids = await this.append(batches.map((b) => ({ name: b.log.name, update: b.update })));
    } catch (error) {
      ids = error instanceof PartialLogWrite ? error.written : [];
      failure = error instanceof PartialLogWrite ? error.cause : error;
    }
    batches.forEach((batch, i) => {
      if (i < ids.length) batch.log.wrote(ids[i], batch.upTo);
      else {
        batch.log.putBack(batch.parts);
        this.waiting.add(batch.log);
      }
    });
    if (failure === null) return;
    this.onError(failure);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.write();
      }, RETRY_DELAY_MS);
    }
  }
}

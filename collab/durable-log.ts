import * as Y from "yjs";
import { appendUpdates, compactDocument } from "../models/document-log/document-log.ts";

/** How long accepted updates wait to be written together; bounds the "Saving…" time. */
export const FLUSH_DELAY_MS = 20;
const RETRY_DELAY_MS = 500;

/**
 * The durable side of one loaded document. Every update the server accepts is queued
 * synchronously, written to the update log within a few tens of milliseconds, and counted, so
 * that a caller can wait until everything accepted so far is in the database.
 */
export class DurableLog {
  private pending: Uint8Array[] = [];
  private accepted = 0;
  private durable = 0;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private waiters: { upTo: number; resolve: () => void }[] = [];
  /** Log entries already contained in the in-memory document, to drop on compaction. */
  private logged: string[];
  private closed = false;

  constructor(
    readonly name: string,
    loggedIds: string[],
    private readonly onError: (error: unknown) => void = console.error,
    /** The stored snapshot's version when loaded; compaction writes only over it (ADR 018). */
    private snapshotVersion = 0,
  ) {
    this.logged = [...loggedIds];
  }

  /** Queues an accepted update. Call synchronously from the document's update event. */
  accept(update: Uint8Array): void {
    this.pending.push(update);
    this.accepted += 1;
    this.schedule(FLUSH_DELAY_MS);
  }

  /** Resolves once every update accepted before this call is in the database. */
  whenDurable(): Promise<void> {
    const upTo = this.accepted;
    if (this.durable >= upTo) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo, resolve }));
  }

  /** Writes what is pending now and waits for it. */
  async flush(): Promise<void> {
    this.schedule(0);
    await this.whenDurable();
  }

  /**
   * Replaces the snapshot with the document's full state and trims the log entries it contains.
   */
  async compact(doc: Y.Doc): Promise<void> {
    await this.flush();
    const contained = this.logged.slice();
    const state = Y.encodeStateAsUpdate(doc);
    this.snapshotVersion = await compactDocument(this.name, state, contained, this.snapshotVersion);
    this.logged.splice(0, contained.length);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(delay: number): void {
    if (this.closed && delay > 0) return;
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
      // One write at a time keeps the log in acceptance order; go again when it is done.
      await this.writing;
      if (this.pending.length > 0) this.schedule(0);
      return;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending.splice(0);
    const upTo = this.accepted - this.pending.length;
    this.writing = (async () => {
      try {
        const ids = await appendUpdates(this.name, [Y.mergeUpdates(batch)]);
        this.logged.push(...ids);
        this.durable = upTo;
        this.release();
      } catch (error) {
        // Keep the batch: nothing accepted is dropped, and clients keep showing "Saving…".
        this.pending.unshift(...batch);
        this.onError(error);
        this.timer = setTimeout(() => {
          this.timer = null;
          void this.write();
        }, RETRY_DELAY_MS);
      }
    })();
    await this.writing;
    this.writing = null;
    if (this.pending.length > 0 && !this.timer) this.schedule(0);
  }

  private release(): void {
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.upTo <= this.durable) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }
}

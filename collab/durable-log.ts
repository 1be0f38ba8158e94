import * as Y from "yjs";
import { compactDocument, type Leftovers } from "../models/document-log/document-log.ts";
import type { PendingLog, UpdateLogWriter } from "./update-log-writer.ts";

/**
 * The durable side of one loaded document. Every update the server accepts is queued
 * synchronously, handed to the process's update-log writer (written within a few tens of
 * milliseconds, together with other documents' updates), and counted, so that a caller can wait
 * until everything accepted so far is in the database.
 */
export class DurableLog implements PendingLog {
  private pending: Uint8Array[] = [];
  private accepted = 0;
  private durable = 0;
  private waiters: { upTo: number; resolve: () => void }[] = [];
  /** Log entries already contained in the in-memory document, to drop on compaction. */
  private logged: string[];

  constructor(
    readonly name: string,
    loggedIds: string[],
    private readonly writer: UpdateLogWriter,
    /** Deletes the entries compactions fold into the snapshot (later, with other documents'). */
    private readonly trim: Leftovers,
    /** The stored snapshot's version when loaded; compaction writes the next one (ADR 018). */
    private snapshotVersion = 0,
  ) {
    this.logged = [...loggedIds];
  }

  /** The ids of this document's log entries this process loaded or wrote, not yet compacted. */
  get loggedIds(): readonly string[] {
    return this.logged;
  }

  /** How many entries the log holds for this document beyond its snapshot. */
  get length(): number {
    return this.logged.length;
  }

  /** Queues an accepted update. Call synchronously from the document's update event. */
  accept(update: Uint8Array): void {
    this.pending.push(update);
    this.accepted += 1;
    this.writer.mark(this);
  }

  /** How many accepted updates are in the database. */
  get durableCount(): number {
    return this.durable;
  }

  /** How many updates were accepted so far (a point `whenDurable` can wait for). */
  get acceptedCount(): number {
    return this.accepted;
  }

  /** Calls `then` once every update accepted before this call is in the database. */
  afterDurable(then: () => void): void {
    if (this.durable >= this.accepted) then();
    else this.waiters.push({ upTo: this.accepted, resolve: then });
  }

  /** Resolves once every update accepted before this call is in the database. */
  whenDurable(): Promise<void> {
    return new Promise((resolve) => this.afterDurable(resolve));
  }

  /** Writes what is pending now and waits for it. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) this.writer.mark(this, 0);
    await this.whenDurable();
  }

  /**
   * Replaces the snapshot with the document's full state and has the log entries it contains
   * trimmed (at the process's next log sweep).
   */
  async compact(doc: Y.Doc): Promise<void> {
    await this.flush();
    const contained = this.logged.slice();
    const state = Y.encodeStateAsUpdate(doc);
    this.snapshotVersion = await compactDocument(
      this.name,
      state,
      contained,
      this.snapshotVersion,
      this.trim,
    );
    this.logged.splice(0, contained.length);
  }

  take() {
    if (this.pending.length === 0) return null;
    const parts = this.pending.splice(0);
    const update = parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
    return { update, upTo: this.accepted, parts };
  }

  wrote(id: string, upTo: number): void {
    this.logged.push(id);
    this.durable = upTo;
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.upTo <= this.durable) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }

  putBack(parts: Uint8Array[]): void {
    this.pending.unshift(...parts);
  }
}

import type {
  Extension,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeUnloadDocumentPayload,
  onLoadDocumentPayload,
  onStatelessPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { isDatabaseUnavailable, reportDatabaseUnavailable } from "../../models/database-health.ts";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";
import { seedSnapshot } from "../../models/document-log/snapshot-write.ts";
import { parseDocumentName } from "../document-name.ts";
import { DurableLog } from "../durable-log.ts";
import { EditorStamps, editorOf } from "../editor-stamps.ts";
import { LogTrim } from "../../models/document-log/log-trim.ts";
import { UpdateLogWriter } from "../update-log-writer.ts";
import { seedFor } from "../seeds.ts";
import { encodeMessage, parseClientMessage } from "../stateless.ts";
import { isRelayed } from "../relayed.ts";
import { TurnQueue } from "../turn-queue.ts";

// The log retries every half second until the database answers again (clients meanwhile show
// "Saving…"): a stall is one line in the log, not two a second per open document.
function logWriteError(error: unknown) {
  if (isDatabaseUnavailable(error)) reportDatabaseUnavailable(error);
  else console.error(error);
}

/** Timings for /metrics (server/metrics.ts), in seconds. */
export interface PersistenceObserver {
  /** From a client's "are my edits saved?" to the answer that they are durable. */
  durableWait?: (seconds: number) => void;
  /** One compaction of the log into the snapshot. */
  store?: (seconds: number) => void;
}

/**
 * A store compacts the log into the snapshot only once the log is this long, or on shutdown
 * (and a document is compacted when its last connection leaves, before it unloads): rewriting a snapshot every few
 * seconds while people type costs more than reading a few hundred small entries on load.
 */
export const COMPACT_AFTER_ENTRIES = 200;

/** Compactions running at once in one process; the rest wait their turn (ADR 025). */
export const COMPACTIONS_AT_ONCE = 2;

/** How often compacted log entries are deleted, for every document at once (ADR 024). */
export const LOG_TRIM_EVERY_MS = 30_000;

/**
 * Nothing accepted is lost: loading is snapshot + logged updates; every accepted update is
 * appended to the log within tens of milliseconds; a store compacts the log into the snapshot;
 * clients are told when their edits are durable. Seeding happens here, on the server, only
 * when nothing at all is stored.
 */
export class PersistenceExtension implements Extension {
  extensionName = "persistence";
  private logs = new Map<string, DurableLog>();
  private loggedOnLoad = new Map<string, { ids: string[]; snapshotVersion: number }>();
  /**
   * Documents holding updates another process relayed (ADR 018) since this one last compacted
   * them: that process logged them, but if it died before, only a compaction here saves them.
   */
  private relayedSince = new Set<string>();
  private writer = new UpdateLogWriter(logWriteError);
  /** Compacted log entries, deleted for all documents at once every `trimEveryMs` (ADR 024). */
  private trim = new LogTrim(logWriteError);
  private trimTimer: NodeJS.Timeout;
  /**
   * Compactions wait here: documents that started together reach the compaction length
   * together, and a hundred snapshot writes at once held up every update-log insert behind them.
   */
  private compactions = new TurnQueue(COMPACTIONS_AT_ONCE);
  /** Who edits the documents whose pages say "edited by" (joint workspaces' notes). */
  private editors = new EditorStamps(undefined, logWriteError);
  /** Per connection, the latest checkpoint asked for and the point it waits for. */
  private asked = new WeakMap<object, { n: number; upTo: number }>();
  private closing = false;

  constructor(
    private readonly observe: PersistenceObserver = {},
    trimEveryMs = LOG_TRIM_EVERY_MS,
  ) {
    this.trimTimer = setInterval(() => void this.trim.sweep(), trimEveryMs);
    this.trimTimer.unref();
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
    const name = parseDocumentName(documentName);
    if (!name) throw new Error(`Refusing to load malformed document ${documentName}`);
    // A failure here propagates: Hocuspocus then never stores this (empty) document over
    // what is saved.
    let stored = await loadStoredDocument(documentName);
    if (!stored.snapshot && stored.updates.length === 0) {
      const seed = await seedFor(name);
      // Durable before anyone sees it, so a crash cannot leave edits on an unsaved seed; and
      // stored once, however many processes load the new document together (ADR 018).
      if (seed && !(await seedSnapshot(documentName, seed))) {
        stored = await loadStoredDocument(documentName);
      } else if (seed) {
        stored = { snapshot: seed, snapshotVersion: 1, updates: [] };
      }
    }
    const ids = stored.updates.map((u) => u.id);
    if (stored.snapshot) Y.applyUpdate(document, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(document, update);
    this.loggedOnLoad.set(documentName, { ids, snapshotVersion: stored.snapshotVersion });
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
    const loaded = this.loggedOnLoad.get(documentName);
    const log = new DurableLog(
      documentName,
      loaded?.ids ?? [],
      this.writer,
      this.trim,
      loaded?.snapshotVersion ?? 0,
    );
    this.loggedOnLoad.delete(documentName);
    this.logs.set(documentName, log);
    const stampEditors = parseDocumentName(documentName)?.kind === "workspace";
    // Synchronous, so an update is queued before any later message on its socket is handled.
    document.on("update", (update: Uint8Array, origin: unknown) => {
      // Relayed from another process, which logged it (ADR 018): logged once, there.
      if (!isRelayed(origin)) {
        log.accept(update);
        const editor = stampEditors ? editorOf(origin) : null;
        if (editor) this.editors.note(documentName, editor);
      } else this.relayedSince.add(documentName);
    });
  }

  /**
   * The durability handshake of pages opened before ADR 029 (collab/stateless.ts): today's pages
   * learn it from the acknowledgement of each update instead, and send no checkpoint.
   */
  async onStateless({ payload, documentName, connection }: onStatelessPayload) {
    const message = parseClientMessage(payload);
    const log = this.logs.get(documentName);
    if (!message || !log) return;
    const asked = { n: message.n, upTo: log.acceptedCount };
    this.asked.set(connection, asked);
    await log.whenDurable();
    // One answer covers every checkpoint before it: skip this one if a later checkpoint of the
    // same connection is durable too (its own answer is on its way in this same tick).
    const latest = this.asked.get(connection);
    if (latest && latest !== asked && latest.n > asked.n && log.durableCount >= latest.upTo) return;
    connection.sendStateless(encodeMessage({ type: "durable", n: message.n }));
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
    const log = this.logs.get(documentName);
    if (!log) return;
    const relayed = this.relayedSince.has(documentName);
    if (this.closing || relayed || log.length >= COMPACT_AFTER_ENTRIES) {
      this.relayedSince.delete(documentName);
      const started = performance.now();
      await this.compact(documentName, log, document).catch((error: unknown) => {
        // Updates relayed from another process may be held only here: keep the document in
        // memory (Hocuspocus does when a store fails) until a store succeeds.
        if (relayed) {
          this.relayedSince.add(documentName);
          throw error;
        }
        // Our own updates are all in the log (compact flushed it first): the snapshot is only a
        // shortcut, tried again at the next store. Failing the store would keep the document
        // loaded with nobody on it for good (found by npm run bench:soak).
        logWriteError(error);
      });
      this.observe.store?.((performance.now() - started) / 1000);
    } else await log.flush();
  }

  async beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload) {
    const log = this.logs.get(documentName);
    if (!log || (log.length === 0 && !this.relayedSince.has(documentName))) return;
    this.relayedSince.delete(documentName);
    // The last person left: fold the log into the snapshot so the next open reads one record.
    // A failure leaves the log as it is (nothing lost) and the document still unloads.
    await this.compact(documentName, log, document).catch(logWriteError);
  }

  /** Compacts a document's log into its snapshot when its turn comes (see `compactions`). */
  private compact(documentName: string, log: DurableLog, document: Y.Doc): Promise<void> {
    return this.compactions.schedule(documentName, () => log.compact(document));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    // Anything still waiting stays with the writer, which writes it.
    this.logs.delete(documentName);
    this.relayedSince.delete(documentName);
  }

  /**
   * Calls `then` once every update `documentName` accepted so far is in the database (at once if
   * nothing waits): how a client's update is answered "applied" only once it is durable
   * (collab/durable-ack.ts, ADR 029).
   */
  afterDurable(documentName: string, then: () => void): void {
    const log = this.logs.get(documentName);
    if (!log) return then();
    const started = performance.now();
    log.afterDurable(() => {
      this.observe.durableWait?.((performance.now() - started) / 1000);
      then();
    });
  }

  /** Resolves once every update accepted so far for `documentName` is in the database. */
  async whenDurable(documentName: string): Promise<void> {
    await this.logs.get(documentName)?.flush();
  }

  /** The server is shutting down: every store from now on compacts. */
  shuttingDown(): void {
    this.closing = true;
  }

  /** Writes every pending update now (used on shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.logs.values()].map((log) => log.flush()));
    await this.editors.flush();
  }

  /** The last sweep of the log, once the shutdown's compactions are done; no sweep after it. */
  async trimLog(): Promise<void> {
    clearInterval(this.trimTimer);
    await this.trim.sweep();
  }
}

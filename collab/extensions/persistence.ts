import type {
  Extension,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeSyncPayload,
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
import { AckWhenDurable } from "../durable-ack.ts";
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

/** How soon a client's sync is tried again when storing relayed updates for it failed. */
const SYNC_STORE_RETRY_MS = 1000;
// y-protocols' messageYjsSyncStep2: what a client holds that the server lacked.
const SYNC_STEP_2 = 1;

/**
 * Nothing accepted is lost: loading is snapshot + logged updates; every accepted update is
 * appended to the log within tens of milliseconds; a store compacts the log into the snapshot;
 * clients are told when their edits are durable. Seeding happens here, on the server, only
 * when nothing at all is stored.
 */
export class PersistenceExtension implements Extension {
  extensionName = "persistence";
  private logs = new Map<string, DurableLog>();
  /** The loaded documents, for compacting one outside a store. */
  private documents = new Map<string, Y.Doc>();
  /** Compactions under way that store updates another process relayed (`storeRelayed`). */
  private storingRelayed = new Map<string, Promise<void>>();
  private loggedOnLoad = new Map<string, { ids: string[]; snapshotVersion: number }>();
  /**
   * Documents holding updates another process relayed (ADR 018) since this one last compacted
   * them: that process logged them, but if it died before, only a compaction here saves them.
   */
  private relayedSince = new Set<string>();
  private writer: UpdateLogWriter;
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
  /** Shut down: no more writes (the database is going); see `closed()`. */
  private stopped = false;

  constructor(
    private readonly observe: PersistenceObserver = {},
    trimEveryMs = LOG_TRIM_EVERY_MS,
    /** How long accepted updates wait to be written together (ADR 029). */
    flushDelayMs?: number,
  ) {
    this.writer = new UpdateLogWriter(logWriteError, undefined, flushDelayMs);
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
    this.documents.set(documentName, document);
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
    if (!log || this.stopped) return;
    const relayed = this.relayedSince.has(documentName);
    if (!this.closing && !relayed && log.length < COMPACT_AFTER_ENTRIES) return log.flush();
    const started = performance.now();
    // Updates relayed from another process may be held only here: a failure fails the store,
    // and Hocuspocus keeps the document in memory until a store succeeds.
    if (relayed) await this.storeRelayed(documentName, log, document);
    else {
      // Our own updates are all in the log (compact flushed it first): the snapshot is only a
      // shortcut, tried again at the next store. Failing the store would keep the document
      // loaded with nobody on it for good (found by npm run bench:soak).
      await this.compact(documentName, log, document).catch(logWriteError);
    }
    this.observe.store?.((performance.now() - started) / 1000);
  }

  /**
   * Compacts a document holding updates another process relayed (ADR 018), so they are stored
   * whether or not that process lived to log them; on failure they count as unstored again.
   */
  private storeRelayed(documentName: string, log: DurableLog, document: Y.Doc): Promise<void> {
    this.relayedSince.delete(documentName);
    const storing = this.compact(documentName, log, document).catch((error: unknown) => {
      this.relayedSince.add(documentName);
      throw error;
    });
    this.storingRelayed.set(documentName, storing);
    const done = () => {
      if (this.storingRelayed.get(documentName) === storing)
        this.storingRelayed.delete(documentName);
    };
    storing.then(done, done);
    return storing;
  }

  async beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload) {
    const log = this.logs.get(documentName);
    if (!log || this.stopped || (log.length === 0 && !this.relayedSince.has(documentName))) return;
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
    this.documents.delete(documentName);
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

  /**
   * The client's sync step 2 (sent on connecting: what it holds that this process lacked) is
   * answered through `afterSyncDurable`. Its socket is told so just before it is applied.
   */
  async beforeSync({ connection, documentName, type }: beforeSyncPayload) {
    if (type === SYNC_STEP_2 && connection.webSocket instanceof AckWhenDurable) {
      connection.webSocket.answeringSync(documentName);
    }
  }

  /**
   * Like `afterDurable`, for the answer to a client's sync. With several processes, this one may
   * hold updates another process relayed and died before logging. Their writer, reconnecting
   * here, sends nothing of them (this process has them), so "applied" would vouch for edits held
   * only in memory. So while relayed updates are unstored here, the answer waits for a
   * compaction that stores them (retried while the database fails).
   */
  afterSyncDurable(documentName: string, then: () => void): void {
    const log = this.logs.get(documentName);
    const document = this.documents.get(documentName);
    const storing =
      !log || !document
        ? undefined
        : this.relayedSince.has(documentName)
          ? this.storeRelayed(documentName, log, document)
          : this.storingRelayed.get(documentName);
    if (!storing) return this.afterDurable(documentName, then);
    storing.then(
      () => this.afterDurable(documentName, then),
      (error: unknown) => {
        logWriteError(error);
        setTimeout(() => this.afterSyncDurable(documentName, then), SYNC_STORE_RETRY_MS).unref();
      },
    );
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

  /** Settles once no compaction is waiting or running (one a leaving person started included). */
  compactionsDone(): Promise<void> {
    return this.compactions.idle();
  }

  /** The last sweep of the log, once the shutdown's compactions are done; no sweep after it. */
  async trimLog(): Promise<void> {
    clearInterval(this.trimTimer);
    await this.trim.sweep();
  }

  /**
   * Shut down: no store or compaction from now on, as the sockets closed last unload their
   * documents (the database is closed next). A log left uncompacted is as durable as a snapshot;
   * the next process compacts it.
   */
  closed(): void {
    this.stopped = true;
  }
}

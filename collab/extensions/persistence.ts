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
import { RelayedUpdates } from "../relayed-updates.ts";
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
  /**
   * A check of relayed updates against the log (ADR 041): "logged" by the process they entered,
   * or "compacted" here because the log lacked some.
   */
  relayedCheck?: (outcome: "logged" | "compacted") => void;
}

/**
 * A store compacts the log into the snapshot only once the log is this long, or on shutdown
 * (and a document is compacted when its last connection leaves, before it unloads): rewriting a snapshot every few
 * seconds while people type costs more than reading a few hundred small entries on load.
 */
export const COMPACT_AFTER_ENTRIES = 200;

/** Compactions running at once in one process; the rest wait their turn (ADR 025). */
export const COMPACTIONS_AT_ONCE = 2;

/**
 * Relayed updates are checked against the log this long after they came, at the latest (ADR
 * 041), plus up to half as long again, so that documents that started together spread out.
 */
export const RELAYED_CHECK_AFTER_MS = 300_000;
/** Checks of relayed updates running at once (they read the log). */
const RELAYED_CHECKS_AT_ONCE = 2;

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
  private loggedOnLoad = new Map<string, { ids: string[]; snapshotVersion: number }>();
  /**
   * Updates another process relayed (ADR 018) not yet known to be stored: that process logs
   * them, but if it died first, only a compaction here saves them (ADR 041).
   */
  private relayed = new RelayedUpdates();
  private writer: UpdateLogWriter;
  /** Compacted log entries, deleted for all documents at once every `trimEveryMs` (ADR 024). */
  private trim = new LogTrim(logWriteError);
  private trimTimer: NodeJS.Timeout;
  private relayedTimer: NodeJS.Timeout;
  /** Each document's next periodic check of its relayed updates (ms since the epoch). */
  private relayedDue = new Map<string, number>();
  /**
   * Checks of relayed updates, a few documents at a time, each document's in order. A check
   * takes the document's relayed updates when it starts, so callers that come while one waits
   * join it, and a sync that comes while one runs waits for it and the next.
   */
  private relayedChecks = new TurnQueue(RELAYED_CHECKS_AT_ONCE);
  /** Documents whose next relayed check must compact (a long log, shutdown): see onStoreDocument. */
  private compactRelayed = new Set<string>();
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
    /** See RELAYED_CHECK_AFTER_MS. */
    private readonly relayedCheckAfterMs = RELAYED_CHECK_AFTER_MS,
  ) {
    this.writer = new UpdateLogWriter(logWriteError, undefined, flushDelayMs);
    this.trimTimer = setInterval(() => void this.trim.sweep(), trimEveryMs);
    this.trimTimer.unref();
    this.relayedTimer = setInterval(
      () => this.checkRelayed(this.dueForCheck()),
      Math.min(1000, relayedCheckAfterMs),
    );
    this.relayedTimer.unref();
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
      } else this.relayed.note(documentName, update);
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

  /**
   * A store writes what is waiting in the log, and compacts only a long log (or on shutdown).
   * Updates relayed from another process are left to their checks (ADR 041), unless this
   * compaction stores them anyway.
   */
  async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
    const log = this.logs.get(documentName);
    if (!log || this.stopped) return;
    if (!this.closing && log.length < COMPACT_AFTER_ENTRIES) return log.flush();
    if (this.relayed.has(documentName)) {
      // Updates relayed from another process may be held only here: a failure fails the store,
      // and Hocuspocus keeps the document in memory until a store succeeds.
      await this.storeRelayed(documentName, true);
    } else {
      // Our own updates are all in the log (compact flushed it first): the snapshot is only a
      // shortcut, tried again at the next store. Failing the store would keep the document
      // loaded with nobody on it for good (found by npm run bench:soak).
      await this.compact(documentName, log, document).catch(logWriteError);
    }
  }

  /**
   * Makes sure the relayed updates of `names` (every document holding some, by default) are
   * stored: checked against the log, compacted here if it lacks any (ADR 041). Called when
   * another process falls silent (it may have died before logging what it relayed here), and
   * periodically, so that what is held waiting stays small.
   */
  checkRelayed(names: string[] = this.relayed.waiting().map(([name]) => name)): void {
    for (const name of names) {
      this.relayedDue.delete(name);
      this.storeRelayed(name).catch(logWriteError);
    }
  }

  /** The documents whose relayed updates have waited long enough for a periodic check. */
  private dueForCheck(): string[] {
    const now = Date.now();
    const due: string[] = [];
    for (const [name, since] of this.relayed.waiting()) {
      let at = this.relayedDue.get(name);
      if (at === undefined) {
        at = since + this.relayedCheckAfterMs * (1 + Math.random() / 2);
        this.relayedDue.set(name, at);
      }
      if (at <= now) due.push(name);
    }
    return due;
  }

  /**
   * Stores the updates another process relayed to a document (ADR 018) unless the log already
   * holds them, i.e. their process lived to log them (ADR 041): else, or when `compact`, a
   * compaction here stores them. On failure they count as unstored again.
   */
  private storeRelayed(documentName: string, compact = false): Promise<void> {
    if (compact) this.compactRelayed.add(documentName);
    return this.relayedChecks.schedule(documentName, async () => {
      const compacting = this.compactRelayed.delete(documentName);
      const taken = this.relayed.take(documentName);
      this.relayedDue.delete(documentName);
      const log = this.logs.get(documentName);
      const document = this.documents.get(documentName);
      if (!log || !document || this.stopped || (taken.length === 0 && !compacting)) return;
      try {
        if (!compacting && (await this.relayed.logged(documentName, taken, log.loggedIds))) {
          this.observe.relayedCheck?.("logged");
          return;
        }
        await this.compact(documentName, log, document);
        if (!compacting) this.observe.relayedCheck?.("compacted");
      } catch (error) {
        this.relayed.putBack(documentName, taken);
        throw error;
      }
    });
  }

  async beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload) {
    const log = this.logs.get(documentName);
    if (!log || this.stopped || (log.length === 0 && !this.relayed.has(documentName))) return;
    this.relayed.take(documentName);
    this.relayedDue.delete(documentName);
    // The last person left: fold the log into the snapshot so the next open reads one record.
    // A failure leaves the log as it is (nothing lost) and the document still unloads.
    await this.compact(documentName, log, document).catch(logWriteError);
  }

  /** Compacts a document's log into its snapshot when its turn comes (see `compactions`). */
  private compact(documentName: string, log: DurableLog, document: Y.Doc): Promise<void> {
    return this.compactions.schedule(documentName, async () => {
      const started = performance.now();
      await log.compact(document);
      this.observe.store?.((performance.now() - started) / 1000);
    });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    // Anything still waiting stays with the writer, which writes it.
    this.logs.delete(documentName);
    this.documents.delete(documentName);
    this.relayed.forget(documentName);
    this.relayedDue.delete(documentName);
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
   * only in memory. So while relayed updates are unstored here, the answer waits for their check:
   * the log holds them, or a compaction stored them (ADR 041; retried while the database fails).
   */
  afterSyncDurable(documentName: string, then: () => void): void {
    const holding = this.relayed.has(documentName) || this.relayedChecks.has(documentName);
    if (!holding || !this.logs.has(documentName)) return this.afterDurable(documentName, then);
    this.storeRelayed(documentName).then(
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
  async compactionsDone(): Promise<void> {
    // A relayed check may yet start a compaction.
    await this.relayedChecks.idle();
    await this.compactions.idle();
  }

  /** The last sweep of the log, once the shutdown's compactions are done; no sweep after it. */
  async trimLog(): Promise<void> {
    clearInterval(this.trimTimer);
    // Nobody is typing any more: no pauses.
    await this.trim.sweep(0);
  }

  /**
   * Shut down: no store or compaction from now on, as the sockets closed last unload their
   * documents (the database is closed next). A log left uncompacted is as durable as a snapshot;
   * the next process compacts it.
   */
  closed(): void {
    this.stopped = true;
    clearInterval(this.relayedTimer);
  }
}

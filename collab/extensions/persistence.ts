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
import { seedFor } from "../seeds.ts";
import { encodeMessage, parseClientMessage } from "../stateless.ts";
import { isRelayed } from "../relayed.ts";

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
 * Nothing accepted is lost: loading is snapshot + logged updates; every accepted update is
 * appended to the log within tens of milliseconds; a store compacts the log into the snapshot;
 * clients are told when their edits are durable. Seeding happens here, on the server, only
 * when nothing at all is stored.
 */
export class PersistenceExtension implements Extension {
  extensionName = "persistence";
  private logs = new Map<string, DurableLog>();
  constructor(private readonly observe: PersistenceObserver = {}) {}

  private loggedOnLoad = new Map<string, { ids: string[]; snapshotVersion: number }>();

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
      logWriteError,
      loaded?.snapshotVersion ?? 0,
    );
    this.loggedOnLoad.delete(documentName);
    this.logs.set(documentName, log);
    // Synchronous, so an update is queued before any later message on its socket is handled.
    document.on("update", (update: Uint8Array, origin: unknown) => {
      if (!isRelayed(origin)) log.accept(update);
    });
  }

  async onStateless({ payload, documentName, connection }: onStatelessPayload) {
    const message = parseClientMessage(payload);
    const log = this.logs.get(documentName);
    if (!message || !log) return;
    const started = performance.now();
    await log.whenDurable();
    this.observe.durableWait?.((performance.now() - started) / 1000);
    connection.sendStateless(encodeMessage({ type: "durable", n: message.n }));
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
    const log = this.logs.get(documentName);
    if (!log) return;
    const started = performance.now();
    await log.compact(document);
    this.observe.store?.((performance.now() - started) / 1000);
  }

  /**
   * Whatever is still queued is written before the log is closed: a store another process
   * was holding the lock for (ADR 018) skips our compaction, and with it our flush.
   */
  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload) {
    await this.logs.get(documentName)?.flush();
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    this.logs.get(documentName)?.close();
    this.logs.delete(documentName);
  }

  /** Resolves once every update accepted so far for `documentName` is in the database. */
  async whenDurable(documentName: string): Promise<void> {
    await this.logs.get(documentName)?.flush();
  }

  /** Writes every pending update now (used on shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.logs.values()].map((log) => log.flush()));
  }
}

import type {
  Extension,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  onLoadDocumentPayload,
  onStatelessPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { isDatabaseUnavailable, reportDatabaseUnavailable } from "../../models/database-health.ts";
import { appendUpdates, loadStoredDocument } from "../../models/document-log/document-log.ts";
import { parseDocumentName } from "../document-name.ts";
import { DurableLog } from "../durable-log.ts";
import { seedFor } from "../seeds.ts";
import { encodeMessage, parseClientMessage } from "../stateless.ts";

// The log retries every half second until the database answers again (clients meanwhile show
// "Saving…"): a stall is one line in the log, not two a second per open document.
function logWriteError(error: unknown) {
  if (isDatabaseUnavailable(error)) reportDatabaseUnavailable(error);
  else console.error(error);
}

function isFromRedis(origin: unknown): boolean {
  return (
    typeof origin === "object" &&
    origin !== null &&
    (origin as { source?: string }).source === "redis"
  );
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
  private loggedOnLoad = new Map<string, string[]>();

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
    const name = parseDocumentName(documentName);
    if (!name) throw new Error(`Refusing to load malformed document ${documentName}`);
    // A failure here propagates: Hocuspocus then never stores this (empty) document over
    // what is saved.
    const stored = await loadStoredDocument(documentName);
    const ids = stored.updates.map((u) => u.id);
    if (stored.snapshot) Y.applyUpdate(document, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(document, update);
    if (!stored.snapshot && stored.updates.length === 0) {
      const seed = await seedFor(name);
      if (seed) {
        Y.applyUpdate(document, seed);
        // Durable before anyone sees it, so a crash cannot leave edits on an unsaved seed.
        ids.push(...(await appendUpdates(documentName, [seed])));
      }
    }
    this.loggedOnLoad.set(documentName, ids);
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
    const log = new DurableLog(
      documentName,
      this.loggedOnLoad.get(documentName) ?? [],
      logWriteError,
    );
    this.loggedOnLoad.delete(documentName);
    this.logs.set(documentName, log);
    // Synchronous, so an update is queued before any later message on its socket is handled.
    document.on("update", (update: Uint8Array, origin: unknown) => {
      if (!isFromRedis(origin)) log.accept(update);
    });
  }

  async onStateless({ payload, documentName, connection }: onStatelessPayload) {
    const message = parseClientMessage(payload);
    const log = this.logs.get(documentName);
    if (!message || !log) return;
    await log.whenDurable();
    connection.sendStateless(encodeMessage({ type: "durable", n: message.n }));
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
    await this.logs.get(documentName)?.compact(document);
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

import { createHash } from "node:crypto";
import type { Extension, onStoreDocumentPayload } from "@hocuspocus/server";

/** The longest a store waits for its document's moment (ADR 044). */
export const STORE_SPREAD_MAX_MS = 2000;

/**
 * How long into the spread a document's stores start: a fixed point in [0, spreadMs) taken from
 * its name, so documents whose stores fall due together start apart, each always at its own.
 */
export function storePhaseMs(documentName: string, spreadMs: number): number {
  const hash = createHash("sha256").update(documentName).digest().readUInt32BE(0);
  return (hash / 2 ** 32) * spreadMs;
}

/**
 * Spreads stores out in time (ADR 044). While people type, Hocuspocus stores a document
 * `maxDebounce` after its first unstored change, so documents whose typing began together (the
 * clients of a restarted server reconnecting at once, a trust's schools starting at nine) store
 * together every time: their projections, compactions and snapshot writes ran back to back and
 * held the event loop for ~100 ms, in which everyone's keystrokes waited. Each store here first
 * waits for its document's moment in the spread; nothing is lost meanwhile (the update log, not
 * the store, is what makes an edit durable: ADR 029).
 *
 * A store made as the last person leaves does not wait (the document unloads after it), nor one
 * made while the server shuts down, and `shuttingDown` ends the waits under way.
 */
export class StoreSpreadExtension implements Extension {
  extensionName = "store-spread";
  // Before the Redis relay's store lock (priority 1000): a store waits, then locks.
  priority = 2000;
  private waits = new Set<() => void>();
  private closing = false;

  constructor(private readonly spreadMs: number) {}

  async onStoreDocument({ documentName, clientsCount }: onStoreDocumentPayload) {
    if (this.closing || clientsCount === 0) return;
    const ms = storePhaseMs(documentName, this.spreadMs);
    if (ms < 1) return;
    await new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.waits.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.waits.add(release);
    });
  }

  /** The server is shutting down: stores wait no longer, those waiting now included. */
  shuttingDown(): void {
    this.closing = true;
    for (const release of [...this.waits]) release();
  }
}

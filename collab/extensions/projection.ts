import type {
  Extension,
  afterStoreDocumentPayload,
  afterUnloadDocumentPayload,
} from "@hocuspocus/server";
import { isDatabaseUnavailable, reportDatabaseUnavailable } from "../../models/database-health.ts";
import { parseDocumentName } from "../document-name.ts";
import { TurnQueue } from "../turn-queue.ts";
import { writeProjection, type WrittenProjection } from "../projections.ts";
import { writeDraftFingerprint } from "../draft-fingerprints.ts";

/** Projection writes running at once in one process (ADR 025). */
export const PROJECTION_WRITES_AT_ONCE = 2;

/**
 * After each store, the document's structured projection is written to its database record
 * (unless it did not change: see writeProjection), a few documents at a time (TurnQueue); a
 * framework draft's content fingerprint is recorded the same way (ADR 069).
 */
export class ProjectionExtension implements Extension {
  extensionName = "projection";
  private written = new Map<string, WrittenProjection>();
  private queue = new TurnQueue(PROJECTION_WRITES_AT_ONCE);

  async afterStoreDocument({ documentName, document }: afterStoreDocumentPayload) {
    const name = parseDocumentName(documentName);
    if (!name) return;
    // A projection is derived from the document: one that could not be written is written at
    // the next store (or the next open). Failing the store instead would keep the document
    // loaded with nobody on it for good (Hocuspocus keeps it after a failed store).
    try {
      await this.queue.schedule(documentName, async () => {
        if (name.kind === "framework") return writeDraftFingerprint(name, document);
        // Hocuspocus stamps every change after the load (none yet: 0).
        const written = await writeProjection(name, document, this.written.get(documentName), {
          changed: document.lastChangeTime > 0,
        });
        if (written) this.written.set(documentName, written);
      });
    } catch (error) {
      if (isDatabaseUnavailable(error)) reportDatabaseUnavailable(error);
      else console.error(error);
    }
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    this.written.delete(documentName);
  }
}

import type {
  Extension,
  afterStoreDocumentPayload,
  afterUnloadDocumentPayload,
} from "@hocuspocus/server";
import { parseDocumentName } from "../document-name.ts";
import { writeProjection, type WrittenProjection } from "../projections.ts";

/**
 * After each store, the document's structured projection is written to its database record
 * (unless it did not change: see writeProjection).
 */
export class ProjectionExtension implements Extension {
  extensionName = "projection";
  private written = new Map<string, WrittenProjection>();

  async afterStoreDocument({ documentName, document }: afterStoreDocumentPayload) {
    const name = parseDocumentName(documentName);
    if (!name) return;
    const written = await writeProjection(name, document, this.written.get(documentName));
    if (written) this.written.set(documentName, written);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    this.written.delete(documentName);
  }
}

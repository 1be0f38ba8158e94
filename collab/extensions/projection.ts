import type { Extension, afterStoreDocumentPayload } from "@hocuspocus/server";
import { parseDocumentName } from "../document-name.ts";
import { writeProjection } from "../projections.ts";

/** After each store, the document's structured projection is written to its database record. */
export class ProjectionExtension implements Extension {
  extensionName = "projection";

  async afterStoreDocument({ documentName, document }: afterStoreDocumentPayload) {
    const name = parseDocumentName(documentName);
    if (name) await writeProjection(name, document);
  }
}

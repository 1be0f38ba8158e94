import type * as Y from "yjs";

/**
 * Where the whiteboard lives inside a `meeting.<validationId>` document: one map of tldraw
 * records (document scope only: shapes, pages, bindings, assets) keyed by record id, and the
 * tldraw schema those records were last written with, so a newer tldraw can migrate them.
 * Minutes are the XML fragment "minutes" beside them.
 */
export const whiteboardRecordsOf = (doc: Y.Doc) => doc.getMap<unknown>("whiteboard");
export const whiteboardMetaOf = (doc: Y.Doc) => doc.getMap<unknown>("whiteboardMeta");
export const MINUTES_FIELD = "minutes";

import { randomBytes } from "node:crypto";
import * as Y from "yjs";
import { loadStoredDocument } from "../../models/document-log/document-log.ts";

/** A document name no other test uses (an evaluation id of random hex). */
export function freshDocumentName(): string {
  return `evaluation.${randomBytes(12).toString("hex")}`;
}

/** One process's view of a document: a Yjs state holding `text` in the text field `field`. */
export function stateWith(field: string, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(field).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** The text field `field` of a Yjs state. */
export function textOf(state: Uint8Array, field: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText(field).toString();
}

/** What the database holds for a document (snapshot + logged updates), as one Y.Doc. */
export async function storedDocument(name: string): Promise<Y.Doc> {
  const stored = await loadStoredDocument(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

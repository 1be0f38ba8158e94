import type * as Y from "yjs";

/**
 * Which evidence items are attached to which criteria, inside an `evaluation.<id>` document.
 *
 * A flat Y.Map keyed "<criterionId>/<itemId>" → true. Attaching is setting a key and detaching
 * is deleting it, so two people attaching different items (or the same one) at once never
 * clash, and everyone sees it live. The items themselves (titles, files, links) are records in
 * MongoDB (models/evidence/); a key whose item no longer exists is simply not shown.
 */
export const evidenceAttachmentsOf = (doc: Y.Doc) => doc.getMap<true>("evidenceAttachments");

export const attachmentKey = (criterionId: string, itemId: string) => `${criterionId}/${itemId}`;

/** The criterion and item of an attachment key, or null for a malformed key. */
export function parseAttachmentKey(key: string): { criterionId: string; itemId: string } | null {
  const slash = key.lastIndexOf("/");
  if (slash <= 0 || slash === key.length - 1) return null;
  return { criterionId: key.slice(0, slash), itemId: key.slice(slash + 1) };
}

export function attachEvidence(doc: Y.Doc, criterionId: string, itemId: string): void {
  evidenceAttachmentsOf(doc).set(attachmentKey(criterionId, itemId), true);
}

export function detachEvidence(doc: Y.Doc, criterionId: string, itemId: string): void {
  const map = evidenceAttachmentsOf(doc);
  const key = attachmentKey(criterionId, itemId);
  if (map.has(key)) map.delete(key);
}

/** The ids of the items attached to a criterion. */
export function attachedItemIds(doc: Y.Doc, criterionId: string): string[] {
  const ids: string[] = [];
  for (const key of evidenceAttachmentsOf(doc).keys()) {
    const parsed = parseAttachmentKey(key);
    if (parsed?.criterionId === criterionId) ids.push(parsed.itemId);
  }
  return ids;
}

/** The criteria an item is attached to. */
export function criteriaOfEvidence(doc: Y.Doc, itemId: string): string[] {
  const ids: string[] = [];
  for (const key of evidenceAttachmentsOf(doc).keys()) {
    const parsed = parseAttachmentKey(key);
    if (parsed?.itemId === itemId) ids.push(parsed.criterionId);
  }
  return ids;
}

/** Detaches an item from every criterion (when the item itself is deleted). */
export function forgetEvidence(doc: Y.Doc, itemId: string): void {
  const map = evidenceAttachmentsOf(doc);
  doc.transact(() => {
    for (const criterionId of criteriaOfEvidence(doc, itemId))
      map.delete(attachmentKey(criterionId, itemId));
  });
}

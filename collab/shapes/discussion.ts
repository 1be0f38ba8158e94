import * as Y from "yjs";

/**
 * The shape of a `discussion.<evaluationId>` document: comment threads on an evaluation. It is
 * a document of its own because who may comment (the school team, assigned validators, trust
 * admins) differs from who may edit the evaluation, so a validator can comment without ever
 * being able to change the school's evaluation (shared/ARCHITECTURE.md).
 *
 * Only the server writes it (docs/decisions/010-discussion-written-by-the-server.md): every
 * client connection is read-only, and each change is a command that stamps the signed-in
 * author (discussion-changes.ts holds the operations). This module is what the browser and the
 * server share: the shape and how to read it.
 *
 * Everything is flat, keyed by id: two people starting threads or replying at once never
 * clash. A thread may be anchored to a passage of its criterion's narrative by Yjs relative
 * positions into the EVALUATION document, which follow the passage through later edits; the
 * passage text at the time is kept as `quote`, shown when the passage has since been deleted.
 */
export const MAX_COMMENT_LENGTH = 2000;
export const MAX_QUOTE_LENGTH = 500;

export const threadsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("threads");
export const commentsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("comments");
/** "<userId>/<threadId>" → how many comments of that thread the person has seen. */
export const readMarksOf = (doc: Y.Doc) => doc.getMap<number>("readMarks");
export const readMarkKey = (userId: string, threadId: string) => `${userId}/${threadId}`;

/** Relative positions (Y.relativePositionToJSON) of a passage's start and end. */
export interface Anchor {
  start: unknown;
  end: unknown;
}

export interface Thread {
  id: string;
  criterionId: string;
  anchor: Anchor | null;
  quote: string;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  resolved: boolean;
  resolvedBy: string | null;
}

export interface Comment {
  id: string;
  threadId: string;
  /** Empty once deleted. */
  body: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  /** When its author last changed it, or null. */
  editedAt: number | null;
  /** Deleted by its author while replies follow it: shown as "Comment deleted". */
  deleted: boolean;
}

export interface Author {
  userId: string;
  name: string;
}

/** Thread and comment ids, and the request ids that become them: 24 hex digits. */
export const ID_PATTERN = /^[0-9a-f]{24}$/;

/**
 * A fresh id for the thread or comment a form is about to post. The browser makes it when the
 * form opens and sends it with every attempt, so a double-click or a retry makes one comment.
 */
export function newRequestId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function readThread(id: string, map: Y.Map<unknown>): Thread | null {
  const criterionId = map.get("criterionId");
  if (typeof criterionId !== "string") return null;
  const anchor = map.get("anchor") as Anchor | null | undefined;
  return {
    id,
    criterionId,
    anchor:
      anchor && typeof anchor === "object" && "start" in anchor && "end" in anchor ? anchor : null,
    quote: String(map.get("quote") ?? ""),
    createdBy: String(map.get("createdBy") ?? ""),
    createdByName: String(map.get("createdByName") ?? ""),
    createdAt: Number(map.get("createdAt") ?? 0),
    resolved: map.get("resolved") === true,
    resolvedBy:
      typeof map.get("resolvedBy") === "string" ? (map.get("resolvedBy") as string) : null,
  };
}

function readComment(id: string, map: Y.Map<unknown>): Comment | null {
  const threadId = map.get("threadId");
  const body = map.get("body");
  if (typeof threadId !== "string" || typeof body !== "string") return null;
  const deleted = map.get("deleted") === true;
  const editedAt = map.get("editedAt");
  return {
    id,
    threadId,
    body: deleted ? "" : body.slice(0, MAX_COMMENT_LENGTH),
    authorId: String(map.get("authorId") ?? ""),
    authorName: String(map.get("authorName") ?? ""),
    createdAt: Number(map.get("createdAt") ?? 0),
    editedAt: typeof editedAt === "number" ? editedAt : null,
    deleted,
  };
}

/** One thread, or null when there is none with that id. */
export function getThread(doc: Y.Doc, threadId: string): Thread | null {
  const map = threadsOf(doc).get(threadId);
  return map instanceof Y.Map ? readThread(threadId, map) : null;
}

/** One comment, or null when there is none with that id. */
export function getComment(doc: Y.Doc, commentId: string): Comment | null {
  const map = commentsOf(doc).get(commentId);
  return map instanceof Y.Map ? readComment(commentId, map) : null;
}

const byTimeThenId = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The threads of one criterion (or all), oldest first. */
export function listThreads(doc: Y.Doc, criterionId?: string): Thread[] {
  const out: Thread[] = [];
  threadsOf(doc).forEach((map, id) => {
    if (!(map instanceof Y.Map)) return;
    const thread = readThread(id, map);
    if (thread && (criterionId === undefined || thread.criterionId === criterionId))
      out.push(thread);
  });
  return out.sort(byTimeThenId);
}

/** The comments of one thread, oldest first. */
export function listComments(doc: Y.Doc, threadId: string): Comment[] {
  const out: Comment[] = [];
  commentsOf(doc).forEach((map, id) => {
    if (!(map instanceof Y.Map)) return;
    const comment = readComment(id, map);
    if (comment && comment.threadId === threadId) out.push(comment);
  });
  return out.sort(byTimeThenId);
}

/** How many comments each thread has (deleted ones included: they keep their place). */
export function commentCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  commentsOf(doc).forEach((map) => {
    if (!(map instanceof Y.Map)) return;
    const threadId = map.get("threadId");
    if (typeof threadId === "string") counts.set(threadId, (counts.get(threadId) ?? 0) + 1);
  });
  return counts;
}

/** How many comments of a thread the person has seen (0 when never opened). */
export function readMark(doc: Y.Doc, userId: string, threadId: string): number {
  const mark = readMarksOf(doc).get(readMarkKey(userId, threadId));
  return typeof mark === "number" && mark >= 0 ? mark : 0;
}

/** Comments the person has not seen, per thread (only threads with some), for one criterion or all. */
export function unreadByThread(
  doc: Y.Doc,
  userId: string,
  criterionId?: string,
): Map<string, number> {
  const counts = commentCounts(doc);
  const out = new Map<string, number>();
  for (const thread of listThreads(doc, criterionId)) {
    const total = counts.get(thread.id) ?? 0;
    const mark = readMark(doc, userId, thread.id);
    if (total > mark) out.set(thread.id, total - mark);
  }
  return out;
}

/** The total of unreadByThread. */
export function unreadCount(doc: Y.Doc, userId: string, criterionId?: string): number {
  let total = 0;
  for (const n of unreadByThread(doc, userId, criterionId).values()) total += n;
  return total;
}

/** An anchor for the passage from `start` to `end` (already relative positions). */
export function anchorOf(start: Y.RelativePosition, end: Y.RelativePosition): Anchor {
  return { start: Y.relativePositionToJSON(start), end: Y.relativePositionToJSON(end) };
}

export type AnchorState =
  /** Not anchored to a passage: a comment on the criterion as a whole. */
  | { status: "none" }
  /** The evaluation document does not hold the anchored text yet (still loading). */
  | { status: "pending" }
  /** The passage was deleted: show the quote instead. */
  | { status: "orphaned"; quote: string }
  | { status: "live"; start: Y.AbsolutePosition; end: Y.AbsolutePosition };

function typeIsDeleted(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (item.deleted) return true;
  }
  return false;
}

/** Whether the document already holds the item (or type) a relative position points at. */
function arrived(doc: Y.Doc, position: Y.RelativePosition): boolean {
  const id = position.item ?? position.type;
  return !id || Y.getState(doc.store, id.client) > id.clock;
}

function isInside(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  return type === fragment || Y.isParentOf(fragment, type._item);
}

/**
 * Where a thread's passage is now in the narrative fragment of the evaluation document: live
 * (its start and end), orphaned (every anchored character was deleted, or its paragraph was),
 * or pending (that part of the document has not arrived yet).
 */
export function resolveAnchor(
  thread: Pick<Thread, "anchor" | "quote">,
  fragment: Y.XmlFragment,
): AnchorState {
  if (!thread.anchor) return { status: "none" };
  const doc = fragment.doc;
  if (!doc) return { status: "pending" };
  let start: Y.AbsolutePosition | null;
  let end: Y.AbsolutePosition | null;
  try {
    const relStart = Y.createRelativePositionFromJSON(thread.anchor.start);
    const relEnd = Y.createRelativePositionFromJSON(thread.anchor.end);
    if (!arrived(doc, relStart) || !arrived(doc, relEnd)) return { status: "pending" };
    start = Y.createAbsolutePositionFromRelativePosition(relStart, doc);
    end = Y.createAbsolutePositionFromRelativePosition(relEnd, doc);
  } catch {
    // A malformed anchor (documents from before the server checked anchors) is treated as lost.
    return { status: "orphaned", quote: thread.quote };
  }
  // The anchored items exist, so no position means their paragraph was deleted.
  if (!start || !end) return { status: "orphaned", quote: thread.quote };
  const orphaned =
    typeIsDeleted(start.type) ||
    typeIsDeleted(end.type) ||
    !isInside(start.type, fragment) ||
    !isInside(end.type, fragment) ||
    (start.type === end.type && start.index >= end.index);
  return orphaned ? { status: "orphaned", quote: thread.quote } : { status: "live", start, end };
}

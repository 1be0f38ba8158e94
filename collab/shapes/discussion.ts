import * as Y from "yjs";

/**
 * The shape of a `discussion.<evaluationId>` document: comment threads on an evaluation. It is
 * a document of its own because its writers (the school team, assigned validators, trust
 * admins) differ from the evaluation's, so a validator can comment without ever being able to
 * change the school's evaluation (shared/ARCHITECTURE.md).
 *
 * Everything is flat, keyed by id: two people starting threads or replying at once never
 * clash. A thread may be anchored to a passage of its criterion's narrative by Yjs relative
 * positions into the EVALUATION document, which follow the passage through later edits; the
 * passage text at the time is kept as `quote`, shown when the passage has since been deleted.
 *
 * Author names and ids are what the writing client put there: the browser writes the signed-in
 * identity from the loader, but the server does not check it (see the report of this feature).
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
  body: string;
  authorId: string;
  authorName: string;
  createdAt: number;
}

export interface Author {
  userId: string;
  name: string;
}

function newId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A comment body as it is stored: trimmed, at most MAX_COMMENT_LENGTH characters; null if empty. */
export function cleanBody(body: string): string | null {
  const trimmed = body.trim().slice(0, MAX_COMMENT_LENGTH);
  return trimmed.length ? trimmed : null;
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
  return {
    id,
    threadId,
    body: body.slice(0, MAX_COMMENT_LENGTH),
    authorId: String(map.get("authorId") ?? ""),
    authorName: String(map.get("authorName") ?? ""),
    createdAt: Number(map.get("createdAt") ?? 0),
  };
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

function commentCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  commentsOf(doc).forEach((map) => {
    if (!(map instanceof Y.Map)) return;
    const threadId = map.get("threadId");
    if (typeof threadId === "string") counts.set(threadId, (counts.get(threadId) ?? 0) + 1);
  });
  return counts;
}

/** Adds one comment to a thread; returns its id, or null when the body is empty. */
export function reply(
  doc: Y.Doc,
  threadId: string,
  body: string,
  author: Author,
  now = Date.now(),
): string | null {
  const text = cleanBody(body);
  if (!text || !threadsOf(doc).has(threadId)) return null;
  const id = newId();
  doc.transact(() => {
    const comment = new Y.Map<unknown>();
    comment.set("threadId", threadId);
    comment.set("body", text);
    comment.set("authorId", author.userId);
    comment.set("authorName", author.name);
    comment.set("createdAt", now);
    commentsOf(doc).set(id, comment);
    // One's own comment is never unread.
    readMarksOf(doc).set(
      readMarkKey(author.userId, threadId),
      commentCounts(doc).get(threadId) ?? 0,
    );
  });
  return id;
}

/**
 * Starts a thread on a criterion, optionally anchored to a passage of its narrative, with a
 * first comment. Returns the thread id, or null when the body is empty.
 */
export function startThread(
  doc: Y.Doc,
  input: { criterionId: string; anchor?: Anchor | null; quote?: string; body: string },
  author: Author,
  now = Date.now(),
): string | null {
  const text = cleanBody(input.body);
  if (!text) return null;
  const id = newId();
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    thread.set("criterionId", input.criterionId);
    thread.set("anchor", input.anchor ?? null);
    thread.set("quote", (input.quote ?? "").slice(0, MAX_QUOTE_LENGTH));
    thread.set("createdBy", author.userId);
    thread.set("createdByName", author.name);
    thread.set("createdAt", now);
    thread.set("resolved", false);
    thread.set("resolvedBy", null);
    threadsOf(doc).set(id, thread);
    reply(doc, id, text, author, now);
  });
  return id;
}

/** Resolves (or, with resolved = false, reopens) a thread. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: Author): boolean {
  const thread = threadsOf(doc).get(threadId);
  if (!(thread instanceof Y.Map)) return false;
  doc.transact(() => {
    thread.set("resolved", resolved);
    thread.set("resolvedBy", resolved ? by.userId : null);
  });
  return true;
}

/** How many comments of a thread the person has seen (0 when never opened). */
export function readMark(doc: Y.Doc, userId: string, threadId: string): number {
  const mark = readMarksOf(doc).get(readMarkKey(userId, threadId));
  return typeof mark === "number" && mark >= 0 ? mark : 0;
}

/** Records that the person has seen every comment of the thread so far (no write if nothing changed). */
export function markRead(doc: Y.Doc, userId: string, threadId: string): void {
  const count = listComments(doc, threadId).length;
  if (readMark(doc, userId, threadId) !== count)
    readMarksOf(doc).set(readMarkKey(userId, threadId), count);
}

/**
 * Comments the person has not seen, per thread (only threads with some), for one criterion or
 * all. `seen` overrides the stored marks, e.g. with marks kept in the browser by people who may
 * read the discussion but not write it.
 */
export function unreadByThread(
  doc: Y.Doc,
  userId: string,
  criterionId?: string,
  seen?: (threadId: string) => number | undefined,
): Map<string, number> {
  const counts = commentCounts(doc);
  const out = new Map<string, number>();
  for (const thread of listThreads(doc, criterionId)) {
    const total = counts.get(thread.id) ?? 0;
    const mark = Math.max(readMark(doc, userId, thread.id), seen?.(thread.id) ?? 0);
    if (total > mark) out.set(thread.id, total - mark);
  }
  return out;
}

/** The total of unreadByThread. */
export function unreadCount(
  doc: Y.Doc,
  userId: string,
  criterionId?: string,
  seen?: (threadId: string) => number | undefined,
): number {
  let total = 0;
  for (const n of unreadByThread(doc, userId, criterionId, seen).values()) total += n;
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
    // A malformed anchor (the document is only as honest as its writers) is treated as lost.
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

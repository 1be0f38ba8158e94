import * as Y from "yjs";
import { ConflictError, InvalidInputError } from "../../models/errors.ts";
import {
  MAX_COMMENT_LENGTH,
  MAX_QUOTE_LENGTH,
  commentCounts,
  commentsOf,
  getComment,
  getThread,
  listComments,
  readMark,
  readMarkKey,
  readMarksOf,
  threadsOf,
  type Anchor,
  type Author,
} from "./discussion.ts";

/**
 * The changes the server makes to a `discussion.<evaluationId>` document, one function per
 * command (server/commands). Pure: each takes the document, what was asked and the author the
 * server vouches for. Each checks the document first and throws a domain refusal before it
 * touches anything (a throw inside a Yjs transaction would keep what was already changed), then
 * changes it in one transaction. Who may do what is decided by the commands, through `can`.
 *
 * Ids come from the request (see newRequestId), so a repeated request finds its own earlier
 * result and changes nothing: `changed` says whether this call did anything.
 */

export interface Changed {
  changed: boolean;
}

function cleanBody(body: string): string {
  const text = body.trim();
  if (!text) throw new InvalidInputError("Write your comment first.", "body");
  if (text.length > MAX_COMMENT_LENGTH)
    throw new InvalidInputError(
      `Keep a comment to ${MAX_COMMENT_LENGTH.toLocaleString("en-GB")} characters.`,
      "body",
    );
  return text;
}

function addComment(
  doc: Y.Doc,
  commentId: string,
  threadId: string,
  body: string,
  author: Author,
  now: number,
) {
  const comment = new Y.Map<unknown>();
  comment.set("threadId", threadId);
  comment.set("body", body);
  comment.set("authorId", author.userId);
  comment.set("authorName", author.name);
  comment.set("createdAt", now);
  commentsOf(doc).set(commentId, comment);
  // One's own comment is never unread.
  readMarksOf(doc).set(readMarkKey(author.userId, threadId), commentCounts(doc).get(threadId) ?? 0);
}

/**
 * Starts a thread on a criterion, optionally anchored to a passage of its narrative, with a
 * first comment. The thread and its first comment both take the request's id.
 */
export function startThread(
  doc: Y.Doc,
  input: {
    threadId: string;
    criterionId: string;
    anchor: Anchor | null;
    quote: string;
    body: string;
  },
  author: Author,
  now: number,
): Changed {
  const existing = getThread(doc, input.threadId);
  if (existing) {
    if (existing.createdBy !== author.userId)
      throw new ConflictError("This request was already used. Reload the page and try again.");
    return { changed: false };
  }
  const body = cleanBody(input.body);
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    thread.set("criterionId", input.criterionId);
    thread.set("anchor", input.anchor);
    thread.set("quote", input.anchor ? input.quote.slice(0, MAX_QUOTE_LENGTH) : "");
    thread.set("createdBy", author.userId);
    thread.set("createdByName", author.name);
    thread.set("createdAt", now);
    thread.set("resolved", false);
    thread.set("resolvedBy", null);
    threadsOf(doc).set(input.threadId, thread);
    addComment(doc, input.threadId, input.threadId, body, author, now);
  });
  return { changed: true };
}

/** Adds a reply to an open thread; the reply takes the request's id. */
export function reply(
  doc: Y.Doc,
  input: { threadId: string; commentId: string; body: string },
  author: Author,
  now: number,
): Changed {
  const existing = getComment(doc, input.commentId);
  if (existing) {
    if (existing.authorId !== author.userId || existing.threadId !== input.threadId)
      throw new ConflictError("This request was already used. Reload the page and try again.");
    return { changed: false };
  }
  const thread = getThread(doc, input.threadId);
  if (!thread) throw new InvalidInputError("That thread no longer exists.");
  if (thread.resolved)
    throw new ConflictError("This thread has been resolved: reopen it to reply.");
  const body = cleanBody(input.body);
  doc.transact(() => addComment(doc, input.commentId, input.threadId, body, author, now));
  return { changed: true };
}

/** Resolves (or, with resolved = false, reopens) a thread. */
export function setResolved(
  doc: Y.Doc,
  input: { threadId: string; resolved: boolean },
  by: Author,
): Changed {
  const thread = getThread(doc, input.threadId);
  if (!thread) throw new InvalidInputError("That thread no longer exists.");
  if (thread.resolved === input.resolved) return { changed: false };
  const map = threadsOf(doc).get(input.threadId)!;
  doc.transact(() => {
    map.set("resolved", input.resolved);
    map.set("resolvedBy", input.resolved ? by.userId : null);
  });
  return { changed: true };
}

/** Changes the text of a comment (the command has checked that it is the author's). */
export function editComment(
  doc: Y.Doc,
  input: { commentId: string; body: string },
  now: number,
): Changed {
  const comment = getComment(doc, input.commentId);
  if (!comment || comment.deleted) throw new InvalidInputError("That comment no longer exists.");
  const body = cleanBody(input.body);
  if (body === comment.body) return { changed: false };
  const map = commentsOf(doc).get(input.commentId)!;
  doc.transact(() => {
    map.set("body", body);
    map.set("editedAt", now);
  });
  return { changed: true };
}

/**
 * Deletes a comment (the command has checked that it is the author's). While replies follow
 * it, it stays as "Comment deleted" so the conversation still reads in order; deleted comments
 * with nothing after them are removed, and a thread left with no comments goes too. Deleting
 * what is already gone changes nothing.
 */
export function deleteComment(doc: Y.Doc, input: { commentId: string }): Changed {
  const comment = getComment(doc, input.commentId);
  if (!comment || comment.deleted) return { changed: false };
  const { threadId } = comment;
  doc.transact(() => {
    const map = commentsOf(doc).get(input.commentId)!;
    map.set("deleted", true);
    map.set("body", "");
    map.delete("editedAt");
    const comments = listComments(doc, threadId);
    let left = comments.length;
    while (left > 0 && comments[left - 1].deleted) commentsOf(doc).delete(comments[--left].id);
    if (left === 0) threadsOf(doc).delete(threadId);
    // Marks count comments: nobody has seen more than there are, or the next reply would
    // look already read.
    for (const [key, mark] of [...readMarksOf(doc).entries()]) {
      if (!key.endsWith(`/${threadId}`)) continue;
      if (left === 0) readMarksOf(doc).delete(key);
      else if (mark > left) readMarksOf(doc).set(key, left);
    }
  });
  return { changed: true };
}

/**
 * Records that the person has seen the thread's first `seen` comments (all of them when not
 * given). Their page may be behind the server, so it says how many it showed; a mark never
 * goes back, so an older page cannot undo what a newer one recorded.
 */
export function markRead(
  doc: Y.Doc,
  input: { threadId: string; seen?: number },
  userId: string,
): Changed {
  if (!getThread(doc, input.threadId)) throw new InvalidInputError("That thread no longer exists.");
  const total = commentCounts(doc).get(input.threadId) ?? 0;
  const mark = Math.min(input.seen ?? total, total);
  if (mark <= readMark(doc, userId, input.threadId)) return { changed: false };
  readMarksOf(doc).set(readMarkKey(userId, input.threadId), mark);
  return { changed: true };
}

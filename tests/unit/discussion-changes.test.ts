import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  getComment,
  listComments,
  listThreads,
  newRequestId,
  readMark,
  unreadByThread,
  unreadCount,
} from "../../collab/shapes/discussion.ts";
import {
  deleteComment,
  editComment,
  markRead,
  reply,
  setResolved,
  startThread,
} from "../../collab/shapes/discussion-changes.ts";
import { ConflictError, InvalidInputError } from "../../models/errors.ts";

const staff = { userId: "5".repeat(24), name: "Alex Staff" };
const validator = { userId: "7".repeat(24), name: "Helen Validator" };
const leader = { userId: "9".repeat(24), name: "David Leader" };

function thread(doc: Y.Doc, body: string, author = staff, now = 1000, criterionId = "c1") {
  const threadId = newRequestId();
  startThread(doc, { threadId, criterionId, anchor: null, quote: "", body }, author, now);
  return threadId;
}

function answer(doc: Y.Doc, threadId: string, body: string, author = validator, now = 2000) {
  const commentId = newRequestId();
  reply(doc, { threadId, commentId, body }, author, now);
  return commentId;
}

/** Every update the document emits while `change` runs (what would reach other browsers). */
function updatesDuring(doc: Y.Doc, change: () => void): number {
  let updates = 0;
  const count = () => updates++;
  doc.on("update", count);
  try {
    change();
  } catch {
    // the caller asserts the refusal separately
  } finally {
    doc.off("update", count);
  }
  return updates;
}

describe("starting threads and replying", () => {
  it("stamps the author given, trims the body, and keeps replies in order", () => {
    const doc = new Y.Doc();
    const id = thread(doc, "  First  ");
    answer(doc, id, "Second");
    expect(listThreads(doc)[0]).toMatchObject({
      id,
      criterionId: "c1",
      createdBy: staff.userId,
      createdByName: "Alex Staff",
      resolved: false,
    });
    expect(listComments(doc, id).map((c) => [c.authorName, c.body])).toEqual([
      ["Alex Staff", "First"],
      ["Helen Validator", "Second"],
    ]);
  });

  it("makes one thread of a repeated request, and refuses the id to anyone else", () => {
    const doc = new Y.Doc();
    const input = {
      threadId: newRequestId(),
      criterionId: "c1",
      anchor: null,
      quote: "",
      body: "Once",
    };
    expect(startThread(doc, input, staff, 1).changed).toBe(true);
    expect(startThread(doc, input, staff, 2).changed).toBe(false);
    expect(updatesDuring(doc, () => startThread(doc, input, validator, 3))).toBe(0);
    expect(() => startThread(doc, input, validator, 3)).toThrow(ConflictError);
    expect(listThreads(doc)).toHaveLength(1);
    expect(listComments(doc, input.threadId)).toHaveLength(1);
  });

  it("makes one reply of a repeated request, and refuses the id to anyone else", () => {
    const doc = new Y.Doc();
    const id = thread(doc, "Question");
    const input = { threadId: id, commentId: newRequestId(), body: "Answer" };
    expect(reply(doc, input, validator, 5).changed).toBe(true);
    expect(reply(doc, input, validator, 6).changed).toBe(false);
    expect(() => reply(doc, input, staff, 7)).toThrow(ConflictError);
    expect(listComments(doc, id)).toHaveLength(2);
  });

  it("refuses empty and over-long bodies, missing threads and resolved ones, changing nothing", () => {
    const doc = new Y.Doc();
    const id = thread(doc, "Open");
    const refusals = [
      () =>
        startThread(
          doc,
          { threadId: newRequestId(), criterionId: "c1", anchor: null, quote: "", body: "  " },
          staff,
          1,
        ),
      () =>
        reply(doc, { threadId: id, commentId: newRequestId(), body: "x".repeat(2001) }, staff, 1),
      () =>
        reply(doc, { threadId: newRequestId(), commentId: newRequestId(), body: "Lost" }, staff, 1),
    ];
    for (const refused of refusals) {
      expect(refused).toThrow(InvalidInputError);
      expect(updatesDuring(doc, refused)).toBe(0);
    }
    setResolved(doc, { threadId: id, resolved: true }, validator);
    const late = () =>
      reply(doc, { threadId: id, commentId: newRequestId(), body: "Late" }, staff, 1);
    expect(late).toThrow(ConflictError);
    expect(listComments(doc, id)).toHaveLength(1);
  });
});

describe("resolving", () => {
  it("records who resolved, reopens, and reports when nothing changed", () => {
    const doc = new Y.Doc();
    const id = thread(doc, "Done?");
    expect(setResolved(doc, { threadId: id, resolved: true }, validator).changed).toBe(true);
    expect(setResolved(doc, { threadId: id, resolved: true }, validator).changed).toBe(false);
    expect(listThreads(doc)[0]).toMatchObject({ resolved: true, resolvedBy: validator.userId });
    expect(setResolved(doc, { threadId: id, resolved: false }, staff).changed).toBe(true);
    expect(listThreads(doc)[0]).toMatchObject({ resolved: false, resolvedBy: null });
    expect(() => setResolved(doc, { threadId: "__proto__", resolved: true }, staff)).toThrow(
      InvalidInputError,
    );
  });
});

describe("editing and deleting", () => {
  it("changes a comment's text and marks it edited", () => {
    const doc = new Y.Doc();
    const id = thread(doc, "Teh evidence");
    expect(editComment(doc, { commentId: id, body: "The evidence" }, 5000).changed).toBe(true);
    expect(editComment(doc, { commentId: id, body: "The evidence" }, 6000).changed).toBe(false);
    expect(getComment(doc, id)).toMatchObject({ body: "The evidence", editedAt: 5000 });
    expect(() => editComment(doc, { commentId: id, body: " " }, 7000)).toThrow(InvalidInputError);
    expect(() => editComment(doc, { commentId: "toString", body: "x" }, 7000)).toThrow(
      InvalidInputError,
    );
  });

  it("leaves 'Comment deleted' while replies follow, and removes it (and an empty thread) otherwise", () => {
    const doc = new Y.Doc();
    const id = thread(doc, "First");
    const second = answer(doc, id, "Second", validator, 2000);
    const third = answer(doc, id, "Third", staff, 3000);

    expect(deleteComment(doc, { commentId: id }).changed).toBe(true);
    expect(listComments(doc, id).map((c) => (c.deleted ? "(deleted)" : c.body))).toEqual([
      "(deleted)",
      "Second",
      "Third",
    ]);
    expect(getComment(doc, id)!.body).toBe("");

    expect(deleteComment(doc, { commentId: third }).changed).toBe(true);
    expect(listComments(doc, id).map((c) => c.body)).toEqual(["", "Second"]);
    expect(deleteComment(doc, { commentId: third }).changed).toBe(false);

    // The last real comment goes, so the deleted one before it has nothing after it either.
    deleteComment(doc, { commentId: second });
    expect(listComments(doc, id)).toEqual([]);
    expect(listThreads(doc)).toEqual([]);
  });

  it("lowers read marks past the end, so the next reply shows as new", () => {
    const doc = new Y.Doc();
    const id = thread(doc, "First");
    const second = answer(doc, id, "Second", validator);
    markRead(doc, { threadId: id }, leader.userId);
    expect(readMark(doc, leader.userId, id)).toBe(2);
    deleteComment(doc, { commentId: second });
    expect(readMark(doc, leader.userId, id)).toBe(1);
    answer(doc, id, "Again", validator, 4000);
    expect(unreadCount(doc, leader.userId)).toBe(1);
  });
});

describe("read marks", () => {
  it("count unread comments per person: own comments are read, marks catch up", () => {
    const doc = new Y.Doc();
    const a = thread(doc, "One", staff, 1);
    const b = thread(doc, "Two", staff, 2, "c2");
    answer(doc, a, "Three", validator, 3);
    expect(unreadCount(doc, staff.userId)).toBe(1);
    expect(unreadCount(doc, validator.userId)).toBe(1);
    expect(unreadCount(doc, validator.userId, "c2")).toBe(1);
    expect(unreadByThread(doc, leader.userId)).toEqual(
      new Map([
        [a, 2],
        [b, 1],
      ]),
    );
    expect(markRead(doc, { threadId: a }, staff.userId).changed).toBe(true);
    expect(markRead(doc, { threadId: a }, staff.userId).changed).toBe(false);
    expect(unreadCount(doc, staff.userId)).toBe(0);
    answer(doc, a, "Four", validator, 4);
    expect(unreadCount(doc, staff.userId, "c1")).toBe(1);
    expect(() => markRead(doc, { threadId: "__proto__" }, staff.userId)).toThrow(InvalidInputError);
  });

  it("record what the page showed, never more than there is, and never go back", () => {
    const doc = new Y.Doc();
    const id = thread(doc, "One");
    answer(doc, id, "Two");
    answer(doc, id, "Three", validator, 3000);
    expect(markRead(doc, { threadId: id, seen: 2 }, leader.userId).changed).toBe(true);
    expect(readMark(doc, leader.userId, id)).toBe(2);
    expect(markRead(doc, { threadId: id, seen: 1 }, leader.userId).changed).toBe(false);
    expect(markRead(doc, { threadId: id, seen: 99 }, leader.userId).changed).toBe(true);
    expect(readMark(doc, leader.userId, id)).toBe(3);
  });
});

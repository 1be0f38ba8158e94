import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  anchorOf,
  listComments,
  listThreads,
  markRead,
  MAX_COMMENT_LENGTH,
  reply,
  resolveAnchor,
  setResolved,
  startThread,
  unreadByThread,
  unreadCount,
} from "../../collab/shapes/discussion.ts";

const staff = { userId: "s".repeat(24), name: "Alex Staff" };
const validator = { userId: "v".repeat(24), name: "Helen Validator" };

/** An evaluation document whose narrative is one paragraph of `text` (as TipTap stores it). */
function narrative(text: string) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("narrative.c1");
  const paragraph = new Y.XmlElement("paragraph");
  const run = new Y.XmlText();
  fragment.insert(0, [paragraph]);
  paragraph.insert(0, [run]);
  run.insert(0, text);
  return { doc, fragment, paragraph, run };
}

function passageAnchor(run: Y.XmlText, from: number, to: number) {
  return anchorOf(
    Y.createRelativePositionFromTypeIndex(run, from),
    Y.createRelativePositionFromTypeIndex(run, to),
  );
}

describe("discussion anchors", () => {
  it("follow the passage through edits made before it", () => {
    const { fragment, run } = narrative("Pupils read widely and often.");
    const discussion = new Y.Doc();
    const id = startThread(
      discussion,
      {
        criterionId: "c1",
        anchor: passageAnchor(run, 7, 18),
        quote: "read widely",
        body: "Evidence?",
      },
      validator,
    )!;
    run.insert(0, "Most of our ");
    const state = resolveAnchor(listThreads(discussion)[0], fragment);
    expect(state.status).toBe("live");
    if (state.status !== "live") return;
    expect(run.toString().slice(state.start.index, state.end.index)).toBe("read widely");
    expect(listThreads(discussion).map((t) => t.id)).toEqual([id]);
  });

  it("survive a round trip through another replica of both documents", () => {
    const { doc, run } = narrative("Attendance is above national.");
    const discussion = new Y.Doc();
    startThread(
      discussion,
      {
        criterionId: "c1",
        anchor: passageAnchor(run, 0, 10),
        quote: "Attendance",
        body: "Which years?",
      },
      staff,
    );
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const discussionCopy = new Y.Doc();
    Y.applyUpdate(discussionCopy, Y.encodeStateAsUpdate(discussion));
    const state = resolveAnchor(
      listThreads(discussionCopy)[0],
      copy.getXmlFragment("narrative.c1"),
    );
    expect(state.status).toBe("live");
  });

  it("are orphaned, keeping the quote, once the passage is deleted", () => {
    const { fragment, run } = narrative("We think behaviour is strong overall.");
    const discussion = new Y.Doc();
    startThread(
      discussion,
      {
        criterionId: "c1",
        anchor: passageAnchor(run, 9, 27),
        quote: "behaviour is strong",
        body: "Says who?",
      },
      validator,
    );
    run.delete(9, 19);
    expect(resolveAnchor(listThreads(discussion)[0], fragment)).toEqual({
      status: "orphaned",
      quote: "behaviour is strong",
    });
  });

  it("are orphaned when the whole paragraph goes", () => {
    const { fragment, run } = narrative("A paragraph to lose.");
    const discussion = new Y.Doc();
    startThread(
      discussion,
      { criterionId: "c1", anchor: passageAnchor(run, 2, 11), quote: "paragraph", body: "Hmm" },
      validator,
    );
    fragment.delete(0, 1);
    expect(resolveAnchor(listThreads(discussion)[0], fragment).status).toBe("orphaned");
  });

  it("are pending while the evaluation document has not arrived, and none for criterion-wide threads", () => {
    const { run } = narrative("Text that only the writer has.");
    const discussion = new Y.Doc();
    startThread(
      discussion,
      { criterionId: "c1", anchor: passageAnchor(run, 0, 4), quote: "Text", body: "?" },
      validator,
    );
    startThread(
      discussion,
      { criterionId: "c1", body: "On the whole criterion" },
      validator,
      Date.now() + 1,
    );
    const [anchored, whole] = listThreads(discussion);
    expect(resolveAnchor(anchored, new Y.Doc().getXmlFragment("narrative.c1")).status).toBe(
      "pending",
    );
    expect(resolveAnchor(whole, new Y.Doc().getXmlFragment("narrative.c1")).status).toBe("none");
  });
});

describe("discussion threads", () => {
  it("keep replies in order, resolve and reopen, and refuse empty bodies", () => {
    const doc = new Y.Doc();
    expect(startThread(doc, { criterionId: "c1", body: "   " }, staff)).toBeNull();
    const id = startThread(doc, { criterionId: "c1", body: "First" }, staff, 1000)!;
    reply(doc, id, "Second", validator, 2000);
    expect(reply(doc, id, "", validator)).toBeNull();
    expect(reply(doc, "no-such-thread", "Lost", validator)).toBeNull();
    reply(doc, id, "x".repeat(MAX_COMMENT_LENGTH + 50), staff, 3000);
    const comments = listComments(doc, id);
    expect(comments.map((c) => c.authorName)).toEqual([
      "Alex Staff",
      "Helen Validator",
      "Alex Staff",
    ]);
    expect(comments[2].body).toHaveLength(MAX_COMMENT_LENGTH);
    setResolved(doc, id, true, validator);
    expect(listThreads(doc)[0]).toMatchObject({ resolved: true, resolvedBy: validator.userId });
    setResolved(doc, id, false, staff);
    expect(listThreads(doc)[0]).toMatchObject({ resolved: false, resolvedBy: null });
    expect(listThreads(doc, "other")).toEqual([]);
  });

  it("count unread comments per person: own comments are read, marks catch up, overrides apply", () => {
    const doc = new Y.Doc();
    const a = startThread(doc, { criterionId: "c1", body: "One" }, staff, 1)!;
    const b = startThread(doc, { criterionId: "c2", body: "Two" }, staff, 2)!;
    reply(doc, a, "Three", validator, 3);
    expect(unreadCount(doc, staff.userId)).toBe(1);
    expect(unreadCount(doc, validator.userId)).toBe(1);
    expect(unreadCount(doc, validator.userId, "c2")).toBe(1);
    expect(unreadByThread(doc, "someone-else")).toEqual(
      new Map([
        [a, 2],
        [b, 1],
      ]),
    );
    markRead(doc, staff.userId, a);
    expect(unreadCount(doc, staff.userId)).toBe(0);
    reply(doc, a, "Four", validator, 4);
    expect(unreadCount(doc, staff.userId, "c1")).toBe(1);
    expect(unreadCount(doc, "someone-else", undefined, (t) => (t === a ? 4 : undefined))).toBe(1);
  });
});

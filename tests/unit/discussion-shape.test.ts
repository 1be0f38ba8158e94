import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  anchorOf,
  listThreads,
  newRequestId,
  resolveAnchor,
  type Anchor,
  type Author,
} from "../../collab/shapes/discussion.ts";
import { startThread as start } from "../../collab/shapes/discussion-changes.ts";

const staff = { userId: "s".repeat(24), name: "Alex Staff" };
const validator = { userId: "v".repeat(24), name: "Helen Validator" };

/** A thread as the start-thread command makes it; returns its id. */
function startThread(
  doc: Y.Doc,
  input: { criterionId: string; anchor?: Anchor; quote?: string; body: string },
  author: Author,
  now = Date.now(),
): string {
  const threadId = newRequestId();
  start(doc, { threadId, anchor: null, quote: "", ...input }, author, now);
  return threadId;
}

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
    );
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

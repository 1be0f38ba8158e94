import { useRef, useState } from "react";
import { newRequestId, type Anchor } from "../../../collab/shapes/discussion.ts";
import { CommentBox, overTheLimit } from "./comment-box.tsx";
import { editorFor } from "./editor-registry.ts";
import { useDiscussionPost } from "./use-discussion-post.ts";
import { useWarnUnsent } from "../use-warn-unsent.ts";

/**
 * Starts a thread on the criterion as a whole, or on the passage selected in its narrative.
 * The passage is taken when "Comment on selected text" is pressed (typing in the box would
 * otherwise take the selection away), then the comment is written and posted. The thread
 * appears when the discussion document brings it; until the server has it, the text stays.
 */
export function NewThreadForm(props: {
  evaluationId: string;
  criterionId: string;
  code: string;
  narrativeField: string;
}) {
  const { criterionId, code } = props;
  const [draft, setDraft] = useState("");
  const [passage, setPassage] = useState<{ anchor: Anchor; quote: string } | null>(null);
  // One id per comment as written: pressing again (a double-click, a retry) repeats the same
  // request, which the server makes into one thread; changing the text makes it a new one.
  const [requestId, setRequestId] = useState(newRequestId);
  const [hint, setHint] = useState<string | null>(null);
  const post = useDiscussionPost(props.evaluationId);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `new-comment-${criterionId}`;
  const problem = hint ?? post.problem;
  useWarnUnsent(draft.trim() !== "");

  async function submit() {
    if (!draft.trim()) {
      setHint("Write your comment first.");
      box.current?.focus();
      return;
    }
    // The box already says by how much it is too long; the server would refuse it the same way.
    if (overTheLimit(draft)) {
      box.current?.focus();
      return;
    }
    setHint(null);
    const sent = await post.send({
      intent: "start",
      requestId,
      criterionId,
      body: draft,
      anchor: passage ? JSON.stringify(passage.anchor) : "",
      quote: passage?.quote ?? "",
    });
    if (!sent) return;
    setDraft("");
    setPassage(null);
    setRequestId(newRequestId());
  }

  function takeSelection() {
    const selected = editorFor(props.narrativeField)?.selectedPassage() ?? null;
    if (!selected) {
      setHint(`Select some text in the narrative for ${code} first.`);
      return;
    }
    setPassage(selected);
    setRequestId(newRequestId());
    setHint(null);
    box.current?.focus();
  }

  return (
    <form
      className="new-thread"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {passage ? (
        <figure className="thread-quote">
          <figcaption>Commenting on the passage:</figcaption>
          <blockquote>{passage.quote}</blockquote>
        </figure>
      ) : null}
      <CommentBox
        id={id}
        boxRef={box}
        label={passage ? `Comment on the passage in ${code}` : `New comment on ${code}`}
        value={draft}
        rows={3}
        readOnly={post.sending}
        problem={problem}
        onChange={(text) => {
          setDraft(text);
          setRequestId(newRequestId());
        }}
      />
      <div className="new-thread-buttons">
        {post.sending ? (
          <button type="submit" aria-disabled="true">
            Posting…
          </button>
        ) : passage ? (
          <>
            <button type="submit">Post comment on the passage</button>
            <button
              type="button"
              onClick={() => {
                setPassage(null);
                setRequestId(newRequestId());
              }}
            >
              Cancel
            </button>
          </>
        ) : (
          <>
            <button type="submit">Comment on this criterion</button>
            {/* Pressing it must not take away the selection it is about. */}
            <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={takeSelection}>
              Comment on selected text
            </button>
          </>
        )}
      </div>
    </form>
  );
}

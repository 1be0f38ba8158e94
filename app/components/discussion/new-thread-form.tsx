import { useRef, useState } from "react";
import type * as Y from "yjs";
import {
  MAX_COMMENT_LENGTH,
  startThread,
  type Anchor,
  type Author,
} from "../../../collab/shapes/discussion.ts";
import { editorFor } from "./editor-registry.ts";
import { selectedPassage } from "./selection-anchor.client.ts";

/**
 * Starts a thread on the criterion as a whole, or on the passage selected in its narrative.
 * The passage is taken when "Comment on selected text" is pressed (typing in the box would
 * otherwise take the selection away), then the comment is written and posted.
 */
export function NewThreadForm(props: {
  doc: Y.Doc;
  criterionId: string;
  code: string;
  narrativeField: string;
  me: Author;
}) {
  const { doc, criterionId, code, me } = props;
  const [draft, setDraft] = useState("");
  const [passage, setPassage] = useState<{ anchor: Anchor; quote: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `new-comment-${criterionId}`;

  function post() {
    if (!draft.trim()) {
      setProblem("Write your comment first.");
      box.current?.focus();
      return;
    }
    startThread(
      doc,
      { criterionId, anchor: passage?.anchor ?? null, quote: passage?.quote ?? "", body: draft },
      me,
    );
    setDraft("");
    setPassage(null);
    setProblem(null);
  }

  function takeSelection() {
    const editor = editorFor(props.narrativeField);
    const selected = editor ? selectedPassage(editor) : null;
    if (!selected) {
      setProblem(`Select some text in the narrative for ${code} first.`);
      return;
    }
    setPassage(selected);
    setProblem(null);
    box.current?.focus();
  }

  return (
    <form
      className="new-thread"
      onSubmit={(e) => {
        e.preventDefault();
        post();
      }}
    >
      {passage ? (
        <figure className="thread-quote">
          <figcaption>Commenting on the passage:</figcaption>
          <blockquote>{passage.quote}</blockquote>
        </figure>
      ) : null}
      <label htmlFor={id}>
        {passage ? `Comment on the passage in ${code}` : `New comment on ${code}`}
      </label>
      <textarea
        id={id}
        ref={box}
        value={draft}
        maxLength={MAX_COMMENT_LENGTH}
        rows={3}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setDraft(e.target.value)}
      />
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <div className="new-thread-buttons">
        {passage ? (
          <>
            <button type="submit">Post comment on the passage</button>
            <button type="button" onClick={() => setPassage(null)}>
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

import { useState } from "react";
import type * as Y from "yjs";
import {
  MAX_COMMENT_LENGTH,
  reply,
  setResolved,
  type AnchorState,
  type Author,
  type Comment,
  type Thread,
} from "../../../collab/shapes/discussion.ts";
import { editorFor } from "./editor-registry.ts";
import { showPassage } from "./selection-anchor.client.ts";

const when = (ms: number) =>
  new Date(ms).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** One thread: the passage it is about, its comments, a reply box, and Resolve / Reopen. */
export function ThreadView(props: {
  doc: Y.Doc;
  thread: Thread;
  comments: Comment[];
  anchor: AnchorState;
  /** How many of the last comments are new to this person (since the discussion was opened). */
  newCount: number;
  narrativeField: string;
  readOnly: boolean;
  me: Author;
}) {
  const { doc, thread, comments, anchor, newCount, readOnly, me } = props;
  const [draft, setDraft] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = `thread-${thread.id}`;
  const firstNew = comments.length - newCount;

  function send(event: React.FormEvent) {
    event.preventDefault();
    if (reply(doc, thread.id, draft, me)) setDraft("");
  }

  function show() {
    const editor = editorFor(props.narrativeField);
    if (!editor || !thread.anchor || !showPassage(editor, thread.anchor))
      setNotice("That passage can no longer be found in the narrative.");
  }

  return (
    <article
      className={`thread${thread.resolved ? " thread-resolved" : ""}`}
      aria-labelledby={headingId}
    >
      <h6 id={headingId} className="thread-heading">
        {thread.anchor ? "On a passage" : "On the criterion"}, started by {thread.createdByName}
        {thread.resolved ? " (resolved)" : ""}
        {newCount > 0 ? <span className="thread-new"> · {newCount} new</span> : null}
      </h6>
      {thread.anchor ? (
        <figure className="thread-quote">
          <blockquote>{thread.quote || "(no text)"}</blockquote>
          {anchor.status === "orphaned" ? (
            <figcaption>This passage has since been deleted from the narrative.</figcaption>
          ) : anchor.status === "live" ? (
            <figcaption>
              <button type="button" className="link-button" onClick={show}>
                Show in the narrative
              </button>
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
      <ol className="thread-comments">
        {comments.map((c, i) => (
          <li key={c.id} className={i >= firstNew ? "comment comment-new" : "comment"}>
            <p className="comment-meta">
              <strong>{c.authorName}</strong>{" "}
              <time dateTime={new Date(c.createdAt).toISOString()}>{when(c.createdAt)}</time>
            </p>
            <p className="comment-body" style={{ whiteSpace: "pre-wrap" }}>
              {c.body}
            </p>
          </li>
        ))}
      </ol>
      {readOnly ? null : (
        <div className="thread-actions">
          {thread.resolved ? null : (
            <form onSubmit={send}>
              <label htmlFor={`${headingId}-reply`}>Reply</label>
              <textarea
                id={`${headingId}-reply`}
                value={draft}
                maxLength={MAX_COMMENT_LENGTH}
                rows={2}
                onChange={(e) => setDraft(e.target.value)}
              />
              <button type="submit" disabled={!draft.trim()}>
                Reply
              </button>
            </form>
          )}
          <button type="button" onClick={() => setResolved(doc, thread.id, !thread.resolved, me)}>
            {thread.resolved ? "Reopen" : "Resolve"}
          </button>
        </div>
      )}
    </article>
  );
}

import { useState } from "react";
import type { DiscussionAbilities } from "../../../models/permissions/can.ts";
import {
  newRequestId,
  type AnchorState,
  type Comment,
  type Thread,
} from "../../../collab/shapes/discussion.ts";
import { CommentBox, overTheLimit } from "./comment-box.tsx";
import { CommentView } from "./comment-view.tsx";
import { editorFor } from "./editor-registry.ts";
import { useDiscussionPost } from "./use-discussion-post.ts";
import { useWarnUnsent } from "../use-warn-unsent.ts";

/** One thread: the passage it is about, its comments, a reply box, and Resolve / Reopen. */
export function ThreadView(props: {
  evaluationId: string;
  thread: Thread;
  comments: Comment[];
  anchor: AnchorState;
  /** How many of the last comments are new to this person (since the discussion was opened). */
  newCount: number;
  narrativeField: string;
  abilities: DiscussionAbilities;
  me: { userId: string };
}) {
  const { evaluationId, thread, comments, anchor, newCount, abilities, me } = props;
  const [draft, setDraft] = useState("");
  // As for a new thread: one id per reply as written, so a retry never posts it twice.
  const [requestId, setRequestId] = useState(newRequestId);
  const [notice, setNotice] = useState<string | null>(null);
  const replying = useDiscussionPost(evaluationId);
  const resolving = useDiscussionPost(evaluationId);
  const headingId = `thread-${thread.id}`;
  const firstNew = comments.length - newCount;
  useWarnUnsent(draft.trim() !== "");
  // The server decides again; this only spares people a button that would be refused.
  const mayResolve = abilities.comment && (abilities.resolveAny || thread.createdBy === me.userId);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (!draft.trim()) {
      replying.setProblem("Write your reply first.");
      return;
    }
    // The box already says by how much it is too long; the server would refuse it the same way.
    if (overTheLimit(draft)) {
      document.getElementById(`${headingId}-reply`)?.focus();
      return;
    }
    const sent = await replying.send({
      intent: "reply",
      threadId: thread.id,
      requestId,
      body: draft,
    });
    if (!sent) return;
    setDraft("");
    setRequestId(newRequestId());
  }

  function show() {
    const editor = editorFor(props.narrativeField);
    if (!editor || !thread.anchor || !editor.showPassage(thread.anchor))
      setNotice("That passage can no longer be found in the narrative.");
  }

  return (
    <article
      className={`thread${thread.resolved ? " thread-resolved" : ""}`}
      aria-labelledby={headingId}
    >
      {/* Under the criterion's stages (h4): a level below them, never skipping one. */}
      <h5 id={headingId} className="thread-heading">
        {thread.anchor ? "On a passage" : "On the criterion"}, started by {thread.createdByName}
        {thread.resolved ? " (resolved)" : ""}
        {newCount > 0 ? <span className="thread-new"> · {newCount} new</span> : null}
      </h5>
      {thread.anchor ? (
        <figure className="thread-quote">
          <blockquote>{thread.quote || "(no text)"}</blockquote>
          {anchor.status === "orphaned" ? (
            <figcaption>This passage has since been deleted from the narrative.</figcaption>
          ) : anchor.status === "live" ? (
            <figcaption>
              <button type="button" className="button-link" onClick={show}>
                Show in the narrative
              </button>
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
      <ol className="thread-comments">
        {comments.map((c, i) => (
          <CommentView
            key={c.id}
            evaluationId={evaluationId}
            comment={c}
            isNew={i >= firstNew}
            mine={abilities.comment && c.authorId === me.userId}
          />
        ))}
      </ol>
      {abilities.comment ? (
        <div className="thread-actions">
          {thread.resolved ? null : (
            <form onSubmit={send}>
              <CommentBox
                id={`${headingId}-reply`}
                label="Reply"
                value={draft}
                rows={2}
                readOnly={replying.sending}
                problem={replying.problem}
                onChange={(text) => {
                  setDraft(text);
                  setRequestId(newRequestId());
                }}
              />
              <button type="submit" aria-disabled={replying.sending || undefined}>
                {replying.sending ? "Posting…" : "Reply"}
              </button>
            </form>
          )}
          {mayResolve ? (
            <>
              <button
                type="button"
                aria-disabled={resolving.sending || undefined}
                onClick={() =>
                  void resolving.send({
                    intent: "resolve",
                    threadId: thread.id,
                    resolved: String(!thread.resolved),
                  })
                }
              >
                {thread.resolved ? "Reopen" : "Resolve"}
              </button>
              {resolving.problem ? (
                <p role="alert" className="field-error">
                  {resolving.problem}
                </p>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

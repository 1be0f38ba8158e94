import { useState } from "react";
import type { Comment } from "../../../collab/shapes/discussion.ts";
import { CommentBox, overTheLimit } from "./comment-box.tsx";
import { useDiscussionPost } from "./use-discussion-post.ts";
import { useWarnUnsent } from "../use-warn-unsent.ts";

const when = (ms: number) =>
  new Date(ms).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * One comment of a thread. Its author (and only they: the server checks) may fix its text or
 * delete it; a deleted comment that replies follow reads "Comment deleted".
 */
export function CommentView(props: {
  evaluationId: string;
  comment: Comment;
  isNew: boolean;
  /** The signed-in person wrote it and may still comment here. */
  mine: boolean;
}) {
  const { comment } = props;
  const [mode, setMode] = useState<"show" | "edit" | "confirmDelete">("show");
  const [draft, setDraft] = useState(comment.body);
  const post = useDiscussionPost(props.evaluationId);
  const boxId = `comment-${comment.id}-edit`;
  useWarnUnsent(mode === "edit" && draft !== comment.body);

  async function save() {
    // The box already says by how much it is too long; the server would refuse it the same way.
    if (overTheLimit(draft)) {
      document.getElementById(boxId)?.focus();
      return;
    }
    if (await post.send({ intent: "edit", commentId: comment.id, body: draft })) setMode("show");
  }

  async function remove() {
    if (await post.send({ intent: "delete", commentId: comment.id })) setMode("show");
  }

  return (
    <li className={props.isNew ? "comment comment-new" : "comment"}>
      <p className="comment-meta">
        <strong>{comment.authorName}</strong>{" "}
        <time dateTime={new Date(comment.createdAt).toISOString()}>{when(comment.createdAt)}</time>
        {comment.editedAt && !comment.deleted ? <span className="muted"> (edited)</span> : null}
      </p>
      {comment.deleted ? (
        <p className="comment-body comment-deleted">Comment deleted</p>
      ) : mode === "edit" ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <CommentBox
            id={boxId}
            label="Edit your comment"
            value={draft}
            rows={2}
            readOnly={post.sending}
            problem={post.problem}
            onChange={setDraft}
          />
          <button type="submit" aria-disabled={post.sending || undefined}>
            {post.sending ? "Saving…" : "Save"}
          </button>{" "}
          <button
            type="button"
            onClick={() => {
              setMode("show");
              post.setProblem(null);
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <p className="comment-body" style={{ whiteSpace: "pre-wrap" }}>
          {comment.body}
        </p>
      )}
      {props.mine && !comment.deleted && mode === "show" ? (
        <p className="comment-tools">
          <button
            type="button"
            className="button-link"
            onClick={() => {
              setDraft(comment.body);
              setMode("edit");
            }}
          >
            Edit
          </button>{" "}
          <button type="button" className="button-link" onClick={() => setMode("confirmDelete")}>
            Delete
          </button>
        </p>
      ) : null}
      {mode === "confirmDelete" ? (
        <div className="comment-tools" role="group" aria-label="Delete this comment?">
          <span>Delete this comment?</span>{" "}
          <button
            type="button"
            onClick={() => void remove()}
            aria-disabled={post.sending || undefined}
          >
            {post.sending ? "Deleting…" : "Yes, delete it"}
          </button>{" "}
          <button
            type="button"
            onClick={() => {
              setMode("show");
              post.setProblem(null);
            }}
          >
            Keep it
          </button>
          {post.problem ? (
            <p role="alert" className="field-error">
              {post.problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

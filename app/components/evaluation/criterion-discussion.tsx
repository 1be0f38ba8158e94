import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import {
  listComments,
  listThreads,
  resolveAnchor,
  unreadByThread,
} from "../../../collab/shapes/discussion.ts";
import { narrativeField } from "../../../collab/shapes/evaluation.ts";
import { NewThreadForm } from "../discussion/new-thread-form.tsx";
import { ThreadView } from "../discussion/thread-view.tsx";
import { useDocVersion } from "../../collab/use-doc-version.ts";
import { useDiscussion, useMarkRead } from "../discussion/use-discussion.ts";
import type { CriterionWorkspace } from "./criterion-panel.tsx";

/** What the threads need: the evaluation's document (for passage anchors), by either name. */
type DiscussionProps = Pick<
  CriterionWorkspace,
  "evaluationId" | "criterion" | "me" | "discussion"
> & {
  doc?: Y.Doc | null;
  /** The meeting page still passes the evaluation's provider; only its document is read. */
  provider?: { document: Y.Doc } | null;
  levels?: unknown;
  readOnly?: boolean;
};

/**
 * The comment threads on one criterion, from the evaluation's discussion document: a
 * disclosure saying how many comments there are and how many are unread. Whether one may
 * comment is the discussion's own scope, not the evaluation's: validators comment on a school's
 * evaluation they cannot edit (`discussion`, from the page's loader, says what this person may
 * do; the server checks every request again).
 */
export function CriterionDiscussion(props: DiscussionProps) {
  const { evaluationId, criterion, me, discussion: abilities } = props;
  const evaluationDoc = props.doc ?? props.provider?.document ?? null;
  const discussion = useDiscussion(evaluationId, me.userId);
  const markRead = useMarkRead(evaluationId);
  const { doc, version } = discussion;
  const [open, setOpen] = useState(false);
  const [newAtOpen, setNewAtOpen] = useState<Map<string, number>>(new Map());
  const field = narrativeField(criterion.id);
  // Anchors are re-resolved as the narrative changes, only while the threads are on screen.
  const evaluationVersion = useDocVersion(evaluationDoc, open);
  const view = useMemo(() => {
    if (!doc) return null;
    const threads = listThreads(doc, criterion.id).map((thread) => ({
      thread,
      comments: listComments(doc, thread.id),
    }));
    const unread = unreadByThread(doc, me.userId, criterion.id);
    return { threads, unread };
    // version: the discussion changed.
  }, [doc, version, criterion.id, me.userId]);

  // While open, everything shown counts as read (trust leaders' reads too, kept by the server).
  useEffect(() => {
    if (!open || !view) return;
    for (const { thread, comments } of view.threads) {
      if (view.unread.has(thread.id)) markRead(thread.id, comments.length);
    }
  }, [open, view, markRead]);

  if (discussion.refused) return null;
  // An empty document is not "no comments": say so only once the discussion has arrived.
  if (!view || !doc || !discussion.synced) {
    return (
      <p className="discussion-pending" role="status">
        Loading comments…
      </p>
    );
  }
  const commentCount = view.threads.reduce((n, t) => n + t.comments.length, 0);
  let unreadCount = 0;
  for (const n of view.unread.values()) unreadCount += n;
  const fragment = evaluationDoc?.getXmlFragment(field) ?? null;
  const ongoing = view.threads.filter((t) => !t.thread.resolved);
  const resolved = view.threads.filter((t) => t.thread.resolved);
  // Rendering again on each narrative change (evaluationVersion) is what re-resolves anchors.
  void evaluationVersion;

  const threadView = ({ thread, comments }: (typeof view.threads)[number]) => (
    <ThreadView
      key={thread.id}
      evaluationId={evaluationId}
      thread={thread}
      comments={comments}
      anchor={fragment ? resolveAnchor(thread, fragment) : { status: "pending" }}
      newCount={newAtOpen.get(thread.id) ?? 0}
      narrativeField={field}
      abilities={abilities}
      me={me}
    />
  );

  return (
    <details
      className="discussion"
      open={open}
      onToggle={(e) => {
        const nowOpen = e.currentTarget.open;
        if (nowOpen && !open) setNewAtOpen(view.unread);
        setOpen(nowOpen);
      }}
    >
      <summary>
        Comments ({commentCount}
        {unreadCount ? `, ${unreadCount} unread` : ""})
      </summary>
      {ongoing.length === 0 && resolved.length === 0 ? (
        <p>No comments on {criterion.code} yet.</p>
      ) : null}
      {ongoing.map(threadView)}
      {resolved.length ? (
        <details className="discussion-resolved">
          <summary>Resolved ({resolved.length})</summary>
          {resolved.map(threadView)}
        </details>
      ) : null}
      {abilities.comment ? (
        <NewThreadForm
          evaluationId={evaluationId}
          criterionId={criterion.id}
          code={criterion.code}
          narrativeField={field}
        />
      ) : (
        <p className="discussion-readonly">You can read these comments but not add to them.</p>
      )}
    </details>
  );
}

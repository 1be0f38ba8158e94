import { useEffect, useMemo, useState } from "react";
import {
  listComments,
  listThreads,
  markRead,
  resolveAnchor,
  unreadByThread,
  type Author,
} from "../../../collab/shapes/discussion.ts";
import { narrativeField } from "../../../collab/shapes/evaluation.ts";
import { NewThreadForm } from "../discussion/new-thread-form.tsx";
import { ThreadView } from "../discussion/thread-view.tsx";
import { useDiscussion, useDocVersion, useLocalReadMarks } from "../discussion/use-discussion.ts";
import type { CriterionWorkspace } from "./criterion-panel.tsx";

/**
 * The comment threads on one criterion, from the evaluation's discussion document: a
 * disclosure saying how many comments there are and how many are unread. Whether one may
 * comment is the discussion's own scope, not the evaluation's: validators comment on a school's
 * evaluation they cannot edit.
 */
export function CriterionDiscussion(props: CriterionWorkspace) {
  const { evaluationId, criterion, provider, me } = props;
  const discussion = useDiscussion(evaluationId, me.userId);
  const localMarks = useLocalReadMarks(evaluationId, me.userId);
  const { doc, readOnly, ready, version } = discussion;
  const [open, setOpen] = useState(false);
  const [newAtOpen, setNewAtOpen] = useState<Map<string, number>>(new Map());
  const field = narrativeField(criterion.id);
  // Anchors are re-resolved as the narrative changes, only while the threads are on screen.
  const evaluationVersion = useDocVersion(provider?.document ?? null, open);
  const author: Author = useMemo(
    () => ({ userId: me.userId, name: me.name }),
    [me.userId, me.name],
  );

  const view = useMemo(() => {
    if (!doc) return null;
    const threads = listThreads(doc, criterion.id).map((thread) => ({
      thread,
      comments: listComments(doc, thread.id),
    }));
    const unread = unreadByThread(
      doc,
      me.userId,
      criterion.id,
      readOnly ? localMarks.get : undefined,
    );
    return { threads, unread };
    // version: the discussion changed; localMarks.get: the browser's read marks changed.
  }, [doc, version, criterion.id, me.userId, readOnly, localMarks.get]);

  // While open, everything shown counts as read.
  useEffect(() => {
    if (!open || !doc || !ready || !view) return;
    for (const { thread, comments } of view.threads) {
      if (!view.unread.has(thread.id)) continue;
      if (readOnly) localMarks.set(thread.id, comments.length);
      else markRead(doc, me.userId, thread.id);
    }
  }, [open, doc, ready, readOnly, view, me.userId, localMarks]);

  if (discussion.refused || !view || !doc) return null;
  const commentCount = view.threads.reduce((n, t) => n + t.comments.length, 0);
  let unreadCount = 0;
  for (const n of view.unread.values()) unreadCount += n;
  const fragment = provider?.document.getXmlFragment(field) ?? null;
  const ongoing = view.threads.filter((t) => !t.thread.resolved);
  const resolved = view.threads.filter((t) => t.thread.resolved);
  // Rendering again on each narrative change (evaluationVersion) is what re-resolves anchors.
  void evaluationVersion;

  const threadView = ({ thread, comments }: (typeof view.threads)[number]) => (
    <ThreadView
      key={thread.id}
      doc={doc}
      thread={thread}
      comments={comments}
      anchor={fragment ? resolveAnchor(thread, fragment) : { status: "pending" }}
      newCount={newAtOpen.get(thread.id) ?? 0}
      narrativeField={field}
      readOnly={readOnly}
      me={author}
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
      {readOnly ? (
        ready ? (
          <p className="discussion-readonly">You can read these comments but not add to them.</p>
        ) : null
      ) : (
        <NewThreadForm
          doc={doc}
          criterionId={criterion.id}
          code={criterion.code}
          narrativeField={field}
          me={author}
        />
      )}
    </details>
  );
}

import { useCallback, useRef } from "react";
import type * as Y from "yjs";
import { documentName } from "../../../collab/document-name.ts";
import { useDocumentIn } from "../../collab/collab-room.tsx";
import { useDocVersion } from "../../collab/use-doc-version.ts";
import { postDiscussion, useCsrfToken } from "./use-discussion-post.ts";

export interface Discussion {
  doc: Y.Doc | null;
  refused: string | null;
  /** Has the discussion arrived from the server? Until then its document is empty, not bare. */
  synced: boolean;
  /** Changes whenever the discussion changes, for memoising what is derived from it. */
  version: number;
}

/**
 * The discussion of an evaluation, live (browser only; null doc during server rendering). One
 * `discussion.<evaluationId>` document in the page's room, shared by every criterion on the
 * page (documents are counted, so it opens once). It is read-only for everyone: changes go to
 * the server as commands (use-discussion-post.ts) and come back through the document.
 */
export function useDiscussion(evaluationId: string, userId: string): Discussion {
  const open = useDocumentIn(userId, documentName("discussion", evaluationId));
  const version = useDocVersion(open.doc);
  return { doc: open.doc, refused: open.refused, synced: open.synced, version };
}

/**
 * Tells the server that the person has seen a thread's comments (their read mark lives in the
 * discussion document, written by the server like everything there). Each thread's count is
 * sent once; a failed send is forgotten, so the next change of the view tries again.
 */
export function useMarkRead(evaluationId: string): (threadId: string, count: number) => void {
  const csrf = useCsrfToken();
  const sent = useRef(new Map<string, number>());
  return useCallback(
    (threadId: string, count: number) => {
      if (sent.current.get(threadId) === count) return;
      sent.current.set(threadId, count);
      const fields = { intent: "markRead", threadId, seen: String(count) };
      void postDiscussion(evaluationId, csrf, fields).then((result) => {
        if (!result.ok && sent.current.get(threadId) === count) sent.current.delete(threadId);
      });
    },
    [evaluationId, csrf],
  );
}

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { documentName } from "../../../collab/document-name.ts";
import { openCollabSession, type CollabSession } from "../../collab/collab-session.client.ts";
import { postDiscussion, useCsrfToken } from "./use-discussion-post.ts";

/**
 * One `discussion.<evaluationId>` session shared by every criterion on the page (one socket,
 * not one per criterion), opened by the first user and closed after the last. It is read-only
 * for everyone: changes go to the server as commands (use-discussion-post.ts) and come back
 * through the document.
 */
interface Shared {
  session: CollabSession;
  refused: string | null;
  version: number;
  users: number;
  listeners: Set<() => void>;
}

const shared = new Map<string, Shared>();

function acquire(key: string, name: string, userId: string): Shared {
  const existing = shared.get(key);
  if (existing) {
    existing.users++;
    return existing;
  }
  const listeners = new Set<() => void>();
  const notify = () => {
    entry.version++;
    listeners.forEach((l) => l());
  };
  const session = openCollabSession(name, userId, {
    onReadOnly: () => {},
    onRefused: (reason) => {
      entry.refused = reason;
      notify();
    },
    onClosed: () => {},
  });
  const entry: Shared = { session, refused: null, version: 0, users: 1, listeners };
  session.doc.on("update", notify);
  shared.set(key, entry);
  return entry;
}

function release(key: string) {
  const entry = shared.get(key);
  if (!entry || --entry.users > 0) return;
  shared.delete(key);
  entry.session.destroy();
}

export interface Discussion {
  doc: Y.Doc | null;
  refused: string | null;
  /** Changes whenever the discussion changes, for memoising what is derived from it. */
  version: number;
}

/** The discussion of an evaluation, live (browser only; null doc during server rendering). */
export function useDiscussion(evaluationId: string, userId: string): Discussion {
  const [entry, setEntry] = useState<Shared | null>(null);
  useEffect(() => {
    const name = documentName("discussion", evaluationId);
    const key = `${name}:${userId}`;
    setEntry(acquire(key, name, userId));
    return () => release(key);
  }, [evaluationId, userId]);
  const version = useSyncExternalStore(
    (onChange) => {
      if (!entry) return () => {};
      entry.listeners.add(onChange);
      return () => entry.listeners.delete(onChange);
    },
    () => entry?.version ?? -1,
    () => -1,
  );
  return {
    doc: entry?.session.doc ?? null,
    refused: entry?.refused ?? null,
    version,
  };
}

/** A counter that changes with every update of `doc` (while `active`), to re-derive views from it. */
export function useDocVersion(doc: Y.Doc | null, active = true): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!doc || !active) return;
    const bump = () => setVersion((v) => v + 1);
    doc.on("update", bump);
    return () => doc.off("update", bump);
  }, [doc, active]);
  return version;
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

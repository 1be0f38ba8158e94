import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { documentName } from "../../../collab/document-name.ts";
import { openCollabSession, type CollabSession } from "../../collab/collab-session.client.ts";

/**
 * One `discussion.<evaluationId>` session shared by every criterion on the page (one socket,
 * not one per criterion), opened by the first user and closed after the last.
 */
interface Shared {
  session: CollabSession;
  readOnly: boolean | null;
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
    onReadOnly: (readOnly) => {
      entry.readOnly = readOnly;
      notify();
    },
    onRefused: (reason) => {
      entry.refused = reason;
      notify();
    },
    onClosed: () => {},
  });
  const entry: Shared = { session, readOnly: null, refused: null, version: 0, users: 1, listeners };
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
  /** True until the server said this person may write (and for observers, always). */
  readOnly: boolean;
  refused: string | null;
  /** The server has answered: readOnly is now what it decided. */
  ready: boolean;
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
    readOnly: entry?.readOnly !== false,
    refused: entry?.refused ?? null,
    ready: entry != null && entry.readOnly !== null,
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
 * What a read-only person (a trust leader) has seen, kept in this browser: they cannot write
 * read marks into the discussion document.
 */
export function useLocalReadMarks(evaluationId: string, userId: string) {
  const key = `discussion-read:${evaluationId}:${userId}`;
  const [marks, setMarks] = useState<Record<string, number>>({});
  useEffect(() => {
    try {
      setMarks(JSON.parse(window.localStorage.getItem(key) ?? "{}") as Record<string, number>);
    } catch {
      setMarks({});
    }
  }, [key]);
  return useMemo(
    () => ({
      get: (threadId: string): number | undefined => marks[threadId],
      set(threadId: string, count: number) {
        setMarks((current) => {
          if (current[threadId] === count) return current;
          const next = { ...current, [threadId]: count };
          try {
            window.localStorage.setItem(key, JSON.stringify(next));
          } catch {
            // Storage full or disabled: the marks last for this visit only.
          }
          return next;
        });
      },
    }),
    [marks, key],
  );
}

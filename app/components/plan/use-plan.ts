import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import {
  actionsOf,
  forcesOf,
  readActions,
  readForces,
  type Force,
  type PlanAction,
} from "../../../collab/shapes/plan.ts";

interface Reading<T> {
  type: Y.AbstractType<unknown> | null;
  key: string;
  serial: string;
  value: T;
  /** Something changed since it was read (or nobody was listening): read again when asked. */
  stale: boolean;
}

/**
 * A value read from part of the document, kept current by observing it deeply. Every criterion
 * observes the same `forces`/`actions` map, so a change re-renders only the criteria whose
 * reading actually changed (compared as JSON). Read as an external store: a change is drawn in
 * the same render as the rows kept on this person's screen (kept-rows.ts), so a factor never
 * leaves the screen, nor its field the focus, between the two.
 */
function useLiveReading<T>(type: Y.AbstractType<unknown> | null, read: () => T, key: string): T {
  const reading = useRef<Reading<T> | null>(null);
  // `read` is rebuilt on every render; `type` and `key` say what it reads.
  const latestRead = useRef(read);
  latestRead.current = read;
  const subscribe = useCallback(
    (onChange: () => void) => {
      // What changed before anyone listened is read again now.
      if (reading.current) reading.current.stale = true;
      if (!type) return () => {};
      const changed = () => {
        if (reading.current) reading.current.stale = true;
        onChange();
      };
      type.observeDeep(changed);
      return () => type.unobserveDeep(changed);
    },
    [type],
  );
  const snapshot = (): T => {
    const last = reading.current;
    if (last && !last.stale && last.type === type && last.key === key) return last.value;
    const value = latestRead.current();
    const serial = JSON.stringify(value);
    if (last && last.serial === serial) {
      reading.current = { ...last, type, key, stale: false };
      return last.value;
    }
    reading.current = { type, key, serial, value, stale: false };
    return value;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** The criterion's forces (both sides), in order, live. */
export function useForces(doc: Y.Doc | null, criterionId: string): Force[] {
  return useLiveReading(
    doc ? (forcesOf(doc) as Y.AbstractType<unknown>) : null,
    () => (doc ? readForces(doc, criterionId) : []),
    criterionId,
  );
}

/** The criterion's actions, in order, live. */
export function useActions(doc: Y.Doc | null, criterionId: string): PlanAction[] {
  return useLiveReading(
    doc ? (actionsOf(doc) as Y.AbstractType<unknown>) : null,
    () => (doc ? readActions(doc, criterionId) : []),
    criterionId,
  );
}

/** Someone an action can be given to. */
export interface Member {
  id: string;
  name: string;
}

// One request per evaluation per page view, shared by every criterion's action list.
const membersOf = new Map<string, Promise<Member[]>>();

function loadMembers(evaluationId: string): Promise<Member[]> {
  let pending = membersOf.get(evaluationId);
  if (!pending) {
    pending = fetch(`/evaluations/${evaluationId}/members`, {
      headers: { Accept: "application/json" },
    }).then((response) => {
      if (!response.ok) throw new Error(`members: ${response.status}`);
      return response.json() as Promise<Member[]>;
    });
    // A failed request is asked again next time rather than remembered.
    pending.catch(() => membersOf.delete(evaluationId));
    membersOf.set(evaluationId, pending);
  }
  return pending;
}

/** The school's members (for owner pickers), or null while they load or if they could not be loaded. */
export function useMembers(evaluationId: string): Member[] | null {
  const [members, setMembers] = useState<Member[] | null>(null);
  useEffect(() => {
    let live = true;
    loadMembers(evaluationId).then(
      (list) => live && setMembers(list),
      () => live && setMembers(null),
    );
    return () => {
      live = false;
    };
  }, [evaluationId]);
  return members;
}

/** Today as YYYY-MM-DD in the person's own time zone. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

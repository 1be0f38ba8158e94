import { useEffect, useState } from "react";
import type * as Y from "yjs";
import {
  actionsOf,
  forcesOf,
  readActions,
  readForces,
  type Force,
  type PlanAction,
} from "../../../collab/shapes/plan.ts";

/**
 * A value read from part of the document, kept current by observing it deeply. Every criterion
 * observes the same `forces`/`actions` map, so a change re-renders only the criteria whose
 * reading actually changed (compared as JSON).
 */
function useLiveReading<T>(type: Y.AbstractType<unknown> | null, read: () => T, key: string): T {
  const [value, setValue] = useState<T>(read);
  useEffect(() => {
    let last = "";
    const refresh = () => {
      const next = read();
      const serial = JSON.stringify(next);
      if (serial === last) return;
      last = serial;
      setValue(next);
    };
    refresh();
    if (!type) return;
    type.observeDeep(refresh);
    return () => type.unobserveDeep(refresh);
    // `read` is rebuilt on every render; `key` names what it reads.
  }, [type, key]);
  return value;
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

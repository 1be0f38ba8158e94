import { useEffect, useState } from "react";
import type * as Y from "yjs";
import {
  agendaIsSynced,
  agendaMetaOf,
  agendaOf,
  followOf,
  readAgenda,
  readCurrent,
  type CurrentItem,
} from "../../../collab/shapes/meeting.ts";

export interface LiveAgenda {
  /** The agenda's criterion ids in running order. */
  order: string[];
  /** The item the validator brought everyone to. */
  current: CurrentItem | null;
}

const sameOrder = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The agenda as the meeting document has it, live; `scheduled` (the agenda as the page was
 * loaded, in the evaluation's order) until the document has one (older meetings, or before
 * the document has arrived).
 */
export function useLiveAgenda(doc: Y.Doc | null, scheduled: string[]): LiveAgenda {
  const [state, setState] = useState<LiveAgenda>({ order: scheduled, current: null });
  useEffect(() => {
    if (!doc) {
      setState((s) => (sameOrder(s.order, scheduled) ? s : { ...s, order: scheduled }));
      return;
    }
    const read = () => {
      const order = agendaIsSynced(doc) ? readAgenda(doc) : scheduled;
      const current = readCurrent(doc);
      setState((s) =>
        sameOrder(s.order, order) &&
        s.current?.criterionId === current?.criterionId &&
        s.current?.at === current?.at
          ? s
          : { order, current },
      );
    };
    read();
    const maps = [agendaOf(doc), agendaMetaOf(doc), followOf(doc)];
    for (const map of maps) map.observe(read);
    return () => {
      for (const map of maps) map.unobserve(read);
    };
  }, [doc, scheduled]);
  return state;
}

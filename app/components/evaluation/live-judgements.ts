import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { judgementsOf, readJudgements } from "../../../collab/shapes/evaluation.ts";

/**
 * Every judgement of the evaluation by criterion id, live from the shared document as anyone
 * judges; until the document has synced, what was last saved (the projection), so the figures
 * never drop to nothing while the page connects.
 */
export function useLiveJudgements(
  doc: Y.Doc | null,
  synced: boolean,
  saved: Record<string, string>,
): Record<string, string> {
  const [live, setLive] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    if (!doc || !synced) return;
    const judgements = judgementsOf(doc);
    const read = () => setLive(readJudgements(doc));
    read();
    judgements.observe(read);
    return () => judgements.unobserve(read);
  }, [doc, synced]);
  return live ?? saved;
}

/** The criteria of an area, with the level keys a judgement of them may take. */
export interface AreaToCount {
  id: string;
  criteria: { id: string; code: string; statement: string }[];
  levels: { key: string }[];
}

/** How many of the area's criteria have a judgement on its scale. */
export function judgedIn(area: AreaToCount, judgements: Record<string, string>): number {
  const keys = new Set(area.levels.map((l) => l.key));
  return area.criteria.filter((c) => keys.has(judgements[c.id] ?? "")).length;
}

/** The criteria not judged yet, in the framework's order. */
export function unjudgedIn(
  areas: AreaToCount[],
  judgements: Record<string, string>,
): { id: string; code: string; statement: string }[] {
  return areas.flatMap((area) => {
    const keys = new Set(area.levels.map((l) => l.key));
    return area.criteria.filter((c) => !keys.has(judgements[c.id] ?? ""));
  });
}

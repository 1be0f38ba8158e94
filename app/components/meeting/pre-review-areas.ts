import type { CriterionRow } from "./types.ts";

/** What grouping a criterion by its area needs of it. */
type InArea = Pick<CriterionRow, "id" | "areaId" | "areaTitle">;

/** One area of the framework in the pre-review: its criteria, in the framework's order. */
export interface AreaToReview<C extends InArea = CriterionRow> {
  id: string;
  title: string;
  criteria: C[];
}

/** The pre-review's criteria area by area, areas in the order their first criterion comes. */
export function areasOf<C extends InArea>(criteria: C[]): AreaToReview<C>[] {
  const areas = new Map<string, AreaToReview<C>>();
  for (const criterion of criteria) {
    const area = areas.get(criterion.areaId) ?? {
      id: criterion.areaId,
      title: criterion.areaTitle,
      criteria: [],
    };
    area.criteria.push(criterion);
    areas.set(criterion.areaId, area);
  }
  return [...areas.values()];
}

/** What an area's folded heading says: how many criteria, ticked, and differing. */
export interface AreaCounts {
  criteria: number;
  onAgenda: number;
  differing: number;
}

export function countsOf(
  area: AreaToReview<InArea>,
  chosen: ReadonlySet<string>,
  differing: ReadonlySet<string>,
): AreaCounts {
  return {
    criteria: area.criteria.length,
    onAgenda: area.criteria.filter((c) => chosen.has(c.id)).length,
    differing: area.criteria.filter((c) => differing.has(c.id)).length,
  };
}

export function describeCounts(counts: AreaCounts): string {
  const { criteria, onAgenda, differing } = counts;
  return [
    `${criteria} ${criteria === 1 ? "criterion" : "criteria"}`,
    `${onAgenda} on the agenda`,
    `${differing} ${differing === 1 ? "differs" : "differ"} from the school's judgement`,
  ].join(", ");
}

/**
 * The areas open when the page opens: those with something to look at (a criterion on the
 * agenda, or a provisional judgement differing from the school's) and the first area with a
 * criterion the validator has not judged yet (where they carry on). The others are folded.
 */
export function areasOpenAtFirst(
  areas: AreaToReview<InArea>[],
  chosen: ReadonlySet<string>,
  differing: ReadonlySet<string>,
  judgedByMe: ReadonlySet<string>,
): Set<string> {
  const open = new Set(
    areas
      .filter((a) => a.criteria.some((c) => chosen.has(c.id) || differing.has(c.id)))
      .map((a) => a.id),
  );
  const next = areas.find((a) => a.criteria.some((c) => !judgedByMe.has(c.id)));
  if (next) open.add(next.id);
  return open;
}

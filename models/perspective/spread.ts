import type { Perspective } from "./perspective.ts";

export interface SpreadEntry {
  level: string;
  count: number;
  /** Who chose this level: perspective of each contributor (names stay on the page). */
  perspectives: Perspective[];
}

/**
 * The spread of contributors' judgements on one criterion: how many chose each level, in the
 * scale's order (levels nobody chose have a count of 0, so the chart keeps its axis).
 */
export function spreadOf(
  levels: string[],
  judgements: { userId: string; level: string }[],
  perspectiveOf: (userId: string) => Perspective | undefined,
): SpreadEntry[] {
  return levels.map((level) => {
    const chosen = judgements.filter((j) => j.level === level);
    return {
      level,
      count: chosen.length,
      perspectives: chosen
        .map((j) => perspectiveOf(j.userId))
        .filter((p): p is Perspective => p !== undefined),
    };
  });
}

/** How far apart judgements are: the number of levels between the lowest and highest chosen. */
export function range(levels: string[], chosen: string[]): number {
  const ranks = chosen.map((l) => levels.indexOf(l)).filter((r) => r >= 0);
  return ranks.length ? Math.max(...ranks) - Math.min(...ranks) : 0;
}

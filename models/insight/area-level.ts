import type { Area, FrameworkContent, Scale } from "../framework/types.ts";

/**
 * Where a school stands in one area, by "secure fit" (shared/DOMAIN.md: a level is reached when
 * every criterion reaches it): the lowest level among the area's judged criteria. `judged` of
 * `total` says how complete that is; no judged criterion gives `level: null`.
 */
export function areaLevel(
  area: Pick<Area, "criteria">,
  scale: Pick<Scale, "levels">,
  judgements: Record<string, string>,
): { level: string | null; judged: number; total: number } {
  const keys = scale.levels.map((l) => l.key);
  let lowest = Number.POSITIVE_INFINITY;
  let judged = 0;
  for (const criterion of area.criteria) {
    const level = Object.hasOwn(judgements, criterion.id) ? judgements[criterion.id] : undefined;
    const rank = level === undefined ? -1 : keys.indexOf(level);
    if (rank < 0) continue;
    judged++;
    lowest = Math.min(lowest, rank);
  }
  return { level: judged ? keys[lowest] : null, judged, total: area.criteria.length };
}

/**
 * The level a school is expected to reach on a scale: the accreditation rule's floor when the
 * framework has one on this scale, else the middle of the scale (Ofsted's "Expected standard" is
 * the third of five; a four-level mark's "Secure" the third of four; Met of Met / Not met).
 */
export function expectedLevelIndex(
  scale: Pick<Scale, "key" | "levels">,
  content: FrameworkContent,
): number {
  const rule = content.accreditationRule;
  if (rule.type === "minimumLevels") {
    const index = scale.levels.findIndex((l) => l.key === rule.everyCriterionAtLeast);
    if (index >= 0) return index;
  }
  return Math.floor(scale.levels.length / 2);
}

/** The rank of a level on its scale (0 lowest), or -1 when it is not one of its levels. */
export function rankOf(scale: Pick<Scale, "levels">, level: string | null): number {
  return level === null ? -1 : scale.levels.findIndex((l) => l.key === level);
}

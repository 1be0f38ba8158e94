import { scaleOf } from "../framework/applicable.ts";
import type { FrameworkContent, Scale } from "../framework/types.ts";
import { areaLevel, expectedLevelIndex, rankOf } from "./area-level.ts";
import { judgementsOf, type InsightEvaluation, type JudgementSource } from "./types.ts";
import { centreBasis } from "./words.ts";

/**
 * Centres of expertise and suggested pairings (shared/DOMAIN.md, "Trust-wide insight"): to deploy
 * support and share practice, never to rank. Both sides count whose judgement the page chose
 * (`source`, as the Stack and heat map do). Who is a centre is decided in one place,
 * `centreRank` below; a school needs support in an area where its level there is below the
 * expected level. Areas judged Met / Not met are about compliance, not practice to share: they
 * have no centres.
 */
export interface Centre {
  schoolId: string;
  schoolName: string;
  areaId: string;
  areaTitle: string;
  levelLabel: string;
  rank: number;
  awarded: boolean;
  agreedAt: Date | null;
  /** Why it is a centre, in words (words.ts centreBasis): "agreed 3 Mar 2027", "holds this award". */
  basis: string;
}

export interface NeedsSupport {
  schoolId: string;
  schoolName: string;
  areaId: string;
  areaTitle: string;
  levelLabel: string;
  rank: number;
}

export interface Pairing {
  areaId: string;
  areaTitle: string;
  supported: NeedsSupport;
  centre: Centre;
  /** In words, e.g. "Oakfield is Strong standard in Inclusion (agreed 3 Mar 2027); …". */
  explanation: string;
}

/** How many schools one centre is offered to, unless the trust says otherwise. */
export const DEFAULT_CENTRE_CAPACITY = 2;

function sharingAreas(content: FrameworkContent) {
  return content.areas
    .map((area) => ({ area, scale: scaleOf(content, area) }))
    .filter(({ scale }) => scale.levels.length > 2);
}

/** Whether any school has a judgement that counts for `source` (else nothing can be paired). */
export function anyCounted(evaluations: InsightEvaluation[], source: JudgementSource): boolean {
  return evaluations.some((e) => Object.keys(judgementsOf(e, source)).length > 0);
}

/** Of an area's criteria, how many were judged for `source`, and how many of those were agreed. */
function agreedOf(
  criteria: { id: string }[],
  e: InsightEvaluation,
  source: JudgementSource,
): { agreed: number; counted: number } {
  const counted = criteria.filter((c) => Object.hasOwn(judgementsOf(e, source), c.id)).length;
  if (source === "self") return { agreed: 0, counted };
  const agreed = criteria.filter((c) => Object.hasOwn(e.agreed, c.id)).length;
  return { agreed, counted };
}

/**
 * The rule for a centre of expertise, the one place it is decided (the page, the pairings,
 * accepting one and the trust overview report all come through centresOf): the school's level
 * in the area rests on every one of its criteria (secure fit: a level on part of the area is
 * only as far as the school has looked, not a level reached), and that level is above the
 * expected level and one of the two highest of the scale. Holding the award never lowers the
 * bar (a tiered mark's Bronze floor can be the second level of four): it is said beside a
 * centre, as its basis. The level's rank when the school is a centre there, else null.
 */
export function centreRank(
  scale: Pick<Scale, "levels">,
  expected: number,
  placed: { level: string | null; judged: number; total: number },
): number | null {
  if (scale.levels.length <= 2) return null;
  if (placed.total === 0 || placed.judged < placed.total) return null;
  const rank = rankOf(scale, placed.level);
  return rank > expected && rank >= scale.levels.length - 2 ? rank : null;
}

/**
 * The levels that make a centre in this framework, per scale that has centres, as the page
 * names the rule: ["Strong standard or Exceptional"].
 */
export function centreLevelsOf(content: FrameworkContent): string[] {
  const phrases = sharingAreas(content).map(({ scale }) => {
    const expected = expectedLevelIndex(scale, content);
    const labels = scale.levels
      .filter((l) => centreRank(scale, expected, { level: l.key, judged: 1, total: 1 }) !== null)
      .map((l) => l.label);
    return labels.length > 1
      ? `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`
      : (labels[0] ?? "");
  });
  return [...new Set(phrases.filter(Boolean))];
}

export function centresOf(
  content: FrameworkContent,
  evaluations: InsightEvaluation[],
  source: JudgementSource,
): Centre[] {
  const centres: Centre[] = [];
  for (const { area, scale } of sharingAreas(content)) {
    const expected = expectedLevelIndex(scale, content);
    for (const e of evaluations) {
      const rank = centreRank(scale, expected, areaLevel(area, scale, judgementsOf(e, source)));
      if (rank !== null) {
        centres.push({
          schoolId: e.schoolId,
          schoolName: e.schoolName,
          areaId: area.id,
          areaTitle: area.title,
          levelLabel: scale.levels[rank].label,
          rank,
          awarded: e.awarded,
          agreedAt: e.agreedAt,
          basis: centreBasis({
            awarded: e.awarded,
            agreedAt: e.agreedAt,
            ...agreedOf(area.criteria, e, source),
          }),
        });
      }
    }
  }
  return centres;
}

export function needingSupport(
  content: FrameworkContent,
  evaluations: InsightEvaluation[],
  source: JudgementSource,
): NeedsSupport[] {
  const out: NeedsSupport[] = [];
  for (const { area, scale } of sharingAreas(content)) {
    const expected = expectedLevelIndex(scale, content);
    for (const e of evaluations) {
      const { level } = areaLevel(area, scale, judgementsOf(e, source));
      const rank = rankOf(scale, level);
      if (rank >= 0 && rank < expected)
        out.push({
          schoolId: e.schoolId,
          schoolName: e.schoolName,
          areaId: area.id,
          areaTitle: area.title,
          levelLabel: scale.levels[rank].label,
          rank,
        });
    }
  }
  return out;
}

/** The pairing in words: why this centre, and where the other school stands. */
export function explain(centre: Centre, supported: NeedsSupport): string {
  return (
    `${centre.schoolName} is ${centre.levelLabel} in ${centre.areaTitle} (${centre.basis}); ` +
    `${supported.schoolName}'s ${supported.areaTitle} is ${supported.levelLabel}`
  );
}

/**
 * Suggested pairings: each school needing support in an area with a centre of expertise in that
 * area — never a school with itself, each centre offered to at most `capacity` schools. Schools
 * furthest below the expected level are paired first; among centres, the strongest, then the
 * least asked. A school with no free centre is left out (the page says so).
 */
export function suggestPairings(
  content: FrameworkContent,
  evaluations: InsightEvaluation[],
  source: JudgementSource,
  capacity = DEFAULT_CENTRE_CAPACITY,
): Pairing[] {
  const centres = centresOf(content, evaluations, source);
  const load = new Map<string, number>();
  const key = (c: Centre) => `${c.areaId}/${c.schoolId}`;
  const pairings: Pairing[] = [];
  const needs = needingSupport(content, evaluations, source).sort(
    (a, b) =>
      a.areaTitle.localeCompare(b.areaTitle) ||
      a.rank - b.rank ||
      a.schoolName.localeCompare(b.schoolName),
  );
  for (const supported of needs) {
    const candidates = centres
      .filter(
        (c) =>
          c.areaId === supported.areaId &&
          c.schoolId !== supported.schoolId &&
          (load.get(key(c)) ?? 0) < capacity,
      )
      .sort(
        (a, b) =>
          b.rank - a.rank ||
          (load.get(key(a)) ?? 0) - (load.get(key(b)) ?? 0) ||
          a.schoolName.localeCompare(b.schoolName),
      );
    const centre = candidates[0];
    if (!centre) continue;
    load.set(key(centre), (load.get(key(centre)) ?? 0) + 1);
    pairings.push({
      areaId: supported.areaId,
      areaTitle: supported.areaTitle,
      supported,
      centre,
      explanation: explain(centre, supported),
    });
  }
  return pairings;
}

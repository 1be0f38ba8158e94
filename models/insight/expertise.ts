import { scaleOf } from "../framework/applicable.ts";
import type { FrameworkContent } from "../framework/types.ts";
import { areaLevel, expectedLevelIndex, rankOf } from "./area-level.ts";
import { judgementsOf, type InsightEvaluation, type JudgementSource } from "./types.ts";
import { centreBasis, partlyNote } from "./words.ts";

/**
 * Centres of expertise and suggested pairings (shared/DOMAIN.md, "Trust-wide insight"): to deploy
 * support and share practice, never to rank. Both sides count whose judgement the page chose
 * (`source`, as the Stack and heat map do): a centre in an area is a school whose judgement puts
 * it above the expected level there, or that holds this framework's award and meets the
 * expected level; a school needs support where its judgement is below the expected level.
 * Areas judged Met / Not met are about compliance, not practice to share: they have no centres.
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
  /**
   * Why it is a centre, in words (words.ts centreBasis): "agreed 3 Mar 2027", or where its level
   * rests on some of the area's criteria only "its self-evaluation, on part of the area: 3 of 5
   * judged".
   */
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

export function centresOf(
  content: FrameworkContent,
  evaluations: InsightEvaluation[],
  source: JudgementSource,
): Centre[] {
  const centres: Centre[] = [];
  for (const { area, scale } of sharingAreas(content)) {
    const expected = expectedLevelIndex(scale, content);
    for (const e of evaluations) {
      const { level, judged, total } = areaLevel(area, scale, judgementsOf(e, source));
      const rank = rankOf(scale, level);
      if (rank > expected || (e.awarded && rank >= expected && rank >= 0)) {
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
            // As the Stack and heat map say of a level resting on part of the area.
            partly: partlyNote(judged, total, source),
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

import { scaleOf } from "../framework/applicable.ts";
import type { FrameworkContent } from "../framework/types.ts";
import { areaLevel } from "./area-level.ts";
import {
  judgementsOf,
  type AreaApplies,
  type InsightEvaluation,
  type JudgementSource,
  type LevelView,
} from "./types.ts";
import { notApplicableNote, notYetLabel, nothingYetNote, trendsScaleNote } from "./words.ts";

export interface TrendPoint {
  cycleId: string;
  cycleName: string;
  /** Schools at each level of the area (secure fit), in the scale's order. */
  counts: { level: LevelView; count: number }[];
  /** Schools in the cycle with no judged criterion in the area. */
  unjudged: number;
  /** Schools in the cycle where the area does not apply (no sixth form, say). */
  notApplicable: number;
  /** "Not applicable at 2 of the 4 schools." (null: the area applies at every school). */
  notApplicableNote: string | null;
}

export interface AreaTrend {
  areaId: string;
  title: string;
  levels: LevelView[];
  points: TrendPoint[];
  /** What `unjudged` counts, in words: "Not judged yet" ("Not agreed yet"). */
  notYet: string;
  /** While no school has a level in the area in any of the cycles, what to say instead of a chart. */
  nothingYet: string | null;
  /**
   * What the chart's bars are measured against, the same in every area (so a count stands as
   * high in one area's chart as in another's): the most schools in any one of the cycles.
   */
  scale: { max: number; note: string };
}

/**
 * Trends: per area, the trust's distribution across cycles, oldest cycle first. `cycles` orders
 * the cycles; evaluations outside them (started by a school itself) are left out, and so is a
 * school from an area that does not apply to it (`applies`; every area, if not given), counted
 * apart and said under the table ("Not applicable at 2 of the 4 schools."). Every
 * area shares one scale: the schools of the largest cycle.
 */
export function trendsOf(
  content: FrameworkContent,
  evaluations: InsightEvaluation[],
  cycles: { id: string; name: string }[],
  source: JudgementSource,
  applies?: AreaApplies,
): AreaTrend[] {
  const schoolsIn = (cycleId: string) =>
    new Set(evaluations.filter((e) => e.cycleId === cycleId).map((e) => e.schoolId)).size;
  const largest = Math.max(0, ...cycles.map((c) => schoolsIn(c.id)));
  const scale = { max: largest, note: trendsScaleNote(largest) };
  return content.areas.map((area) => {
    const levelScale = scaleOf(content, area);
    const levels = levelScale.levels.map(({ key, label, colour }) => ({ key, label, colour }));
    const points = cycles.map((cycle) => {
      const ofCycle = evaluations.filter((e) => e.cycleId === cycle.id);
      const inCycle = ofCycle.filter((e) => !applies || applies(e.schoolId, area));
      const placed = inCycle.map((e) => areaLevel(area, levelScale, judgementsOf(e, source)).level);
      return {
        cycleId: cycle.id,
        cycleName: cycle.name,
        counts: levels.map((level) => ({
          level,
          count: placed.filter((p) => p === level.key).length,
        })),
        unjudged: placed.filter((p) => p === null).length,
        notApplicable: ofCycle.length - inCycle.length,
        notApplicableNote: notApplicableNote(ofCycle.length - inCycle.length, ofCycle.length),
      };
    });
    const anyLevel = points.some((p) => p.counts.some((c) => c.count > 0));
    return {
      areaId: area.id,
      title: area.title,
      levels,
      points,
      notYet: notYetLabel(source),
      nothingYet: anyLevel ? null : nothingYetNote(area.title, source, true),
      scale,
    };
  });
}

import { scaleOf } from "../framework/applicable.ts";
import type { FrameworkContent } from "../framework/types.ts";
import { rankOf } from "./area-level.ts";
import type { AreaApplies, JudgementSource, LevelView } from "./types.ts";
import { NOT_APPLICABLE, notYetLabel, overlayDifference } from "./words.ts";

/** One series of the overlay: an evaluation (a school, or one school's cycle), or its agreed view. */
export interface OverlaySeries {
  id: string;
  label: string;
  judgements: Record<string, string>;
  /** The series' school: whether each area applies to it (every area, without it). */
  schoolId?: string;
}

export interface OverlayRow {
  criterionId: string;
  code: string;
  statement: string;
  areaTitle: string;
  levels: LevelView[];
  /**
   * Each series' level here, in series order (null: not judged, or not applicable), with the
   * cell in words: the level, "Not applicable", or "Not judged yet" ("Not agreed yet").
   */
  values: {
    seriesId: string;
    level: string | null;
    rank: number;
    applicable: boolean;
    text: string;
  }[];
  /** How many series it applies to, and how many of those judged it. */
  applicable: number;
  judged: number;
  /** Two or more series judged it: only then can they agree or differ. */
  comparable: boolean;
  /** The series do not all agree (among those that judged it). */
  differs: boolean;
  /** Highest minus lowest rank among those that judged it. */
  spread: number;
  /** The Difference column in words: "Differs by 2 levels", "Same", "Only one judged"… */
  difference: string;
}

export const MAX_OVERLAY_SERIES = 6;

/**
 * The Overlay: two to six series drawn on the same axes, each criterion a row; where they differ
 * is marked (`differs`, `spread` in levels), so the differences show at a glance. A criterion of
 * an area that does not apply to a series' school (`applies`, the heat map's rule) is not
 * applicable there, and counts as neither judged nor not; a criterion fewer than two series
 * judged is not comparable, never "the same". `source` words what is missing.
 */
export function overlayOf(
  content: FrameworkContent,
  series: OverlaySeries[],
  options: { source?: JudgementSource; applies?: AreaApplies } = {},
): OverlayRow[] {
  const source = options.source ?? "latest";
  const shown = series.slice(0, MAX_OVERLAY_SERIES);
  return content.areas.flatMap((area) => {
    const scale = scaleOf(content, area);
    const levels = scale.levels.map(({ key, label, colour }) => ({ key, label, colour }));
    const appliesTo = shown.map(
      (s) => !options.applies || s.schoolId === undefined || options.applies(s.schoolId, area),
    );
    return area.criteria.map((criterion) => {
      const values = shown.map((s, i) => {
        if (!appliesTo[i])
          return { seriesId: s.id, level: null, rank: -1, applicable: false, text: NOT_APPLICABLE };
        const level = Object.hasOwn(s.judgements, criterion.id) ? s.judgements[criterion.id] : null;
        const rank = rankOf(scale, level);
        return {
          seriesId: s.id,
          level: rank >= 0 ? level : null,
          rank,
          applicable: true,
          text: rank >= 0 ? scale.levels[rank].label : notYetLabel(source),
        };
      });
      const ranks = values.filter((v) => v.rank >= 0).map((v) => v.rank);
      const spread = ranks.length ? Math.max(...ranks) - Math.min(...ranks) : 0;
      const counts = {
        applicable: values.filter((v) => v.applicable).length,
        judged: ranks.length,
        spread,
      };
      return {
        criterionId: criterion.id,
        code: criterion.code,
        statement: criterion.statement,
        areaTitle: area.title,
        levels,
        values,
        ...counts,
        comparable: ranks.length >= 2,
        differs: spread > 0,
        spread,
        difference: overlayDifference(counts, source),
      };
    });
  });
}

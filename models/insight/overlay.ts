import { scaleOf } from "../framework/applicable.ts";
import type { FrameworkContent } from "../framework/types.ts";
import { rankOf } from "./area-level.ts";
import type { LevelView } from "./types.ts";

/** One series of the overlay: an evaluation (a school, or one school's cycle), or its agreed view. */
export interface OverlaySeries {
  id: string;
  label: string;
  judgements: Record<string, string>;
}

export interface OverlayRow {
  criterionId: string;
  code: string;
  statement: string;
  areaTitle: string;
  levels: LevelView[];
  /** Each series' level here, in series order (null: not judged). */
  values: { seriesId: string; level: string | null; rank: number }[];
  /** The series do not all agree (among those that judged it). */
  differs: boolean;
  /** Highest minus lowest rank among those that judged it. */
  spread: number;
}

export const MAX_OVERLAY_SERIES = 6;

/**
 * The Overlay: two to six series drawn on the same axes, each criterion a row; where they differ
 * is marked (`differs`, `spread` in levels), so the differences show at a glance.
 */
export function overlayOf(content: FrameworkContent, series: OverlaySeries[]): OverlayRow[] {
  const shown = series.slice(0, MAX_OVERLAY_SERIES);
  return content.areas.flatMap((area) => {
    const scale = scaleOf(content, area);
    const levels = scale.levels.map(({ key, label, colour }) => ({ key, label, colour }));
    return area.criteria.map((criterion) => {
      const values = shown.map((s) => {
        const level = Object.hasOwn(s.judgements, criterion.id) ? s.judgements[criterion.id] : null;
        const rank = rankOf(scale, level);
        return { seriesId: s.id, level: rank >= 0 ? level : null, rank };
      });
      const ranks = values.filter((v) => v.rank >= 0).map((v) => v.rank);
      const spread = ranks.length ? Math.max(...ranks) - Math.min(...ranks) : 0;
      return {
        criterionId: criterion.id,
        code: criterion.code,
        statement: criterion.statement,
        areaTitle: area.title,
        levels,
        values,
        differs: spread > 0,
        spread,
      };
    });
  });
}

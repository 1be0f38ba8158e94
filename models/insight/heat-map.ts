import { scaleOf } from "../framework/applicable.ts";
import type { FrameworkContent } from "../framework/types.ts";
import { areaLevel, rankOf } from "./area-level.ts";
import {
  judgementsOf,
  type AreaApplies,
  type InsightEvaluation,
  type JudgementSource,
  type LevelView,
} from "./types.ts";
import { NOT_APPLICABLE, notYetLabel, partlyNote } from "./words.ts";

export type Trend = "up" | "down" | "same";

export interface HeatCell {
  /** The area (or criterion) this column stands for. */
  columnId: string;
  /** False where the area does not apply to the school (a sixth form it does not have). */
  applicable: boolean;
  level: LevelView | null;
  judged: number;
  total: number;
  /** Against the school's previous cycle on the same framework (null: nothing to compare). */
  trend: Trend | null;
  /**
   * The cell in words, as the page, the CSV and the trust overview report print it: the level,
   * "Not applicable", or "Not judged yet" ("Not agreed yet" when agreed judgements count).
   */
  text: string;
  /** Under a level resting on some of the criteria only: "2 of 4 judged" (else null). */
  partly: string | null;
}

export interface HeatRow {
  schoolId: string;
  schoolName: string;
  phase: InsightEvaluation["phase"];
  status: InsightEvaluation["status"];
  awarded: boolean;
  evaluationId: string;
  cells: HeatCell[];
}

export interface HeatColumn {
  id: string;
  code: string;
  title: string;
}

export interface HeatMap {
  columns: HeatColumn[];
  rows: HeatRow[];
}

function trendOf(now: number, before: number | null): Trend | null {
  if (before === null || before < 0 || now < 0) return null;
  return now > before ? "up" : now < before ? "down" : "same";
}

/**
 * The heat map: schools × areas (or × the criteria of one area, with `areaId`), each cell the
 * level that counts for `source`, with a trend mark against the school's evaluation of the
 * previous cycle (`previous`: school id → that evaluation). Rows in school-name order: never a
 * ranking (the page may filter, or bring schools needing support in one column first).
 */
export function heatMapOf(
  content: FrameworkContent,
  evaluations: InsightEvaluation[],
  source: JudgementSource,
  options: {
    areaId?: string;
    previous?: Map<string, InsightEvaluation>;
    /** Whether `area` applies to the school (every area, if not given). */
    applies?: AreaApplies;
  } = {},
): HeatMap {
  const area = options.areaId ? content.areas.find((a) => a.id === options.areaId) : undefined;
  const columns: HeatColumn[] = area
    ? area.criteria.map((c) => ({ id: c.id, code: c.code, title: c.statement }))
    : content.areas.map((a) => ({ id: a.id, code: "", title: a.title }));
  const rows = evaluations
    .map((evaluation) => {
      const now = judgementsOf(evaluation, source);
      const previous = options.previous?.get(evaluation.schoolId);
      const before = previous ? judgementsOf(previous, source) : null;
      const cells: HeatCell[] = columns.map((column) => {
        const areaOfColumn = area ?? content.areas.find((a) => a.id === column.id)!;
        if (options.applies && !options.applies(evaluation.schoolId, areaOfColumn))
          return {
            columnId: column.id,
            applicable: false,
            level: null,
            judged: 0,
            total: 0,
            trend: null,
            text: NOT_APPLICABLE,
            partly: null,
          };
        const scale = scaleOf(content, areaOfColumn);
        const criteria = area
          ? area.criteria.filter((c) => c.id === column.id)
          : areaOfColumn.criteria;
        const placed = areaLevel({ criteria }, scale, now);
        const was = before ? areaLevel({ criteria }, scale, before).level : null;
        const level = scale.levels.find((l) => l.key === placed.level);
        return {
          columnId: column.id,
          applicable: true,
          level: level ? { key: level.key, label: level.label, colour: level.colour } : null,
          judged: placed.judged,
          total: placed.total,
          trend: before ? trendOf(rankOf(scale, placed.level), rankOf(scale, was)) : null,
          text: level ? level.label : notYetLabel(source),
          partly: level ? partlyNote(placed.judged, placed.total, source) : null,
        };
      });
      return {
        schoolId: evaluation.schoolId,
        schoolName: evaluation.schoolName,
        phase: evaluation.phase,
        status: evaluation.status,
        awarded: evaluation.awarded,
        evaluationId: evaluation.evaluationId,
        cells,
      };
    })
    .sort((a, b) => a.schoolName.localeCompare(b.schoolName));
  return { columns, rows };
}

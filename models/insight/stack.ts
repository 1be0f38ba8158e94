import { scaleOf } from "../framework/applicable.ts";
import type { FrameworkContent, Scale } from "../framework/types.ts";
import { areaLevel } from "./area-level.ts";
import {
  judgementsOf,
  type AreaApplies,
  type InsightEvaluation,
  type JudgementSource,
  type LevelView,
} from "./types.ts";
import {
  notApplicableNote,
  notYetLabel,
  nothingYetNote,
  partlyCount,
  partlyNamed,
  partlyNote,
  stackPartlyNote,
} from "./words.ts";

export interface SchoolRef {
  id: string;
  name: string;
  evaluationId: string;
}

/** A school at a level of a row. */
export interface PlacedSchool extends SchoolRef {
  /**
   * In the area overall, where the school's level rests on some of the area's criteria only:
   * "1 of 4 judged" ("1 of 4 agreed"); else null.
   */
  partly: string | null;
}

export interface StackSegment {
  level: LevelView;
  count: number;
  schools: PlacedSchool[];
}

/** One bar: how many schools sit at each level of a criterion (or of the area as a whole). */
export interface StackRow {
  id: string;
  code: string;
  label: string;
  segments: StackSegment[];
  /** Schools with no judgement here yet. */
  unjudged: SchoolRef[];
}

export interface StackArea {
  areaId: string;
  title: string;
  levels: LevelView[];
  /** The area as a whole, by secure fit (see area-level.ts). */
  overall: StackRow;
  /** Schools the area does not apply to (a sixth form they do not have): in no row. */
  notApplicable: number;
  criteria: StackRow[];
  // In words, as the page, the CSV and the trust overview report print them (words.ts).
  /** What the schools in a row's `unjudged` are: "Not judged yet" ("Not agreed yet"). */
  notYet: string;
  /** "Not applicable at 1 of the 4 schools." (null: the area applies at every school). */
  notApplicableNote: string | null;
  /**
   * The schools counted in the area overall on some of its criteria only, by name: "1 school's
   * level for the area rests on some of its criteria only: Riverside (1 of 4 judged)." (null: none).
   */
  partlyNote: string | null;
  /** While no school has a level in the area or any of its criteria: said instead of a chart. */
  nothingYet: string | null;
}

const viewOf = (scale: Scale): LevelView[] =>
  scale.levels.map(({ key, label, colour }) => ({ key, label, colour }));

function row(
  id: string,
  code: string,
  label: string,
  levels: LevelView[],
  placed: { school: SchoolRef; level: string | null; partly?: string | null }[],
): StackRow {
  const segments = levels.map((level) => {
    const schools = placed
      .filter((p) => p.level === level.key)
      .map((p) => ({ ...p.school, partly: p.partly ?? null }));
    return { level, count: schools.length, schools };
  });
  const known = new Set(levels.map((l) => l.key));
  const unjudged = placed
    .filter((p) => p.level === null || !known.has(p.level))
    .map((p) => p.school);
  return { id, code, label, segments, unjudged };
}

/**
 * The Stack: every school's evaluation against one framework version, aggregated. For each area
 * and each criterion, how many schools sit at each level and which ones, counting whose
 * judgement `source` says. Pass one evaluation per school; `applies` says whether an area
 * applies to a school (every area, if not given).
 */
export function stackOf(
  content: FrameworkContent,
  evaluations: InsightEvaluation[],
  source: JudgementSource,
  applies?: AreaApplies,
): StackArea[] {
  const everyone = evaluations.map((e) => ({
    school: { id: e.schoolId, name: e.schoolName, evaluationId: e.evaluationId },
    judgements: judgementsOf(e, source),
  }));
  return content.areas.map((area) => {
    const inArea = applies ? everyone.filter(({ school }) => applies(school.id, area)) : everyone;
    const scale = scaleOf(content, area);
    const levels = viewOf(scale);
    const overall = row(
      area.id,
      "",
      `${area.title} overall`,
      levels,
      inArea.map(({ school, judgements }) => {
        const placed = areaLevel(area, scale, judgements);
        return {
          school,
          level: placed.level,
          partly: placed.level ? partlyNote(placed.judged, placed.total, source) : null,
        };
      }),
    );
    const criteria = area.criteria.map((criterion) =>
      row(
        criterion.id,
        criterion.code,
        criterion.statement,
        levels,
        inArea.map(({ school, judgements }) => ({
          school,
          level: Object.hasOwn(judgements, criterion.id) ? judgements[criterion.id] : null,
        })),
      ),
    );
    const notApplicable = everyone.length - inArea.length;
    const anyLevel = [overall, ...criteria].some((r) => r.segments.some((s) => s.count > 0));
    return {
      areaId: area.id,
      title: area.title,
      levels,
      overall,
      notApplicable,
      criteria,
      notYet: notYetLabel(source),
      notApplicableNote: notApplicableNote(notApplicable, everyone.length),
      partlyNote: stackPartlyNote(
        overall.segments
          .flatMap((s) => s.schools)
          .flatMap(({ name, partly }) => (partly ? [{ name, partly }] : []))
          .sort((a, b) => a.name.localeCompare(b.name)),
      ),
      nothingYet: anyLevel ? null : nothingYetNote(area.title, source),
    };
  });
}

/**
 * Of each count of a row (the area overall's), the schools placed there on some of the area's
 * criteria only, as the page, the CSV and the trust overview report say them: `count` "1 partly
 * judged" and `named` "Riverside (1 of 4 judged)", per level; null where there are none.
 */
export function partlyOfRow(
  row: StackRow,
  source: JudgementSource,
): ({ count: string; named: string } | null)[] {
  return row.segments.map((s) => {
    const partly = s.schools
      .flatMap(({ name, partly }) => (partly ? [{ name, partly }] : []))
      .sort((a, b) => a.name.localeCompare(b.name));
    return partly.length
      ? { count: partlyCount(partly.length, source), named: partlyNamed(partly) }
      : null;
  });
}

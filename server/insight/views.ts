import { CYCLE_STATUS_LABELS } from "../../models/cycle/status.ts";
import { formatDay } from "../../models/dates.ts";
import { listEvaluationsOfSchool } from "../../models/evaluation/evaluation.ts";
import { scaleOf } from "../../models/framework/applicable.ts";
import { getFrameworkVersion } from "../../models/framework/framework.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { rankOf } from "../../models/insight/area-level.ts";
import { calibrationOf, trustCalibration } from "../../models/insight/calibration.ts";
import { heatMapOf, type HeatMap } from "../../models/insight/heat-map.ts";
import { MAX_OVERLAY_SERIES, overlayOf, type OverlaySeries } from "../../models/insight/overlay.ts";
import { schoolPlaceOf } from "../../models/insight/school-place.ts";
import { currentAndPrevious } from "../../models/insight/source.ts";
import { insightEvaluations } from "../../models/insight/summary.ts";
import { partlyOfRow, stackOf, type PlacedSchool } from "../../models/insight/stack.ts";
import { trendsOf } from "../../models/insight/trends.ts";
import {
  areaAppliesAt,
  judgementsOf,
  type AreaApplies,
  type InsightEvaluation,
  type LevelView,
} from "../../models/insight/types.ts";
import { overlaySummary, stackScaleNote, trendsNeedTwoCycles } from "../../models/insight/words.ts";
import { loadSchool } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { listSchools, type SchoolPhase } from "../../models/school/school.ts";
import type { InsightScope } from "./scope.ts";

// What each insight page and CSV shows, as plain data, built from the scope (which has already
// checked who is asking) and the projections read on this request.

export const PHASE_LABELS: Record<SchoolPhase, string> = {
  primary: "Primary",
  secondary: "Secondary",
  allThrough: "All-through",
  special: "Special",
};

// ---- heat map ---------------------------------------------------------------------------------

export interface HeatFilters {
  areaId: string | null;
  phase: string | null;
  status: string | null;
  /** "yes": holds this framework's award from this evaluation; "no": does not. */
  award: string | null;
  /** A column id (lowest level first), or null for school name order. */
  sort: string | null;
  /** "desc": highest level first in the sorted column. */
  dir: string | null;
}

export function heatFiltersOf(url: URL): HeatFilters {
  const get = (key: string) => url.searchParams.get(key) || null;
  return {
    areaId: get("area"),
    phase: get("phase"),
    status: get("status"),
    award: get("award"),
    sort: get("sort"),
    dir: get("dir"),
  };
}

/** Whether an area applies to a school of the trust (early years, sixth form: where it has them). */
async function areasOfSchools(trustId: string): Promise<AreaApplies> {
  return areaAppliesAt(await listSchools(trustId));
}

/** The level's rank in a column of the heat map (-1: not judged). */
function columnRank(content: FrameworkContent, areaId: string | null, columnId: string) {
  const area = content.areas.find((a) => a.id === (areaId ?? columnId));
  if (!area) return () => -1;
  const scale = scaleOf(content, area);
  return (level: string | null) => rankOf(scale, level);
}

export async function heatMapView(scope: InsightScope, filters: HeatFilters) {
  const { content } = scope;
  if (!content) return null;
  const area = filters.areaId ? content.areas.find((a) => a.id === filters.areaId) : undefined;
  const { current, previous } = await scope.evaluations("recent");
  const shown = current.filter(
    (e) =>
      (!filters.phase || e.phase === filters.phase) &&
      (!filters.status || e.status === filters.status) &&
      (!filters.award || (filters.award === "yes") === e.awarded),
  );
  const heat: HeatMap = heatMapOf(content, shown, scope.choice.source, {
    areaId: area?.id,
    previous,
    applies: await areasOfSchools(scope.trustId),
  });
  const sortColumn = heat.columns.findIndex((c) => c.id === filters.sort);
  if (sortColumn >= 0) {
    const rank = columnRank(content, area?.id ?? null, heat.columns[sortColumn].id);
    const sign = filters.dir === "desc" ? -1 : 1;
    const of = (row: HeatMap["rows"][number]) => {
      const r = rank(row.cells[sortColumn].level?.key ?? null);
      return r < 0 ? Number.POSITIVE_INFINITY : sign * r;
    };
    heat.rows.sort((a, b) => of(a) - of(b) || a.schoolName.localeCompare(b.schoolName));
  }
  return {
    area: area ? { id: area.id, title: area.title } : null,
    areas: content.areas.map((a) => ({ id: a.id, title: a.title })),
    columns: heat.columns,
    rows: heat.rows.map((row) => ({
      ...row,
      phaseLabel: PHASE_LABELS[row.phase],
      statusLabel: CYCLE_STATUS_LABELS[row.status],
      // The area a cell opens the evaluation at (the drilled-down area, or the column's own).
      cells: row.cells.map((cell) => ({ ...cell, areaId: area?.id ?? cell.columnId })),
    })),
    schoolsInScope: current.length,
    sort: sortColumn >= 0 ? heat.columns[sortColumn].id : null,
    dir: filters.dir === "desc" ? ("desc" as const) : ("asc" as const),
  };
}

export type HeatMapView = NonNullable<Awaited<ReturnType<typeof heatMapView>>>;

// ---- stack ------------------------------------------------------------------------------------

/** "rowId|levelKey" (levelKey "unjudged" for those not judged yet). */
export function parseSegment(value: string | null): { rowId: string; levelKey: string } | null {
  if (!value) return null;
  const at = value.lastIndexOf("|");
  return at > 0 ? { rowId: value.slice(0, at), levelKey: value.slice(at + 1) } : null;
}

/** The schools of one opened segment of the Stack. */
export interface OpenedSegment {
  rowId: string;
  rowLabel: string;
  level: string;
  /** `partly`: "1 of 4 judged" where the school's level for the area rests on part of it. */
  schools: { name: string; evaluationId: string; partly: string | null }[];
}

export async function stackView(scope: InsightScope, open: string | null) {
  const { content } = scope;
  if (!content) return null;
  const { current } = await scope.evaluations("current");
  const stack = stackOf(content, current, scope.choice.source, await areasOfSchools(scope.trustId));
  const segment = parseSegment(open);
  let opened: OpenedSegment | null = null;
  for (const area of stack) {
    for (const row of [area.overall, ...area.criteria]) {
      if (!segment || segment.rowId !== row.id) continue;
      const found = row.segments.find((s) => s.level.key === segment.levelKey);
      const schools: PlacedSchool[] | null = found
        ? found.schools
        : segment.levelKey === "unjudged"
          ? row.unjudged.map((s) => ({ ...s, partly: null }))
          : null;
      if (!schools) continue;
      opened = {
        rowId: row.id,
        rowLabel: row.code ? `${row.code} ${row.label}` : row.label,
        level: found ? found.level.label : area.notYet,
        schools: schools
          .map((s) => ({
            name: s.name,
            evaluationId: s.evaluationId,
            partly: s.partly,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    }
  }
  const areas = stack.map((area) => ({
    areaId: area.areaId,
    title: area.title,
    levels: area.levels,
    /** Schools the area does not apply to: in no row (the CSV says them as "Not applicable"). */
    notApplicable: area.notApplicable,
    notApplicableNote: area.notApplicableNote,
    partlyNote: area.partlyNote,
    notYet: area.notYet,
    nothingYet: area.nothingYet,
    // Every area's chart on one axis: the schools in the cycle (a full bar is every school).
    scale: {
      max: current.length,
      note: stackScaleNote(current.length, current.length - area.notApplicable),
    },
    rows: [area.overall, ...area.criteria].map((row) => {
      const partly = partlyOfRow(row, scope.choice.source);
      return {
        id: row.id,
        code: row.code,
        label: row.label,
        overall: row.id === area.areaId,
        counts: row.segments.map((s) => s.count),
        /** Of each count, the schools placed on part of the area, in words ("1 partly judged"). */
        partly: partly.map((p) => p?.count ?? null),
        /** The same schools by name: "Riverside (1 of 4 judged)" (the CSV's column). */
        partlyNamed: partly.map((p) => p?.named ?? null),
        unjudged: row.unjudged.length,
      };
    }),
  }));
  return { areas, opened, schools: current.length };
}

export type StackView = NonNullable<Awaited<ReturnType<typeof stackView>>>;

// ---- overlay ----------------------------------------------------------------------------------

function evaluationLabel(e: InsightEvaluation): string {
  return `${e.schoolName} · ${e.cycleName ?? `own evaluation, ${formatDay(e.createdAt, "short")}`}`;
}

export async function overlayView(
  scope: InsightScope,
  params: { evaluationIds: string[]; calibrateSchoolId: string | null },
) {
  const { content } = scope;
  if (!content) return null;
  const { all, current } = await scope.evaluations("all");
  const byId = new Map(all.map((e) => [e.evaluationId, e]));
  const chosen = [...new Set(params.evaluationIds)]
    .map((id) => byId.get(id))
    .filter((e): e is InsightEvaluation => e !== undefined);
  const tooMany = chosen.length > MAX_OVERLAY_SERIES;
  const series: OverlaySeries[] = chosen.slice(0, MAX_OVERLAY_SERIES).map((e) => ({
    id: e.evaluationId,
    label: evaluationLabel(e),
    judgements: judgementsOf(e, scope.choice.source),
    schoolId: e.schoolId,
  }));
  // Not applicable where the heat map says so: an area only at the schools it applies to.
  const applies = await areasOfSchools(scope.trustId);
  const rows =
    series.length >= 2 ? overlayOf(content, series, { source: scope.choice.source, applies }) : [];

  const calibrations = current.map((e) => calibrationOf(content, e));
  const summary = trustCalibration(calibrations);
  const calibrated = params.calibrateSchoolId
    ? current.find((e) => e.schoolId === params.calibrateSchoolId)
    : undefined;
  const school = calibrated
    ? {
        schoolId: calibrated.schoolId,
        schoolName: calibrated.schoolName,
        calibration: calibrationOf(content, calibrated),
        rows: overlayOf(
          content,
          [
            { id: "self", label: "Self-evaluation", judgements: calibrated.self },
            { id: "agreed", label: "Agreed in validation", judgements: calibrated.agreed },
          ].map((s) => ({ ...s, schoolId: calibrated.schoolId })),
          { applies },
        ).filter((r) => r.values.every((v) => v.level !== null)),
      }
    : null;
  return {
    options: all
      .map((e) => ({ id: e.evaluationId, label: evaluationLabel(e) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    schools: current
      .map((e) => ({ id: e.schoolId, name: e.schoolName, agreed: Object.keys(e.agreed).length }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    series: series.map(({ id, label }) => ({ id, label })),
    tooMany,
    rows,
    /** How many of the criteria two or more of them judged differ, in words. */
    differenceSummary: overlaySummary(
      {
        differing: rows.filter((r) => r.differs).length,
        comparable: rows.filter((r) => r.comparable).length,
        total: rows.length,
      },
      scope.choice.source,
    ),
    summary,
    schoolsCompared: calibrations.filter((c) => c.compared > 0).length,
    school,
  };
}

export type OverlayView = NonNullable<Awaited<ReturnType<typeof overlayView>>>;

// ---- trends -----------------------------------------------------------------------------------

export async function trendsView(scope: InsightScope) {
  const { content } = scope;
  if (!content) return null;
  const { all } = await scope.evaluations("all");
  const cycles = [...scope.cycles]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((c) => ({ id: c.id, name: c.name }));
  const applies = await areasOfSchools(scope.trustId);
  return {
    cycles,
    /** With one cycle there is no trend yet: said instead, above that cycle's figures. */
    oneCycle: cycles.length === 1 ? trendsNeedTwoCycles(cycles[0].name) : null,
    areas: trendsOf(content, all, cycles, scope.choice.source, applies),
  };
}

export type TrendsView = NonNullable<Awaited<ReturnType<typeof trendsView>>>;

// ---- centres of expertise and pairings: expertise-view.ts ---------------------------------------

export {
  MAX_CENTRE_CAPACITY,
  capacityOf,
  expertiseView,
  type ExpertiseView,
} from "./expertise-view.ts";

// ---- the school's own place -------------------------------------------------------------------

/**
 * A school's place in the trust, for its own team: its level per area against the trust's
 * distribution, counts only (models/insight/school-place.ts withholds small ones). Carries no
 * other school's name: the evaluations are reduced to counts here, on the server.
 */
export async function schoolPlaceView(actor: Actor, schoolId: string) {
  const { school } = await loadSchool(actor, schoolId, "compare");
  const own = (await listEvaluationsOfSchool(school.trustId, school.id)).filter(
    (e) => e.frameworkKind !== "trustSelfReview",
  );
  const newest = own[0];
  const base = { schoolId: school.id, schoolName: school.name };
  if (!newest) return { ...base, place: null };
  const [version, all, applies] = await Promise.all([
    getFrameworkVersion(school.trustId, newest.frameworkVersionId),
    insightEvaluations(school.trustId, newest.frameworkId),
    areasOfSchools(school.trustId),
  ]);
  if (!version) return { ...base, place: null };
  const { current } = currentAndPrevious(all, newest.cycleId ?? null);
  const cycleName = current.find((e) => e.schoolId === school.id)?.cycleName ?? null;
  return {
    ...base,
    place: {
      frameworkName: version.content.name,
      cycleName,
      schools: current.length,
      areas: schoolPlaceOf(version.content, current, school.id, "latest", applies).map((a) => ({
        areaId: a.areaId,
        title: a.title,
        myLevel: a.myLevel,
        bars: a.bars.map((b) => ({ level: b.level, count: b.count, mine: b.mine })),
        /** Why the area is not compared (it does not apply to this school), else null. */
        notApplicable: a.notApplicable,
      })),
    },
  };
}

export type SchoolPlaceView = Awaited<ReturnType<typeof schoolPlaceView>>;
export type { LevelView };

import { CYCLE_STATUS_LABELS } from "../../models/cycle/status.ts";
import { formatDay } from "../../models/dates.ts";
import { NotFoundError } from "../../models/errors.ts";
import { getFrameworkVersion } from "../../models/framework/framework.ts";
import { anyCounted, centresOf, suggestPairings } from "../../models/insight/expertise.ts";
import { heatMapOf } from "../../models/insight/heat-map.ts";
import { listPairings } from "../../models/insight/pairing.ts";
import { currentAndPrevious } from "../../models/insight/source.ts";
import { insightEvaluations } from "../../models/insight/summary.ts";
import { partlyOfRow, stackOf } from "../../models/insight/stack.ts";
import {
  areaAppliesAt,
  JUDGEMENT_SOURCE_LABELS,
  type JudgementSource,
} from "../../models/insight/types.ts";
import {
  noCentreNote,
  noPairingNote,
  partlyNote,
  SOURCE_IN_FILE_NAMES,
} from "../../models/insight/words.ts";
import { loadCycle } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { listSchools } from "../../models/school/school.ts";
import { getTrust } from "../../models/trust/trust.ts";
import type { TrustReportData } from "./report-data.ts";

/**
 * Everything the trust overview prints for one cycle, for the trust's leaders and admins (the
 * people who may read its cycles): the heat map, the Stack, centres of expertise and pairings,
 * from the projections the insight views read, counting whose judgement the page that asked
 * for it showed (`source`). Schools in name order; nothing ranks them.
 */
export async function trustReportData(
  actor: Actor,
  params: { cycleId: string; source: JudgementSource },
  now = new Date(),
): Promise<TrustReportData> {
  const { source } = params;
  const { cycle } = await loadCycle(actor, params.cycleId);
  const [version, trust, evaluations, accepted, schools] = await Promise.all([
    getFrameworkVersion(cycle.trustId, cycle.frameworkVersionId),
    getTrust(cycle.trustId),
    insightEvaluations(cycle.trustId, cycle.frameworkId),
    listPairings(cycle.trustId, cycle.frameworkId),
    listSchools(cycle.trustId),
  ]);
  if (!version) throw new NotFoundError();
  const content = version.content;
  const { current, previous } = currentAndPrevious(evaluations, cycle.id);
  // As the heat map and Stack pages count: an area only at the schools it applies to.
  const applies = areaAppliesAt(schools);
  const heat = heatMapOf(content, current, source, { previous, applies });
  const stack = stackOf(content, current, source, applies);
  const counted = anyCounted(current, source);
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));

  return {
    kind: "trust",
    trustName: trust?.name ?? "",
    cycleName: cycle.name,
    frameworkName: content.name,
    frameworkVersion: version.version,
    generatedAt: formatDay(now),
    source: JUDGEMENT_SOURCE_LABELS[source],
    sourceShort: SOURCE_IN_FILE_NAMES[source],
    partlyExample: partlyNote(2, 4, source) ?? "",
    heatMap: {
      columns: heat.columns.map((c) => c.title),
      rows: heat.rows.map((row) => ({
        schoolName: row.schoolName,
        status: CYCLE_STATUS_LABELS[row.status],
        awarded: row.awarded,
        cells: row.cells.map((cell) => ({
          text: cell.text,
          partly: cell.partly,
          level: cell.level ? { label: cell.level.label, colour: cell.level.colour } : null,
          trend: cell.trend,
        })),
      })),
    },
    stack: stack.map((area) => ({
      areaTitle: area.title,
      levels: area.levels.map(({ label, colour }) => ({ label, colour })),
      notYet: area.notYet,
      notApplicable: area.notApplicableNote,
      partlyNote: area.partlyNote,
      rows: [area.overall, ...area.criteria].map((row) => ({
        code: row.code,
        label: row.label,
        counts: row.segments.map((s) => s.count),
        partly: partlyOfRow(row, source).map((p) => p?.count ?? null),
        unjudged: row.unjudged.length,
      })),
    })),
    centres: centresOf(content, current, source).map((c) => ({
      schoolName: c.schoolName,
      areaTitle: c.areaTitle,
      level: c.levelLabel,
      basis: c.basis,
    })),
    noCentres: noCentreNote(source, counted),
    noPairings: noPairingNote(source, counted),
    suggestedPairings: suggestPairings(content, current, source).map((p) => ({
      areaTitle: p.areaTitle,
      explanation: p.explanation,
    })),
    acceptedPairings: accepted
      .filter((p) => schoolName.has(p.supportedSchoolId) && schoolName.has(p.centreSchoolId))
      .map((p) => ({
        areaTitle: p.areaTitle,
        explanation: p.explanation,
        acceptedAt: formatDay(p.acceptedAt, "short"),
      })),
  };
}

import type { CycleStatus } from "../cycle/status.ts";
import { areaAppliesTo } from "../framework/applicable.ts";
import type { Area } from "../framework/types.ts";
import type { School, SchoolPhase } from "../school/school.ts";

/**
 * One school's evaluation as trust-wide insight sees it: plain data read from projections (the
 * school's own judgements and the agreed ones), never live documents. Pure functions in this
 * folder aggregate lists of these; a trust is at most a few hundred schools.
 */
export interface InsightEvaluation {
  evaluationId: string;
  schoolId: string;
  schoolName: string;
  phase: SchoolPhase;
  cycleId: string | null;
  cycleName: string | null;
  frameworkId: string;
  frameworkVersionId: string;
  /** As the lists show it: "notStarted" until anyone has worked in it. */
  status: CycleStatus;
  createdAt: Date;
  /** The school's own judgement of each criterion (criterion id → level key). */
  self: Record<string, string>;
  /** The agreed (validated) judgement of each criterion, confirmed by the school. */
  agreed: Record<string, string>;
  /** When the last agreement was confirmed (null: nothing agreed yet). */
  agreedAt: Date | null;
  /** Whether a current award came from this evaluation's validation. */
  awarded: boolean;
}

/**
 * Whether an area applies to a school (early years, sixth form: only where it has them). Views
 * that are not given one count every area for every school.
 */
export type AreaApplies = (schoolId: string, area: Area) => boolean;

/**
 * Whether an area applies to each of the trust's schools (its `listSchools`): what every view,
 * CSV and the trust overview report count by. A school not among them counts every area.
 */
export function areaAppliesAt(
  schools: readonly Pick<School, "id" | "hasEarlyYears" | "hasSixthForm">[],
): AreaApplies {
  const byId = new Map(schools.map((s) => [s.id, s]));
  return (schoolId, area) => {
    const school = byId.get(schoolId);
    return !school || areaAppliesTo(area, school);
  };
}

/** Whose judgement counts: the school's self-evaluation, the agreed one, or the latest of the two. */
export const JUDGEMENT_SOURCES = ["self", "agreed", "latest"] as const;
export type JudgementSource = (typeof JUDGEMENT_SOURCES)[number];

export const JUDGEMENT_SOURCE_LABELS: Record<JudgementSource, string> = {
  self: "The school's self-evaluation",
  agreed: "Agreed in validation",
  latest: "Latest available (agreed where there is one)",
};

/** The judgements of an evaluation that count for `source`. */
export function judgementsOf(
  evaluation: Pick<InsightEvaluation, "self" | "agreed">,
  source: JudgementSource,
): Record<string, string> {
  if (source === "self") return evaluation.self;
  if (source === "agreed") return evaluation.agreed;
  return { ...evaluation.self, ...evaluation.agreed };
}

/** A level of an area or criterion with how it reads (label, colour) for charts and tables. */
export interface LevelView {
  key: string;
  label: string;
  colour: string;
}

import { AwardModel } from "../award/award.ts";
import { listCycles } from "../cycle/cycle.ts";
import { EvaluationModel, type EvaluationStatus } from "../evaluation/evaluation.ts";
import { listSchools } from "../school/school.ts";
import type { InsightEvaluation } from "./types.ts";

/** An evaluation as its record has it: its status not yet told apart by any work done in it. */
export type InsightHeader = Omit<InsightEvaluation, "status"> & { status: EvaluationStatus };

/**
 * The evaluations of one framework with their school, cycle and award, but no judgements yet
 * (`self` and `agreed` empty): what the insight summary is built from, with the projections'
 * judgements (models/insight/summary.ts).
 */
export async function insightHeaders(
  trustId: string,
  frameworkId: string,
  /** Only the evaluations of this cycle (evaluation records are large: read fewer of them). */
  cycleId?: string,
): Promise<InsightHeader[]> {
  const [evaluations, schools, cycles, awards] = await Promise.all([
    EvaluationModel.find(cycleId ? { trustId, frameworkId, cycleId } : { trustId, frameworkId }, {
      schoolId: 1,
      cycleId: 1,
      frameworkVersionId: 1,
      status: 1,
      createdAt: 1,
    }).lean(),
    listSchools(trustId),
    listCycles(trustId),
    AwardModel.find({ trustId, frameworkId, superseded: false }, { evaluationId: 1 }).lean(),
  ]);
  const schoolOf = new Map(schools.map((s) => [s.id, s]));
  const cycleName = new Map(cycles.map((c) => [c.id, c.name]));
  const awarded = new Set(awards.map((a) => a.evaluationId.toString()));
  return evaluations.flatMap((e) => {
    const id = e._id.toString();
    const school = schoolOf.get(e.schoolId.toString());
    if (!school) return [];
    const cycleId = e.cycleId?.toString() ?? null;
    return [
      {
        evaluationId: id,
        schoolId: school.id,
        schoolName: school.name,
        phase: school.phase,
        cycleId,
        cycleName: cycleId ? (cycleName.get(cycleId) ?? null) : null,
        frameworkId,
        frameworkVersionId: e.frameworkVersionId.toString(),
        status: e.status,
        createdAt: e.createdAt,
        self: {},
        agreed: {},
        agreedAt: null,
        awarded: awarded.has(id),
      },
    ];
  });
}

/**
 * One evaluation per school: those of `cycleId` when given, else each school's newest. Plus each
 * school's evaluation of the cycle before (by creation of the evaluation), for trend marks.
 */
export function currentAndPrevious(
  evaluations: InsightEvaluation[],
  cycleId: string | null,
): { current: InsightEvaluation[]; previous: Map<string, InsightEvaluation> } {
  const bySchool = new Map<string, InsightEvaluation[]>();
  for (const e of evaluations) {
    const list = bySchool.get(e.schoolId) ?? [];
    list.push(e);
    bySchool.set(e.schoolId, list);
  }
  const current: InsightEvaluation[] = [];
  const previous = new Map<string, InsightEvaluation>();
  for (const list of bySchool.values()) {
    list.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const index = cycleId ? list.findIndex((e) => e.cycleId === cycleId) : 0;
    if (index < 0) continue;
    current.push(list[index]);
    if (list[index + 1]) previous.set(list[index].schoolId, list[index + 1]);
  }
  return { current, previous };
}

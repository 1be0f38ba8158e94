import { Types } from "mongoose";
import { CycleModel, ensureCycle, type Cycle } from "../../models/cycle/cycle.ts";
import { EvaluationModel, newEvaluationDoc } from "../../models/evaluation/evaluation.ts";
import { ProjectionModel } from "../../models/evaluation/projection-store.ts";
import { scaleOf } from "../../models/framework/applicable.ts";
import type { FrameworkVersion } from "../../models/framework/framework.ts";
import type { Area, Scale } from "../../models/framework/types.ts";
import type { School } from "../../models/school/school.ts";
import { AgreedProjectionModel } from "../../models/validation/agreed-projection.ts";

/** A school's judgement of one criterion in one cycle: its own, and (optionally) the agreed one. */
export type Judge = (args: {
  school: School;
  schoolIndex: number;
  cycleIndex: number;
  area: Area;
  scale: Scale;
  criterionId: string;
}) => { self?: string | null; agreed?: string | null };

export interface SeededEvaluation {
  id: string;
  schoolId: string;
  cycleId: string;
}

/**
 * Evaluations of every school in every cycle, with their judgements and agreed judgements
 * written straight into the projections the insight views read (as the collab server's store
 * and the validation commands would have written them). Cycles oldest first; each cycle's
 * evaluations are created a minute after the previous cycle's, so "previous" is well defined.
 */
export async function seedInsight(input: {
  version: FrameworkVersion;
  schools: School[];
  cycleNames: string[];
  createdBy: string;
  judge: Judge;
}): Promise<{ cycles: Cycle[]; evaluations: SeededEvaluation[] }> {
  const { version, schools, createdBy, judge } = input;
  const content = version.content;
  const cycles: Cycle[] = [];
  const evaluations: SeededEvaluation[] = [];
  const base = Date.now() - input.cycleNames.length * 3_600_000;
  for (const [cycleIndex, name] of input.cycleNames.entries()) {
    const { cycle } = await ensureCycle(version, {
      name,
      dueDate: null,
      createdBy,
    });
    // Cycles list newest first by creation: keep the given order in time.
    await CycleModel.updateOne(
      { _id: cycle.id },
      { $set: { createdAt: new Date(base + cycleIndex * 60_000) } },
    );
    cycles.push(cycle);
    const docs = [];
    const projections = [];
    const agreed = [];
    for (const [schoolIndex, school] of schools.entries()) {
      const doc = {
        ...newEvaluationDoc(school, version, {
          title: `${name} self-evaluation`,
          createdBy,
          cycleId: cycle.id,
        }),
        createdAt: new Date(base + cycleIndex * 60_000 + schoolIndex),
      };
      docs.push(doc);
      const self: { criterionId: string; level: string }[] = [];
      const agreedJudgements: { criterionId: string; level: string }[] = [];
      for (const area of content.areas) {
        const scale = scaleOf(content, area);
        for (const criterion of area.criteria) {
          const j = judge({
            school,
            schoolIndex,
            cycleIndex,
            area,
            scale,
            criterionId: criterion.id,
          });
          if (j.self) self.push({ criterionId: criterion.id, level: j.self });
          if (j.agreed) agreedJudgements.push({ criterionId: criterion.id, level: j.agreed });
        }
      }
      projections.push({
        _id: doc._id,
        trustId: new Types.ObjectId(school.trustId),
        judgements: self,
        judgedCount: self.length,
        criteriaCount: content.areas.reduce((n, a) => n + a.criteria.length, 0),
        updatedAt: new Date(),
        lastActivityAt: new Date(),
      });
      if (agreedJudgements.length)
        agreed.push({
          _id: doc._id,
          trustId: new Types.ObjectId(school.trustId),
          validationId: new Types.ObjectId(),
          judgements: agreedJudgements,
          agreedAt: new Date(Date.UTC(2027, 2, 3)),
          entries: agreedJudgements.length,
        });
      evaluations.push({ id: doc._id.toString(), schoolId: school.id, cycleId: cycle.id });
    }
    await EvaluationModel.insertMany(docs);
    await ProjectionModel.insertMany(projections);
    if (agreed.length) await AgreedProjectionModel.insertMany(agreed);
  }
  return { cycles, evaluations };
}

/** The key of the level at `rank` (0 lowest) on a scale, clamped to the scale. */
export function levelAt(scale: Scale, rank: number): string {
  return scale.levels[Math.max(0, Math.min(scale.levels.length - 1, rank))].key;
}

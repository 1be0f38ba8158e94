import { NotFoundError } from "../errors.ts";
import { applicableAreas } from "../framework/applicable.ts";
import { getFrameworkVersion, type FrameworkVersion } from "../framework/framework.ts";
import type { FrameworkContent } from "../framework/types.ts";
import { getSchool, type School } from "../school/school.ts";
import type { Evaluation } from "./evaluation.ts";

/**
 * An evaluation's school and framework version, with the framework's content narrowed to the
 * areas this evaluation includes (the ones that apply to the school, as of its version): what
 * its judgements, the accreditation rule and every page about it are measured against.
 */
export async function frameworkOfEvaluation(
  evaluation: Evaluation,
): Promise<{ school: School; version: FrameworkVersion; content: FrameworkContent }> {
  const [school, version] = await Promise.all([
    getSchool(evaluation.trustId, evaluation.schoolId),
    getFrameworkVersion(evaluation.trustId, evaluation.frameworkVersionId),
  ]);
  if (!school || !version) throw new NotFoundError();
  const areas = applicableAreas(version.content, school).filter((a) =>
    evaluation.areaIds.includes(a.id),
  );
  return { school, version, content: { ...version.content, areas } };
}

/** The level keys of one of the evaluation's criteria, or null when it has no such criterion. */
export function levelsOfCriterion(evaluation: Evaluation, criterionId: string): string[] | null {
  return Object.hasOwn(evaluation.levelsByCriterion, criterionId)
    ? evaluation.levelsByCriterion[criterionId]
    : null;
}

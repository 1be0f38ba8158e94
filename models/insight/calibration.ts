import { scaleOf } from "../framework/applicable.ts";
import type { FrameworkContent } from "../framework/types.ts";
import { rankOf } from "./area-level.ts";
import type { InsightEvaluation } from "./types.ts";

/**
 * Calibration: how accurate schools' own judgements were, against the judgements agreed in
 * validation. Only criteria with both count. `above`: the school placed itself higher than was
 * agreed; `below`: lower.
 */
export interface Calibration {
  compared: number;
  same: number;
  above: number;
  below: number;
  /** Criteria one level apart, and two or more. */
  oneLevel: number;
  twoOrMore: number;
  /** Mean absolute difference in levels (0 when nothing compared). */
  meanDifference: number;
}

export interface SchoolCalibration extends Calibration {
  schoolId: string;
  schoolName: string;
  evaluationId: string;
  /** Each compared criterion: its code and the difference (self rank minus agreed rank). */
  differences: { criterionId: string; code: string; difference: number }[];
}

function empty(): Calibration {
  return { compared: 0, same: 0, above: 0, below: 0, oneLevel: 0, twoOrMore: 0, meanDifference: 0 };
}

function add(into: Calibration, difference: number): void {
  into.compared++;
  if (difference === 0) into.same++;
  else if (difference > 0) into.above++;
  else into.below++;
  const size = Math.abs(difference);
  if (size === 1) into.oneLevel++;
  if (size >= 2) into.twoOrMore++;
}

function finish<T extends Calibration>(c: T, totalDifference: number): T {
  c.meanDifference = c.compared ? Math.round((totalDifference / c.compared) * 100) / 100 : 0;
  return c;
}

/** One school's self-evaluation against its agreed judgements. */
export function calibrationOf(
  content: FrameworkContent,
  evaluation: InsightEvaluation,
): SchoolCalibration {
  const result: SchoolCalibration = {
    ...empty(),
    schoolId: evaluation.schoolId,
    schoolName: evaluation.schoolName,
    evaluationId: evaluation.evaluationId,
    differences: [],
  };
  let total = 0;
  for (const area of content.areas) {
    const scale = scaleOf(content, area);
    for (const criterion of area.criteria) {
      const self = rankOf(
        scale,
        Object.hasOwn(evaluation.self, criterion.id) ? evaluation.self[criterion.id] : null,
      );
      const agreed = rankOf(
        scale,
        Object.hasOwn(evaluation.agreed, criterion.id) ? evaluation.agreed[criterion.id] : null,
      );
      if (self < 0 || agreed < 0) continue;
      const difference = self - agreed;
      add(result, difference);
      total += Math.abs(difference);
      result.differences.push({ criterionId: criterion.id, code: criterion.code, difference });
    }
  }
  return finish(result, total);
}

/** The trust-wide summary: every compared criterion of every school, together. */
export function trustCalibration(schools: SchoolCalibration[]): Calibration {
  const summary = empty();
  let total = 0;
  for (const school of schools) {
    for (const { difference } of school.differences) {
      add(summary, difference);
      total += Math.abs(difference);
    }
  }
  return finish(summary, total);
}

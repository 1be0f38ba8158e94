import type { Evaluation } from "../evaluation/evaluation.ts";
import { frameworkOfEvaluation } from "../evaluation/framework-of.ts";
import type { FrameworkVersion } from "../framework/framework.ts";
import type { FrameworkContent } from "../framework/types.ts";
import type { School } from "../school/school.ts";
import { frameworkOfSnapshot } from "../snapshot/framework-as-taken.ts";
import type { SnapshotSummary } from "../snapshot/snapshot.ts";

export interface FrameworkOfValidation {
  school: School;
  /** The version the validation is of, and its content as the submission held it. */
  version: FrameworkVersion;
  content: FrameworkContent;
  /** The evaluation's version now: the same as above unless the evaluation has moved since. */
  current: { version: FrameworkVersion; content: FrameworkContent };
  /** Whether the evaluation has moved to another version since it was submitted. */
  moved: boolean;
}

/**
 * The framework version a validation belongs to: the one the submission under review (the
 * evaluation's latest, `submission`) was made against, with its areas, criteria, levels and
 * descriptors as they were then, whatever version the evaluation has moved to since. Never
 * submitted: the evaluation's version now, as the validator reviews it live.
 */
export async function frameworkOfValidation(
  evaluation: Evaluation,
  submission: Pick<SnapshotSummary, "trustId" | "frameworkVersionId" | "levelsByCriterion"> | null,
): Promise<FrameworkOfValidation> {
  const moved =
    submission !== null && submission.frameworkVersionId !== evaluation.frameworkVersionId;
  const [current, submitted] = await Promise.all([
    frameworkOfEvaluation(evaluation),
    submission ? frameworkOfSnapshot(submission) : null,
  ]);
  const { version, content } = submitted ?? current;
  return {
    school: current.school,
    version,
    content,
    current: { version: current.version, content: current.content },
    moved,
  };
}

/**
 * The version a validation is decided against and the evaluation's version now, when the
 * evaluation has moved since it was submitted (null: they are the same): for pages to say so.
 */
export function versionsIfMoved(
  framework: FrameworkOfValidation,
): { version: number; versionNow: number } | null {
  return framework.moved
    ? { version: framework.version.version, versionNow: framework.current.version.version }
    : null;
}

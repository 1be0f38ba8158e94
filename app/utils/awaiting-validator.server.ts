import { formatMoment } from "../../models/dates.ts";
import {
  listAwaitingValidator,
  type EvaluationRecord,
} from "../../models/evaluation/evaluation.ts";
import { getFrameworkVersion } from "../../models/framework/framework.ts";
import { validationResourceOf } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { listSnapshotsOfEvaluation } from "../../models/snapshot/snapshot.ts";
import { latestSubmissionIn } from "../../models/snapshot/submit.ts";
import { can, getSchool, trustIdsOf } from "../validation.server.ts";

/** A submitted evaluation nobody validates yet, as the lists of those who assign validators show it. */
export interface AwaitingValidatorRow {
  evaluationId: string;
  school: string;
  title: string;
  framework: string;
  /** When its latest submission was taken (ISO), or null if none is found. */
  submittedAt: string | null;
  submittedWhen: string;
}

/** Whether the person may assign validators to an evaluation of this school, none assigned yet. */
export function assignsValidatorsAt(actor: Actor, trustId: string, schoolId: string): boolean {
  return can(actor, "assign", { type: "validation", trustId, schoolId, validatorIds: [] });
}

/**
 * Whether the person assigns validators in any of their trusts. Assigning is decided for the
 * trust as a whole, so the question is put for a validation of no school in particular.
 */
export function assignsValidators(actor: Actor): boolean {
  return trustIdsOf(actor).some((trustId) => assignsValidatorsAt(actor, trustId, ""));
}

/** Whether this person may assign a validator to this evaluation now: submitted, none yet. */
export function awaitsValidatorFrom(actor: Actor, evaluation: EvaluationRecord): boolean {
  return (
    evaluation.status === "submitted" &&
    evaluation.validatorIds.length === 0 &&
    can(actor, "assign", validationResourceOf(evaluation))
  );
}

/**
 * The submitted evaluations in the person's trusts that are waiting for a validator and that
 * they may assign one to, the longest waiting first.
 */
export async function awaitingValidatorRows(actor: Actor): Promise<AwaitingValidatorRow[]> {
  const evaluations = (
    await Promise.all(trustIdsOf(actor).map((trustId) => listAwaitingValidator(trustId)))
  )
    .flat()
    .filter((e) => awaitsValidatorFrom(actor, e));
  const rows = await Promise.all(
    evaluations.map(async (e) => {
      const [school, version, snapshots] = await Promise.all([
        getSchool(e.trustId, e.schoolId),
        getFrameworkVersion(e.trustId, e.frameworkVersionId),
        listSnapshotsOfEvaluation(e.trustId, e.id),
      ]);
      const submittedAt = latestSubmissionIn(snapshots)?.createdAt ?? null;
      return {
        evaluationId: e.id,
        school: school?.name ?? "",
        title: e.title,
        framework: version?.content.name ?? "",
        submittedAt: submittedAt?.toISOString() ?? null,
        submittedWhen: submittedAt ? formatMoment(submittedAt) : "",
      };
    }),
  );
  return rows.sort(
    (a, b) =>
      (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.school.localeCompare(b.school),
  );
}

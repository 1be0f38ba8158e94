import type { Award } from "../../models/award/award.ts";
import { ConflictError } from "../../models/errors.ts";
import {
  findEvaluationBySlot,
  getEvaluation,
  type Evaluation,
} from "../../models/evaluation/evaluation.ts";
import { latestVersionOf, type FrameworkVersion } from "../../models/framework/framework.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { loadAward } from "../../models/permissions/loaders.ts";
import { getSchool, type School } from "../../models/school/school.ts";
import { listRecordEntries } from "../../models/validation/record.ts";
import { confirmedJudgements, recordState } from "../../models/validation/record-state.ts";

/**
 * What "Start renewal" makes of an award, and from what: the confirmation shows it before, and
 * the command does exactly it. `agreed`: the judgements confirmed in the validation that earned
 * the award, which the renewal starts from where there is one (the school's own elsewhere).
 */
export interface RenewalPlan {
  award: Award;
  school: School;
  latest: FrameworkVersion;
  title: string;
  /** The evaluation that earned the award (null: gone, or of another school): copied from. */
  previous: Evaluation | null;
  agreed: Record<string, string>;
}

export const renewalSlot = (awardId: string) => `renewal:${awardId}`;

export async function planRenewal(award: Award): Promise<RenewalPlan> {
  if (award.superseded)
    throw new ConflictError("This award has been superseded: renew from the later one.");
  const [school, latest, previous, entries] = await Promise.all([
    getSchool(award.trustId, award.schoolId),
    latestVersionOf(award.trustId, award.frameworkId),
    getEvaluation(award.trustId, award.evaluationId),
    listRecordEntries(award.trustId, award.validationId),
  ]);
  if (!school || !latest)
    throw new ConflictError("This award's school or framework no longer exists.");
  const own = previous && previous.schoolId === award.schoolId ? previous : null;
  return {
    award,
    school,
    latest,
    title: `${latest.content.name} renewal ${award.expiryDate.slice(0, 4)}`,
    previous: own,
    agreed: own ? confirmedJudgements(recordState(entries)) : {},
  };
}

/**
 * For the confirmation page: what starting the renewal would make and copy, in plain values, or
 * the renewal already started (then there is nothing to confirm). Only for those who may renew.
 */
export async function previewRenewal(actor: Actor, awardId: string) {
  const { award } = await loadAward(actor, awardId, "renew");
  const started = await findEvaluationBySlot(award.trustId, renewalSlot(award.id));
  if (started) return { awardId: award.id, started, plan: null };
  const plan = await planRenewal(award);
  const criteria = new Set(plan.latest.content.areas.flatMap((a) => a.criteria.map((c) => c.id)));
  return {
    awardId: award.id,
    started: null,
    plan: {
      title: plan.title,
      school: plan.school.name,
      mark: plan.latest.content.name,
      version: plan.latest.version,
      from: plan.previous ? { id: plan.previous.id, title: plan.previous.title } : null,
      /** Criteria of the new version with an agreed judgement to start from. */
      agreedCount: Object.keys(plan.agreed).filter((id) => criteria.has(id)).length,
    },
  };
}

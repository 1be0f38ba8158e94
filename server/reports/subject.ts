import { InvalidInputError, NotFoundError } from "../../models/errors.ts";
import { loadCycle, loadEvaluation, loadValidation } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { getReportJobOf, type ReportJob } from "../../models/report/report-job.ts";

/**
 * What a report is about, loaded for the person asking: an evaluation report for whoever may
 * read the evaluation, a validation report for whoever may read the validation, the trust
 * overview (per cycle) for whoever may read the trust's cycles (its leaders and admins). The
 * permission loaders decide; a person who may not read it gets NotFoundError, as for a page.
 */
export async function loadReportSubject(
  actor: Actor,
  kind: string,
  subjectId: string,
): Promise<{ trustId: string; evaluationId: string | null }> {
  if (kind === "evaluation") {
    const { evaluation } = await loadEvaluation(actor, subjectId);
    return { trustId: evaluation.trustId, evaluationId: evaluation.id };
  }
  if (kind === "validation") {
    const { validation } = await loadValidation(actor, subjectId);
    return { trustId: validation.trustId, evaluationId: null };
  }
  if (kind === "trust") {
    const { cycle } = await loadCycle(actor, subjectId);
    return { trustId: cycle.trustId, evaluationId: null };
  }
  throw new InvalidInputError("Choose a report.", "kind");
}

/**
 * One of the person's own report jobs (nobody else's: another person's job is not found), while
 * they may still read what it is about.
 */
export async function loadReportJob(actor: Actor, jobId: string): Promise<ReportJob> {
  const job = await getReportJobOf(actor.userId, jobId);
  if (!job) throw new NotFoundError();
  await loadReportSubject(actor, job.kind, job.subjectId);
  return job;
}

import { getEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { setEvaluationStatus } from "../../models/evaluation/status.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { AppServer } from "../../server/app.ts";
import { upgradeEvaluation } from "../../server/commands/upgrade-evaluation.ts";

/**
 * Moves an evaluation to `versionId` as its school leader would have before ADR 071, when a
 * move was allowed while the evaluation was being validated: the data that ADRs 062, 063 and
 * 070 still handle. The command now refuses a submitted evaluation, so it is set back to In
 * progress for the move and to Submitted again straight after (as such data was left).
 */
export async function upgradeMidValidation(
  server: AppServer,
  evaluation: Pick<Evaluation, "id" | "trustId">,
  schoolLeaderId: string,
  versionId: string,
): Promise<{ moved: boolean }> {
  const { trustId, id } = evaluation;
  const submitted = (await getEvaluation(trustId, id))!.status === "submitted";
  if (submitted) await setEvaluationStatus(trustId, id, "inProgress", { from: ["submitted"] });
  try {
    const leader = (await loadActor(schoolLeaderId))!;
    return await upgradeEvaluation(
      { actor: leader, collab: server.collab },
      { evaluationId: id, versionId },
    );
  } finally {
    if (submitted) await setEvaluationStatus(trustId, id, "submitted", { from: ["inProgress"] });
  }
}

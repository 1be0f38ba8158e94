import * as Y from "yjs";
import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { readPlan } from "../../collab/projections.ts";
import { readJudgements } from "../../collab/shapes/evaluation.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { basedOn, objectId } from "../../models/input.ts";
import { loadEvaluation } from "../../models/permissions/loaders.ts";
import type { SnapshotSummary } from "../../models/snapshot/snapshot.ts";
import { latestSubmissionId, submitEvaluation as submit } from "../../models/snapshot/submit.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

export const SubmitEvaluationInput = z.object({
  evaluationId: objectId(),
  /** The latest submission the page showed (a snapshot id, or "none"). */
  basedOn: basedOn(),
});
export type SubmitEvaluationInput = z.infer<typeof SubmitEvaluationInput>;

/**
 * A school leader submits the evaluation for validation: its live document, as the database
 * has it, is frozen as a snapshot, and the team carries on editing the live one. One snapshot
 * per submission however often the request arrives (see models/snapshot/submit.ts).
 */
export async function submitEvaluation(
  ctx: CommandContext,
  raw: Raw<typeof SubmitEvaluationInput>,
): Promise<{ snapshot: SnapshotSummary; created: boolean }> {
  const { evaluation } = await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "submit");
  const input = parse(SubmitEvaluationInput, raw);
  const after = input.basedOn ?? (await latestSubmissionId(evaluation));
  const doc = await ctx.collab.read(documentName("evaluation", evaluation.id));
  try {
    const result = await submit(evaluation, {
      state: Y.encodeStateAsUpdate(doc),
      judgements: readJudgements(doc),
      plan: readPlan(doc),
      submittedBy: ctx.actor.userId,
      after,
    });
    if (result.created) {
      await recordAudit({
        trustId: evaluation.trustId,
        actorId: ctx.actor.userId,
        action: "evaluationSubmitted",
        subject: `evaluation:${evaluation.id}`,
        details: { snapshot: result.snapshot.id },
      });
    }
    return result;
  } finally {
    doc.destroy();
  }
}

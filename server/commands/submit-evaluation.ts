import * as Y from "yjs";
import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { readPlan } from "../../collab/projections.ts";
import { announceStatusChange, readJudgements } from "../../collab/shapes/evaluation.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { frameworkOfEvaluation } from "../../models/evaluation/framework-of.ts";
import { levelsOfCriteria } from "../../models/framework/applicable.ts";
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
 * per submission however often the request arrives (see models/snapshot/submit.ts); none, and
 * nothing changed, when no criterion is judged. Each judgement keeps its level's label and
 * colour as the framework version names them now (ADR 063). Every open page of the evaluation
 * is told, and shows who submitted it and when (read from the database).
 */
export async function submitEvaluation(
  ctx: CommandContext,
  raw: Raw<typeof SubmitEvaluationInput>,
): Promise<{ snapshot: SnapshotSummary; created: boolean }> {
  const { evaluation } = await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "submit");
  const input = parse(SubmitEvaluationInput, raw);
  const after = input.basedOn ?? (await latestSubmissionId(evaluation));
  const { content } = await frameworkOfEvaluation(evaluation);
  const name = documentName("evaluation", evaluation.id);
  const doc = await ctx.collab.read(name);
  try {
    const result = await submit(evaluation, {
      state: Y.encodeStateAsUpdate(doc),
      judgements: readJudgements(doc),
      plan: readPlan(doc),
      levelNames: levelsOfCriteria(content),
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
    // A repeat of this submission tells them again: that costs a reload, never a missed notice.
    await ctx.collab.change(name, announceStatusChange);
    return result;
  } finally {
    doc.destroy();
  }
}

import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { InvalidInputError } from "../../models/errors.ts";
import { startEvaluationOnce, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { getFrameworkVersion } from "../../models/framework/framework.ts";
import { objectId, requestId } from "../../models/input.ts";
import { loadSchool } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

export const StartEvaluationInput = z.object({
  schoolId: objectId(),
  title: z
    .string()
    .trim()
    .min(3, "Give the evaluation a name of at least 3 characters")
    .max(200, "Keep the name under 200 characters"),
  frameworkVersionId: objectId("Choose a framework"),
  /** Made when the form is shown: the same form sent twice starts one evaluation. */
  requestId: requestId(),
});
export type StartEvaluationInput = z.infer<typeof StartEvaluationInput>;

/** A school leader starts a self-evaluation of their school against a published framework. */
export async function startEvaluation(
  ctx: CommandContext,
  raw: Raw<typeof StartEvaluationInput>,
): Promise<{ evaluation: Evaluation; created: boolean }> {
  const { school } = await loadSchool(ctx.actor, idIn(raw, "schoolId"), "startEvaluation");
  const input = parse(StartEvaluationInput, raw);
  const version = await getFrameworkVersion(school.trustId, input.frameworkVersionId);
  if (!version)
    throw new InvalidInputError("Choose one of the trust's frameworks", "frameworkVersionId");
  const result = await startEvaluationOnce(school, version, {
    title: input.title,
    createdBy: ctx.actor.userId,
    slot: `own:${input.requestId}`,
  });
  if (result.created) {
    await recordAudit({
      trustId: school.trustId,
      actorId: ctx.actor.userId,
      action: "evaluationStarted",
      subject: `evaluation:${result.evaluation.id}`,
      details: { title: input.title },
    });
  }
  return result;
}

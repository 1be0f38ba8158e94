import { expect } from "vitest";
import { getEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { getFrameworkVersion, publishVersion } from "../../models/framework/framework.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import type { AppServer } from "../../server/app.ts";
import { eventually } from "./collab-client.ts";
import { upgradeMidValidation } from "./move-mid-validation.ts";

/**
 * The next version of the evaluation's framework: "Strong standard" becomes "Strong (2027
 * wording)" and "Met" becomes "Met in full" (their keys stay), and "Exceptional" is dropped.
 * `alsoChange` may change more of that version's content before it is published.
 */
export async function publishRenamedScales(
  evaluation: Pick<Evaluation, "trustId" | "frameworkId" | "frameworkVersionId">,
  alsoChange: (content: FrameworkContent) => void = () => undefined,
) {
  const current = (await getFrameworkVersion(evaluation.trustId, evaluation.frameworkVersionId))!;
  const content = structuredClone(current.content);
  for (const scale of content.scales) {
    scale.levels = scale.levels.filter((l) => l.key !== "exceptional");
    for (const level of scale.levels) {
      if (level.key === "strong") level.label = "Strong (2027 wording)";
      if (level.key === "met") level.label = "Met in full";
    }
  }
  for (const area of content.areas)
    for (const criterion of area.criteria) delete criterion.descriptors.exceptional;
  alsoChange(content);
  return publishVersion(evaluation.trustId, evaluation.frameworkId, content);
}

/**
 * Moves the evaluation to publishRenamedScales' version as its school leader would (even one
 * being validated, as before ADR 071: move-mid-validation.ts), and waits
 * until the move has cleared the judgements of criteria whose scale changed: only
 * `stillJudged` is judged afterwards. `alsoChange` as for publishRenamedScales.
 */
export async function moveToRenamedScales(
  server: AppServer,
  evaluation: Pick<Evaluation, "id" | "trustId" | "frameworkId" | "frameworkVersionId">,
  schoolLeaderId: string,
  stillJudged: string,
  alsoChange?: (content: FrameworkContent) => void,
): Promise<void> {
  const next = await publishRenamedScales(evaluation, alsoChange);
  expect(await upgradeMidValidation(server, evaluation, schoolLeaderId, next.id)).toEqual({
    moved: true,
  });
  await eventually(
    async () => {
      const now = await getEvaluation(evaluation.trustId, evaluation.id);
      return (
        now!.frameworkVersionId === next.id &&
        now!.projection.judgements.map((j) => j.criterionId).join() === stillJudged
      );
    },
    10_000,
    "the upgraded evaluation's projection",
  );
}

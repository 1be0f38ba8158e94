import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import { getFrameworkVersion, publishVersion } from "../../models/framework/framework.ts";

/**
 * The next version of the evaluation's framework: "Strong standard" becomes "Strong (2027
 * wording)" and "Met" becomes "Met in full" (their keys stay), and "Exceptional" is dropped.
 */
export async function publishRenamedScales(
  evaluation: Pick<Evaluation, "trustId" | "frameworkId" | "frameworkVersionId">,
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
  return publishVersion(evaluation.trustId, evaluation.frameworkId, content);
}

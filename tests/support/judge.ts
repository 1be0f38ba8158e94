import { documentName } from "../../collab/document-name.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import type { AppServer } from "../../server/app.ts";

/**
 * Judges the evaluation's first criterion (at its scale's lowest level) in the live document, as
 * its team would: a submission needs at least one judgement (models/snapshot/submission-rule.ts).
 */
export async function judgeOneCriterion(
  server: AppServer,
  evaluation: Pick<Evaluation, "id" | "levelsByCriterion">,
): Promise<void> {
  const [criterionId, levels] = Object.entries(evaluation.levelsByCriterion)[0];
  await server.collab.change(documentName("evaluation", evaluation.id), (doc) =>
    setJudgement(doc, criterionId, levels[0]),
  );
}

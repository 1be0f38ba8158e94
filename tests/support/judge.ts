import { documentName } from "../../collab/document-name.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";
import { getEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import type { AppServer } from "../../server/app.ts";
import { eventually } from "./wait.ts";

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

/**
 * Sets (or, with null, clears) judgements in the evaluation's live document, as its team would,
 * and waits until its stored projection, which lists and reports read, has them.
 */
export async function judgeAndWait(
  server: AppServer,
  evaluation: Pick<Evaluation, "id" | "trustId">,
  levels: Record<string, string | null>,
): Promise<void> {
  await server.collab.change(documentName("evaluation", evaluation.id), (doc) => {
    for (const [criterionId, level] of Object.entries(levels))
      setJudgement(doc, criterionId, level);
  });
  await eventually(
    async () => {
      const stored = await getEvaluation(evaluation.trustId, evaluation.id);
      const now = new Map(stored!.projection.judgements.map((j) => [j.criterionId, j.level]));
      return Object.entries(levels).every(([id, level]) => (now.get(id) ?? null) === level);
    },
    10_000,
    "the evaluation's projection",
  );
}

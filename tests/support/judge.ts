import { documentName } from "../../collab/document-name.ts";
import { setJudgement } from "../../collab/shapes/evaluation.ts";
import { getEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { formatDay, todayInEngland } from "../../models/dates.ts";
import { loadActor } from "../../models/membership/membership.ts";
import type { SnapshotSummary } from "../../models/snapshot/snapshot.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { submitEvaluation } from "../../server/commands/submit-evaluation.ts";
import { buildValidation, type buildWorld } from "./factories.ts";
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

/**
 * The school leader submits the evaluation (as judged so far) and the trust assigns the world's
 * validator: what a validator then reviews. `submittedOn` is the day as the pages write it.
 */
export async function submitForValidation(
  server: AppServer,
  world: Awaited<ReturnType<typeof buildWorld>>,
): Promise<{ snapshot: SnapshotSummary; submittedOn: string; validation: Validation }> {
  const leader = (await loadActor(world.people.schoolLeader.id))!;
  const { snapshot } = await submitEvaluation(
    { actor: leader, collab: server.collab },
    { evaluationId: world.evaluation.id, basedOn: "none" },
  );
  const validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  return {
    snapshot,
    submittedOn: formatDay(todayInEngland(snapshot.createdAt), "short"),
    validation,
  };
}

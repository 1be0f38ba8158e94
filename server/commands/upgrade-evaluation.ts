import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { applyVersionUpgrade } from "../../collab/shapes/evaluation.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { ConflictError, NotFoundError } from "../../models/errors.ts";
import {
  getEvaluation,
  moveToVersion,
  type Evaluation,
} from "../../models/evaluation/evaluation.ts";
import {
  claimedMoveFrom,
  claimVersionMove,
  finishVersionMove,
  releaseVersionMove,
  versionMoveFinished,
  type VersionMove,
} from "../../models/evaluation/version-move-claim.ts";
import {
  assertVersionMayMove,
  VersionMoveWaitsError,
} from "../../models/evaluation/version-move.ts";
import { diffVersions } from "../../models/framework/diff.ts";
import {
  getFrameworkVersion,
  latestVersionOf,
  type FrameworkVersion,
} from "../../models/framework/framework.ts";
import { objectId } from "../../models/input.ts";
import { loadEvaluation } from "../../models/permissions/loaders.ts";
import { pruneJudgements } from "../../models/perspective/perspective.ts";
import { getSchool, type School } from "../../models/school/school.ts";
import { waitUntil } from "../../models/wait-until.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

export const UpgradeEvaluationInput = z.object({
  evaluationId: objectId(),
  /** The version the leader previewed: the move goes there and nowhere newer, unseen. */
  versionId: objectId("Reload the page and try again."),
});

/** The evaluation, its current and newest framework versions, and what would change. */
export async function upgradePlan(ctx: CommandContext, evaluationId: string) {
  const { evaluation, resource } = await loadEvaluation(ctx.actor, evaluationId);
  const [current, latest, school] = await Promise.all([
    getFrameworkVersion(evaluation.trustId, evaluation.frameworkVersionId),
    latestVersionOf(evaluation.trustId, evaluation.frameworkId),
    getSchool(evaluation.trustId, evaluation.schoolId),
  ]);
  if (!current || !latest || !school) throw new NotFoundError();
  return {
    evaluation,
    resource,
    current,
    latest,
    school,
    diff: diffVersions(current.content, latest.content),
  };
}

/**
 * A school leader moves an evaluation to the newer version they previewed: unchanged judgements
 * and all narrative carry over, reworded and removed criteria's judgements are cleared for a
 * fresh look. Refused, with nothing changed, while the evaluation is being validated
 * (version-move.ts, ADR 071). Made once, however many identical requests arrive: the request
 * that claims the move makes it; the others answer "moved: false" once it is made in full.
 */
export async function upgradeEvaluation(
  ctx: CommandContext,
  raw: Raw<typeof UpgradeEvaluationInput>,
): Promise<{ moved: boolean }> {
  await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "upgrade");
  const input = parse(UpgradeEvaluationInput, raw);
  const { evaluation, current, latest, school } = await upgradePlan(ctx, input.evaluationId);
  const move = { evaluationId: evaluation.id, versionId: input.versionId };
  const onItAlready = current.id === input.versionId;
  if (!onItAlready) {
    assertVersionMayMove(evaluation.status, latest.version);
    if (latest.id !== input.versionId)
      throw new ConflictError("A newer version was published since you looked: check it again.");
    // Claimed only once the move may be made, so a refused one leaves no claim behind.
    if (await claimVersionMove(move, current.id)) {
      await makeMove(ctx, move, { evaluation, school, from: current, to: latest });
      return { moved: true };
    }
  }
  await awaitMove(ctx, move, { evaluation, school, to: onItAlready ? current : latest });
  return { moved: false };
}

interface MovePlan {
  evaluation: Evaluation;
  school: School;
  from: FrameworkVersion;
  to: FrameworkVersion;
}

/**
 * Makes the claimed move, or what is left of it: every step is safe to repeat (the record moves
 * only if it is not on the version yet, and the live document likewise), so a request that
 * finds a move stopped part-way completes it. The request that marks it finished audits it.
 */
async function makeMove(ctx: CommandContext, move: VersionMove, plan: MovePlan): Promise<void> {
  const { evaluation, school, from, to } = plan;
  let onVersion = evaluation;
  if (evaluation.frameworkVersionId !== to.id) {
    const moved = await moveToVersion(evaluation, school, to);
    if (!moved) {
      // Submitted since it was read: the same refusal, still nothing changed, no claim left.
      await releaseVersionMove(move);
      throw new VersionMoveWaitsError(to.version);
    }
    onVersion = moved;
  }
  const criterionIds = Object.keys(onVersion.levelsByCriterion);
  await pruneJudgements(evaluation.trustId, evaluation.id, criterionIds);
  const diff = diffVersions(from.content, to.content);
  await ctx.collab.change(documentName("evaluation", evaluation.id), (doc) =>
    applyVersionUpgrade(doc, {
      frameworkVersionId: to.id,
      criterionIds,
      clearJudgementsOf: [...diff.removed, ...diff.reworded].map((c) => c.id),
    }),
  );
  if (!(await finishVersionMove(move))) return;
  await recordAudit({
    trustId: evaluation.trustId,
    actorId: ctx.actor.userId,
    action: "evaluationUpgraded",
    subject: `evaluation:${evaluation.id}`,
    details: { from: from.version, to: to.version },
  });
}

/**
 * A request that did not claim the move answers once it is made in full, as the page it is sent
 * to will show it: at once if it is; when the claimant finishes, if it is at work (2 s at most,
 * ADR 011); otherwise the claimant stopped part-way (a crash), and this request completes the
 * move from the version its claim records.
 */
async function awaitMove(
  ctx: CommandContext,
  move: VersionMove,
  plan: Omit<MovePlan, "from">,
): Promise<void> {
  if (await versionMoveFinished(move)) return;
  const fromId = await claimedMoveFrom(move);
  if (fromId === null) {
    // Made before moves were claimed; or refused by the store after its claim, and given up.
    if (plan.evaluation.frameworkVersionId === plan.to.id) return;
    throw new VersionMoveWaitsError(plan.to.version);
  }
  if (await waitUntil(() => versionMoveFinished(move))) return;
  const { trustId, id } = plan.evaluation;
  const [evaluation, from] = await Promise.all([
    getEvaluation(trustId, id),
    getFrameworkVersion(trustId, fromId),
  ]);
  if (!evaluation || !from) throw new NotFoundError();
  // Submitted since the move stopped: the rest of it waits for the outcome, as a move would.
  assertVersionMayMove(evaluation.status, plan.to.version);
  await makeMove(ctx, move, { ...plan, evaluation, from });
}

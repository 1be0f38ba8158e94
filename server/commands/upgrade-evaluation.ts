import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { applyVersionUpgrade } from "../../collab/shapes/evaluation.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { ConflictError, NotFoundError } from "../../models/errors.ts";
import { moveToVersion } from "../../models/evaluation/evaluation.ts";
import {
  assertVersionMayMove,
  VersionMoveWaitsError,
} from "../../models/evaluation/version-move.ts";
import { diffVersions } from "../../models/framework/diff.ts";
import { getFrameworkVersion, latestVersionOf } from "../../models/framework/framework.ts";
import { objectId } from "../../models/input.ts";
import { loadEvaluation } from "../../models/permissions/loaders.ts";
import { pruneJudgements } from "../../models/perspective/perspective.ts";
import { getSchool } from "../../models/school/school.ts";
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
 * fresh look. Asking twice moves once (the second finds it already there). Refused, with nothing
 * changed, while the evaluation is being validated (version-move.ts, ADR 071).
 */
export async function upgradeEvaluation(
  ctx: CommandContext,
  raw: Raw<typeof UpgradeEvaluationInput>,
): Promise<{ moved: boolean }> {
  await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "upgrade");
  const input = parse(UpgradeEvaluationInput, raw);
  const { evaluation, current, latest, school, diff } = await upgradePlan(ctx, input.evaluationId);
  if (current.id === input.versionId) return { moved: false };
  assertVersionMayMove(evaluation.status, latest.version);
  if (latest.id !== input.versionId)
    throw new ConflictError("A newer version was published since you looked: check it again.");
  const moved = await moveToVersion(evaluation, school, latest);
  // Submitted since it was read: the same refusal, and still nothing changed.
  if (!moved) throw new VersionMoveWaitsError(latest.version);
  const criterionIds = Object.keys(moved.levelsByCriterion);
  await pruneJudgements(evaluation.trustId, evaluation.id, criterionIds);
  await ctx.collab.change(documentName("evaluation", evaluation.id), (doc) =>
    applyVersionUpgrade(doc, {
      frameworkVersionId: latest.id,
      criterionIds,
      clearJudgementsOf: [...diff.removed, ...diff.reworded].map((c) => c.id),
    }),
  );
  await recordAudit({
    trustId: evaluation.trustId,
    actorId: ctx.actor.userId,
    action: "evaluationUpgraded",
    subject: `evaluation:${evaluation.id}`,
    details: { from: current.version, to: latest.version },
  });
  return { moved: true };
}

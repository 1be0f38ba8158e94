import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { claimDecision, decisionOutcome } from "../../models/decision-slot.ts";
import { startEvaluationOnce } from "../../models/evaluation/evaluation.ts";
import { getFrameworkVersion } from "../../models/framework/framework.ts";
import { objectId } from "../../models/input.ts";
import { loadAward } from "../../models/permissions/loaders.ts";
import { waitUntil } from "../../models/wait-until.ts";
import type { CommandContext } from "./context.ts";
import { prefillFrom } from "./prefill-from.ts";
import { planRenewal, renewalSlot } from "./renewal-plan.ts";
import { idIn, type Raw } from "./input.ts";

export const StartRenewalInput = z.object({ awardId: objectId() });
export type StartRenewalInput = z.infer<typeof StartRenewalInput>;

/** Claimed by the request that started the renewal once its pre-fill is in the document. */
const prefilledKey = (evaluationId: string) => `renewal-prefilled:${evaluationId}`;

/**
 * The request that starts a renewal pre-fills it within seconds; one started longer ago than
 * this has no starter still at work (renewals from before the marker, or a starter that failed).
 */
const STILL_STARTING_MS = 60_000;

/**
 * "Start renewal" from an award: a new evaluation of the school against the framework's latest
 * published version, pre-filled from the evaluation that earned the award, its judgements the
 * ones agreed in validation where there are any (the confirmation page says so first). One renewal per
 * award (a unique slot): pressing it twice, or twenty requests at once, lead to the same one.
 */
export async function startRenewal(
  ctx: CommandContext,
  raw: Raw<typeof StartRenewalInput>,
): Promise<{ evaluationId: string; resumed: boolean }> {
  const { award } = await loadAward(ctx.actor, idIn(raw, "awardId"), "renew");
  const { school, latest, title, previous, agreed } = await planRenewal(award);
  const { evaluation, created } = await startEvaluationOnce(school, latest, {
    title,
    createdBy: ctx.actor.userId,
    slot: renewalSlot(award.id),
  });
  if (!created) {
    // The request that started it may still be copying the last evaluation in: answer once it
    // has, or the page this request is sent to shows the renewal empty.
    if (Date.now() - evaluation.createdAt.getTime() < STILL_STARTING_MS)
      await waitUntil(async () => (await decisionOutcome(prefilledKey(evaluation.id))) !== null);
    return { evaluationId: evaluation.id, resumed: true };
  }

  if (previous) {
    const before = await getFrameworkVersion(award.trustId, previous.frameworkVersionId);
    await prefillFrom(ctx.collab, evaluation, previous, {
      before: before?.content ?? null,
      now: latest.content,
      agreed,
    });
  }
  await claimDecision(prefilledKey(evaluation.id), "done");
  await recordAudit({
    trustId: award.trustId,
    actorId: ctx.actor.userId,
    action: "renewalStarted",
    subject: `evaluation:${evaluation.id}`,
    details: {
      award: award.code,
      from: previous?.id ?? null,
      frameworkVersion: latest.version,
      agreedJudgements: Object.keys(agreed).length,
    },
  });
  return { evaluationId: evaluation.id, resumed: false };
}

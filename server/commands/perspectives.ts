import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { InvalidInputError } from "../../models/errors.ts";
import { levelsOfCriterion } from "../../models/evaluation/framework-of.ts";
import { objectId } from "../../models/input.ts";
import { listMembershipsOfTrust } from "../../models/membership/membership.ts";
import { loadEvaluation } from "../../models/permissions/loaders.ts";
import {
  PERSPECTIVES,
  inviteContributor as storeInvitation,
  recordPerspectiveJudgements,
  removeContributor as storeRemoval,
} from "../../models/perspective/perspective.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

// The three decisions of the Perspectives page: invite, remove, and a contributor's own judgements.

export const InviteContributorInput = z.object({
  evaluationId: objectId(),
  userId: objectId("Choose a person"),
  perspective: z.enum(PERSPECTIVES, { message: "Choose a perspective" }),
});

/** A school leader invites someone of the trust to give their perspective. Idempotent per person. */
export async function inviteContributor(
  ctx: CommandContext,
  raw: Raw<typeof InviteContributorInput>,
): Promise<void> {
  const { evaluation } = await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "invite");
  const input = parse(InviteContributorInput, raw);
  // A perspective is asked of someone else: the one inviting already reads the evaluation.
  if (input.userId === ctx.actor.userId)
    throw new InvalidInputError("Choose someone other than yourself", "userId");
  const members = await listMembershipsOfTrust(evaluation.trustId);
  if (!members.some((m) => m.userId === input.userId))
    throw new InvalidInputError("Choose someone in this trust", "userId");
  await storeInvitation(evaluation, { ...input, invitedBy: ctx.actor.userId });
  await recordAudit({
    trustId: evaluation.trustId,
    actorId: ctx.actor.userId,
    action: "contributorInvited",
    subject: `evaluation:${evaluation.id}`,
    details: { userId: input.userId, perspective: input.perspective },
  });
  // They can open the evaluation now: a page they have open learns at once.
  await ctx.collab.recheckAccess([input.userId]);
}

export const RemoveContributorInput = z.object({
  evaluationId: objectId(),
  userId: objectId("Choose a person"),
});

/**
 * A school leader removes a contributor (and the judgements they recorded). Their open
 * connection to the evaluation closes at once.
 */
export async function removeContributor(
  ctx: CommandContext,
  raw: Raw<typeof RemoveContributorInput>,
): Promise<void> {
  const { evaluation } = await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "invite");
  const input = parse(RemoveContributorInput, raw);
  await storeRemoval(evaluation, input.userId);
  await recordAudit({
    trustId: evaluation.trustId,
    actorId: ctx.actor.userId,
    action: "contributorRemoved",
    subject: `evaluation:${evaluation.id}`,
    details: { userId: input.userId },
  });
  await ctx.collab.recheckAccess([input.userId]);
}

export const PerspectiveJudgementsInput = z.object({
  evaluationId: objectId(),
  /** criterion id → level key ("" clears), from the form's `level.<criterionId>` fields. */
  judgements: z.record(z.string().max(64), z.string().max(64)),
});

/** An invited contributor records their own perspective's judgements. */
export async function recordPerspective(
  ctx: CommandContext,
  raw: Raw<typeof PerspectiveJudgementsInput>,
): Promise<void> {
  const { evaluation } = await loadEvaluation(ctx.actor, idIn(raw, "evaluationId"), "contribute");
  const input = parse(PerspectiveJudgementsInput, raw);
  for (const [criterionId, level] of Object.entries(input.judgements)) {
    const levels = levelsOfCriterion(evaluation, criterionId);
    if (!levels || (level !== "" && !levels.includes(level)))
      throw new InvalidInputError("Choose one of the levels offered for each criterion.");
  }
  await recordPerspectiveJudgements(evaluation, ctx.actor.userId, input.judgements);
}

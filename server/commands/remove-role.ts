import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { ForbiddenError, NotFoundError } from "../../models/errors.ts";
import { getMembership, loadActor, removeMembership } from "../../models/membership/membership.ts";
import { can } from "../../models/permissions/can.ts";
import { loadTrustWhere, validationResource } from "../../models/permissions/loaders.ts";
import { roleRemovalProblem } from "../../models/permissions/role-removal.ts";
import { getUser } from "../../models/user/user.ts";
import {
  clearAgreementDraftsIn,
  validationIdsDraftedBy,
} from "../../models/validation/agreement-draft.ts";
import { getValidation } from "../../models/validation/validation.ts";
import type { CommandContext } from "./context.ts";

export const RemoveRoleInput = z.object({
  membershipId: z.string().regex(/^[0-9a-f]{24}$/, "Choose a role to remove"),
});

/**
 * A trust admin takes one role away from one of the trust's people (never their own last
 * admin role). What the role gave is taken away at once: every document the person has open
 * is re-checked, and a socket that lost access, or changed between read-only and read-write,
 * is closed to reconnect in the right mode. Audited once, however often it is asked.
 * Drafts of agreements the person may no longer make (a validator's role taken away) go with
 * it, after the role: a draft saved meanwhile is removed here, or refused and removed by its own
 * save, which asks again with the person's roles as stored (save-agreement-draft.ts).
 */
export async function removeRole(ctx: CommandContext, input: z.infer<typeof RemoveRoleInput>) {
  const { trustId } = await loadTrustWhere(ctx.actor, "manage");
  const membership = await getMembership(trustId, input.membershipId);
  if (!membership) throw new NotFoundError();
  const problem = roleRemovalProblem(ctx.actor, membership);
  if (problem) throw new ForbiddenError(problem);
  const person = await getUser(membership.userId);
  if (await removeMembership(trustId, membership.id)) {
    await recordAudit({
      trustId,
      actorId: ctx.actor.userId,
      action: "roleRemoved",
      subject: `user:${membership.userId}`,
      details: { role: membership.role, schoolId: membership.schoolId },
    });
  }
  // Also when a simultaneous request removed it first: the re-check is what takes effect.
  await clearDraftsNoLongerAllowed(trustId, membership.userId);
  await ctx.collab.recheckAccess([membership.userId]);
  return { membership, person };
}

/** Removes the person's drafts of the trust's validations they may no longer keep one of. */
async function clearDraftsNoLongerAllowed(trustId: string, userId: string) {
  const drafted = await validationIdsDraftedBy(trustId, userId);
  if (drafted.length === 0) return;
  const person = await loadActor(userId);
  const spent: string[] = [];
  for (const validationId of drafted) {
    const validation = await getValidation(trustId, validationId);
    if (!validation || !person || !can(person, "draftAgreement", validationResource(validation)))
      spent.push(validationId);
  }
  await clearAgreementDraftsIn(trustId, userId, spent);
}

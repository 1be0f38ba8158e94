import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { ForbiddenError, NotFoundError } from "../../models/errors.ts";
import { getMembership, removeMembership } from "../../models/membership/membership.ts";
import { loadTrustWhere } from "../../models/permissions/loaders.ts";
import { roleRemovalProblem } from "../../models/permissions/role-removal.ts";
import { getUser } from "../../models/user/user.ts";
import type { CommandContext } from "./context.ts";

export const RemoveRoleInput = z.object({
  membershipId: z.string().regex(/^[0-9a-f]{24}$/, "Choose a role to remove"),
});

/**
 * A trust admin takes one role away from one of the trust's people (never their own last
 * admin role). What the role gave is taken away at once: every document the person has open
 * is re-checked, and a socket that lost access, or changed between read-only and read-write,
 * is closed to reconnect in the right mode. Audited once, however often it is asked.
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
  await ctx.collab.recheckAccess([membership.userId]);
  return { membership, person };
}

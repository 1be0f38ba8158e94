import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { NotFoundError } from "../../models/errors.ts";
import { listMembershipsOfUser } from "../../models/membership/membership.ts";
import { loadTrustWhere } from "../../models/permissions/loaders.ts";
import { revokeTokensOfUserInTrust } from "../../models/access-token/access-token.ts";
import { revokeSessionsOfUser } from "../../models/session/session.ts";
import { getUser } from "../../models/user/user.ts";
import type { CommandContext } from "./context.ts";

export const RevokeSessionsInput = z.object({
  userId: z.string().regex(/^[0-9a-f]{24}$/, "Choose a person"),
});

/**
 * A trust admin signs one of the trust's people out everywhere (a lost laptop, a shared
 * computer): every session of theirs is revoked, and their access tokens for this trust, and
 * every socket of theirs closes at once.
 * Audited. Doing it twice changes nothing more.
 */
export async function revokeSessions(
  ctx: CommandContext,
  input: z.infer<typeof RevokeSessionsInput>,
) {
  const { trustId } = await loadTrustWhere(ctx.actor, "manage");
  const memberships = await listMembershipsOfUser(input.userId);
  const person = memberships.some((m) => m.trustId === trustId)
    ? await getUser(input.userId)
    : null;
  if (!person) throw new NotFoundError();
  const ended = await revokeSessionsOfUser(person.id);
  await ctx.collab.endSessions({ userId: person.id });
  // Their access tokens for this trust go too: the admin's way to cut everything off (ADR 019).
  const tokenIds = await revokeTokensOfUserInTrust(person.id, trustId);
  await ctx.collab.endSessions({ tokenIds });
  await recordAudit({
    trustId,
    actorId: ctx.actor.userId,
    action: "sessionsRevoked",
    subject: `user:${person.id}`,
    details: { sessionsEnded: ended, tokensRevoked: tokenIds.length },
  });
  return { person, ended };
}

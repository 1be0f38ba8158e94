import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { NotFoundError } from "../../models/errors.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { can } from "../../models/permissions/can.ts";
import { trustResource } from "../../models/permissions/loaders.ts";
import { requiresSecondFactor } from "../../models/permissions/second-factor.ts";
import { hasSecondFactor, removeSecondFactor } from "../../models/second-factor/second-factor.ts";
import { revokeSessionsOfUser } from "../../models/session/session.ts";
import { isObjectId } from "../../models/mongoose.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import type { CommandContext } from "./context.ts";

export const ResetSecondFactorInput = z.object({
  userId: z.string().refine(isObjectId, "Choose a person of this trust"),
});

/**
 * A person the actor manages as a trust admin (they hold a role in a trust the actor may
 * manage), with that trust; NotFoundError for anyone else, so ids of other trusts leak nothing.
 */
export async function loadManagedPerson(
  actor: Actor,
  userId: string,
): Promise<{ person: Actor; trustId: string }> {
  const person = isObjectId(userId) ? await loadActor(userId) : null;
  if (!person) throw new NotFoundError();
  const trustId = [...new Set(person.grants.map((g) => g.trustId))].find((id) =>
    can(actor, "manage", trustResource(id)),
  );
  if (!trustId) throw new NotFoundError();
  return { person, trustId };
}

/** What the confirmation page shows: the person's name and whether they have a factor now. */
export async function previewReset(actor: Actor, userId: string) {
  const { person } = await loadManagedPerson(actor, userId);
  return { name: person.name, hasFactor: await hasSecondFactor(person.userId) };
}

/**
 * A trust admin resets a person's second factor (a lost or replaced phone, no recovery codes
 * left): the factor and its recovery codes go, every session of theirs ends (their open sockets
 * close at once), and they set a new one up at their next sign-in (if their roles require one).
 * Audited in the admin's trust.
 * Only admins of a trust the person belongs to may; everyone else finds nobody (404).
 */
export async function resetSecondFactor(
  ctx: CommandContext,
  input: z.infer<typeof ResetSecondFactorInput>,
): Promise<{ name: string; hadFactor: boolean; sessionsEnded: number; mustEnrol: boolean }> {
  const { person, trustId } = await loadManagedPerson(ctx.actor, input.userId);

  const { removed } = await removeSecondFactor(person.userId);
  const sessionsEnded = await revokeSessionsOfUser(person.userId);
  // Their open sockets end too, at once: the phone may be lost with a signed-in browser on it.
  await ctx.collab.endSessions({ userId: person.userId });
  await recordAudit({
    trustId,
    actorId: ctx.actor.userId,
    action: "secondFactorReset",
    subject: `user:${person.userId}`,
    details: { hadFactor: removed, sessionsEnded },
  });
  return {
    name: person.name,
    hadFactor: removed,
    sessionsEnded,
    mustEnrol: requiresSecondFactor(person),
  };
}

import { loadActor } from "../membership/membership.ts";
import type { Actor } from "../permissions/roles.ts";
import { signInStage, type SignInStage } from "../permissions/second-factor.ts";
import { hasSecondFactor } from "../second-factor/second-factor.ts";
import type { Session } from "./session.ts";

/**
 * Who a live session belongs to, with their current grants, and how far it has got through
 * signing in. The one reading of a session used by HTTP requests and collab sockets alike, so a
 * session waiting for its second factor counts as nobody everywhere.
 */
export async function sessionPerson(
  session: Session,
): Promise<{ actor: Actor; stage: SignInStage } | null> {
  const [actor, hasFactor] = await Promise.all([
    loadActor(session.userId),
    hasSecondFactor(session.userId),
  ]);
  if (!actor) return null;
  const stage = signInStage(actor, {
    hasSecondFactor: hasFactor,
    passedSecondFactor: session.secondFactorAt !== null,
  });
  return { actor, stage };
}

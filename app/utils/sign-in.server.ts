import { redirect } from "@remix-run/node";
import type { CollabAccess } from "../../collab/access.ts";
import { recordAuditOfPerson } from "../../models/audit/person.ts";
import { loadActor } from "../../models/membership/membership.ts";
import { signInStage } from "../../models/permissions/second-factor.ts";
import type { SecondFactorMethod } from "../../models/second-factor/check.ts";
import { hasSecondFactor } from "../../models/second-factor/second-factor.ts";
import { createSession, replaceSession } from "../../models/session/session.ts";
import { safeRedirect, signInStepPath } from "./auth.server.ts";
import { sessionCookie } from "./session.server.ts";

/**
 * The steps of signing in. The password starts a session; for a person with a second factor
 * (or whose roles require one) that session is not yet signed in (see `signInStage`), and the
 * step that finishes it starts a fresh session with a new token and ends the first, so a token
 * seen before the second step is worth nothing after it.
 */

interface Visit {
  userAgent: string;
  address: string;
  redirectTo: string | null;
}

async function audited(userId: string, address: string, secondFactor: string) {
  await recordAuditOfPerson(userId, {
    actorId: userId,
    action: "signIn",
    subject: `user:${userId}`,
    details: { address, secondFactor },
  });
}

/** After a right password: signed in, or on to the code or set-up page. */
export async function startSignIn(userId: string, visit: Visit): Promise<Response> {
  const [actor, hasFactor] = await Promise.all([loadActor(userId), hasSecondFactor(userId)]);
  const { token } = await createSession(userId, visit.userAgent);
  const headers = { "Set-Cookie": await sessionCookie().serialize(token) };
  const stage = actor
    ? signInStage(actor, { hasSecondFactor: hasFactor, passedSecondFactor: false })
    : "complete";
  const target = safeRedirect(visit.redirectTo, "/home");
  if (stage !== "complete") return redirect(signInStepPath(stage, target), { headers });
  await audited(userId, visit.address, "none");
  return redirect(target, { headers });
}

/**
 * After a right code (or setting a factor up): a new session that has passed the second
 * factor replaces the old one. Returns the Set-Cookie header for it. `how` is audited as the
 * way this sign-in finished; null when the person was signed in already (turning the factor
 * on from their account). The old session's open sockets (this browser's other tabs) are told
 * to reconnect, and do so with the new cookie (ADR 048).
 */
export async function finishSignIn(
  collab: CollabAccess,
  userId: string,
  previousToken: string,
  visit: Omit<Visit, "redirectTo">,
  how: SecondFactorMethod | "enrolled" | null,
): Promise<string> {
  const { token, session } = await createSession(userId, visit.userAgent, {
    secondFactorAt: new Date(),
  });
  const replaced = await replaceSession(previousToken, session.id);
  if (replaced) await collab.endSessions({ replacedSessionIds: [replaced] });
  if (how) await audited(userId, visit.address, how);
  return sessionCookie().serialize(token);
}

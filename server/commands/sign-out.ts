import { z } from "zod";
import { revokeSessionOf } from "../../models/session/session.ts";
import type { CommandContext } from "./context.ts";

export const SignOutInput = z.object({
  /** The session of the cookie that asked (from the route, never from the form). */
  sessionId: z.string(),
});

/**
 * Signs out: the session is revoked in the database, so its cookie is worthless even if it
 * was copied, and every socket opened with it is closed at once.
 */
export async function signOut(ctx: CommandContext, input: z.infer<typeof SignOutInput>) {
  await revokeSessionOf(ctx.actor.userId, input.sessionId);
  await ctx.collab.endSessions({ sessionIds: [input.sessionId] });
}

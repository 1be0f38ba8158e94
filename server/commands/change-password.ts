import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { trustIdsOf } from "../../models/permissions/can.ts";
import { revokeSessionsOfUser } from "../../models/session/session.ts";
import { changePassword } from "../../models/user/password-change.ts";
import { MIN_PASSWORD_LENGTH } from "../../models/user/password-rules.ts";
import type { CommandContext } from "./context.ts";

const filled = (value: unknown): value is string => typeof value === "string" && value !== "";

export const ChangePasswordInput = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password" })
      .min(1, "Enter your current password")
      .max(200),
    newPassword: z
      .string({ error: "Enter a new password" })
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Use at most 200 characters"),
    confirmPassword: z
      .string({ error: "Enter the new password again" })
      .min(1, "Enter the new password again"),
    /** The session asking, which stays signed in (from the route, never from the form). */
    sessionId: z.string(),
  })
  // Checked even when another field has an error, so every problem shows at once.
  .refine((v) => !filled(v.confirmPassword) || v.confirmPassword === v.newPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match",
    when: () => true,
  })
  .refine((v) => !filled(v.newPassword) || v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a new password, not your current one",
    when: () => true,
  });

/**
 * A signed-in person changes their own password, proving they know the current one. Every
 * other session of theirs ends (their sockets close at once); the one asking stays. Audited
 * in each of their trusts. A simultaneous identical submission answers the same and acts once.
 */
export async function changeOwnPassword(
  ctx: CommandContext,
  input: z.infer<typeof ChangePasswordInput>,
) {
  const { userId } = ctx.actor;
  const { repeated } = await changePassword(userId, input.currentPassword, input.newPassword);
  // Also when repeated: ending sessions twice is harmless, and the first may not have got there.
  const ended = await revokeSessionsOfUser(userId, { except: input.sessionId });
  await ctx.collab.endSessions({ userId, exceptSessionId: input.sessionId });
  if (!repeated) {
    const trusts = trustIdsOf(ctx.actor);
    for (const trustId of trusts.length ? trusts : [null]) {
      await recordAudit({
        trustId,
        actorId: userId,
        action: "passwordChanged",
        subject: `user:${userId}`,
        details: { otherSessionsEnded: ended },
      });
    }
  }
}

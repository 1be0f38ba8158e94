import { z } from "zod";
import { recordAuditOfPerson } from "../../models/audit/person.ts";
import { InvalidInputError } from "../../models/errors.ts";
import type { SecondFactorMethod } from "../../models/second-factor/check.ts";
import { useSecondFactor } from "../../models/second-factor/second-factor.ts";
import { secondFactorKey } from "../../app/utils/second-factor-key.server.ts";
import type { CommandContext } from "./context.ts";

export const VerifySecondFactorInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the code from your app, or a recovery code")
    .max(40, "Enter the code from your app, or a recovery code"),
  /** Where the request came from, for the audit log. */
  address: z.string().max(100),
});

const MESSAGES = {
  wrong: "That code is not right. Enter the 6-digit code your app shows now, or a recovery code.",
  usedCode: "That code has just been used. Wait for your app to show the next one.",
  usedRecovery: "That recovery code has already been used. Each one works once.",
};

/**
 * The second step of signing in: the acting person (password already checked) gives a code
 * from their app or a recovery code. Right: the use is claimed, so that code never works again
 * (however many requests race with it). Wrong or reused: audited, and refused next to the field.
 */
export async function verifySecondFactor(
  ctx: CommandContext,
  input: z.infer<typeof VerifySecondFactorInput>,
): Promise<{ method: SecondFactorMethod }> {
  const userId = ctx.actor.userId;
  const outcome = await useSecondFactor(secondFactorKey(), userId, input.code);
  if (outcome.ok) return { method: outcome.method };
  await recordAuditOfPerson(userId, {
    actorId: userId,
    action: "secondFactorFailed",
    subject: `user:${userId}`,
    details: { address: input.address, reason: outcome.reason, method: outcome.method },
  });
  const message =
    outcome.reason !== "used"
      ? MESSAGES.wrong
      : outcome.method === "recoveryCode"
        ? MESSAGES.usedRecovery
        : MESSAGES.usedCode;
  throw new InvalidInputError(message, "code");
}

import { z } from "zod";
import { recordAuditOfPerson } from "../../models/audit/person.ts";
import { completeEnrolment } from "../../models/second-factor/second-factor.ts";
import { secondFactorKey } from "../../app/utils/second-factor-key.server.ts";
import type { CommandContext } from "./context.ts";

export const EnrolSecondFactorInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the 6-digit code your app shows")
    .max(40, "Enter the 6-digit code your app shows"),
});

/**
 * Turns on the acting person's second factor once they prove their app makes the right code
 * for the secret the set-up page showed. Returns the recovery codes, in plain text this once.
 * A second attempt after success is refused (ConflictError): one factor per person.
 */
export async function enrolSecondFactor(
  ctx: CommandContext,
  input: z.infer<typeof EnrolSecondFactorInput>,
): Promise<{ recoveryCodes: string[] }> {
  const { recoveryCodes } = await completeEnrolment(
    secondFactorKey(),
    ctx.actor.userId,
    input.code,
  );
  await recordAuditOfPerson(ctx.actor.userId, {
    actorId: ctx.actor.userId,
    action: "secondFactorEnrolled",
    subject: `user:${ctx.actor.userId}`,
    details: {},
  });
  return { recoveryCodes };
}

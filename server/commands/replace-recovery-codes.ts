import { recordAuditOfPerson } from "../../models/audit/person.ts";
import { replaceRecoveryCodes } from "../../models/second-factor/second-factor.ts";
import { secondFactorKey } from "../../app/utils/second-factor-key.server.ts";
import type { CommandContext } from "./context.ts";
import { EnrolSecondFactorInput } from "./enrol-second-factor.ts";

/** A code from the person's app: the same field, and the same checks, as setting it up. */
export const ReplaceRecoveryCodesInput = EnrolSecondFactorInput;

/**
 * The acting person makes a new set of recovery codes (they used some, or lost the sheet),
 * proving a fresh code from their app. Their own only: nobody can do it for someone else.
 * Returns the new codes in plain text, this once.
 */
export async function replaceOwnRecoveryCodes(
  ctx: CommandContext,
  input: { code: string },
): Promise<{ recoveryCodes: string[] }> {
  const { recoveryCodes } = await replaceRecoveryCodes(
    secondFactorKey(),
    ctx.actor.userId,
    input.code,
  );
  await recordAuditOfPerson(ctx.actor.userId, {
    actorId: ctx.actor.userId,
    action: "recoveryCodesReplaced",
    subject: `user:${ctx.actor.userId}`,
    details: {},
  });
  return { recoveryCodes };
}

import { secondFactorKey } from "../../app/utils/second-factor-key.server.ts";
import {
  SecondFactorUseModel,
  enrolWithSecret,
  secondFactorSecret,
} from "../../models/second-factor/second-factor.ts";
import {
  codeAt,
  newTotpSecret,
  stepAt,
  TOTP_PERIOD_SECONDS,
} from "../../models/second-factor/totp.ts";

/**
 * Gives the person a second factor if they have none, the way the demo seed does; returns its
 * secret and, when it was made just now, its recovery codes.
 */
export async function ensureSecondFactor(
  userId: string,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const key = secondFactorKey();
  const existing = await secondFactorSecret(key, userId);
  if (existing) return { secret: existing, recoveryCodes: [] };
  const secret = newTotpSecret();
  const enrolled = await enrolWithSecret(key, userId, secret);
  return { secret, recoveryCodes: enrolled?.recoveryCodes ?? [] };
}

/**
 * A code from the person's stored secret that has not been used yet: the current step's, or
 * the next step's (accepted for clock drift) when the current one was used by an earlier
 * sign-in in the same 30 seconds, as a person would wait for the next code.
 */
export async function freshCodeFor(userId: string): Promise<string> {
  const secret = await secondFactorSecret(secondFactorKey(), userId);
  if (!secret) throw new Error(`${userId} has no second factor`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = new Date();
    for (const offset of [0, 1]) {
      const at = new Date(now.getTime() + offset * TOTP_PERIOD_SECONDS * 1000);
      const used = await SecondFactorUseModel.exists({ key: `code:${userId}:${stepAt(at)}` });
      if (!used) return codeAt(secret, at);
    }
    await new Promise((resolve) => setTimeout(resolve, TOTP_PERIOD_SECONDS * 1000));
  }
  throw new Error("no unused code");
}

/** The set-up key the two-factor set-up page shows (as a person would type it into an app). */
export function setUpKeyOn(html: string): string {
  const match = /name="setUpKey"[^>]*value="([A-Z2-7 ]+)"/.exec(html);
  if (!match) throw new Error("no set-up key on the page");
  return match[1].replace(/ /g, "");
}

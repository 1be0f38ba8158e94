import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes.ts";
import { looksLikeTotpCode, matchCode } from "./totp.ts";

export type SecondFactorMethod = "code" | "recoveryCode";

/** What is needed to check a person's code: their secret (null if unreadable) and code hashes. */
export interface FactorFacts {
  userId: string;
  secret: string | null;
  recoveryCodeHashes: string[];
}

export type CodeCheck =
  | {
      ok: true;
      method: SecondFactorMethod;
      /**
       * Names this use: the app code's time step, or the recovery code's hash. Claiming it under
       * a unique key makes the use single: the same code entered twice (or twenty times at once)
       * names the same use, and only the first claim succeeds.
       */
      useKey: string;
    }
  | { ok: false; method: SecondFactorMethod | null };

/** Checks what a person typed against their factor, at `at`. Pure; claiming the use is the caller's. */
export function checkCode(factor: FactorFacts, input: string, at: Date): CodeCheck {
  if (looksLikeTotpCode(input)) {
    const step = factor.secret === null ? null : matchCode(factor.secret, input, at);
    return step === null
      ? { ok: false, method: "code" }
      : { ok: true, method: "code", useKey: `code:${factor.userId}:${step}` };
  }
  if (looksLikeRecoveryCode(input)) {
    const hash = hashRecoveryCode(factor.userId, input);
    return factor.recoveryCodeHashes.includes(hash)
      ? { ok: true, method: "recoveryCode", useKey: `recovery:${factor.userId}:${hash}` }
      : { ok: false, method: "recoveryCode" };
  }
  return { ok: false, method: null };
}

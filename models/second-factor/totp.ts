import { Secret, TOTP } from "otpauth";

/**
 * Time-based one-time codes (RFC 6238) as authenticator apps make them: SHA-1, 6 digits,
 * 30-second steps. Pure: the time is always passed in.
 */
export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now still accepted: a phone's clock is rarely more than 30 s out. */
export const DRIFT_STEPS = 1;
const ISSUER = "Quality marks";

function totp(secret: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 for apps. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address a QR code carries, labelled with the person's email. */
export function otpauthUri(secret: string, account: string): string {
  const code = totp(secret);
  code.label = account;
  return code.toString();
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** The time step (counter) that `at` falls in. */
export function stepAt(at: Date): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: at.getTime() });
}

/** The code an app shows at `at` (tests and the demo's code printer use it). */
export function codeAt(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/** True when the input has the shape of an app code: 6 digits, spaces allowed. */
export function looksLikeTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s+/g, ""));
}

/**
 * The time step the code belongs to when it is valid at `at` (now, or one step either side),
 * else null. The step, not the moment of entry, identifies a use: a code accepted once is the
 * same step whenever it is entered again, so a replay guard keyed by it refuses the repeat.
 */
export function matchCode(secret: string, input: string, at: Date): number | null {
  const token = input.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: at.getTime(), window: DRIFT_STEPS });
  return delta === null ? null : stepAt(at) + delta;
}

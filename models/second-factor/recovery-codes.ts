import { createHash, randomInt } from "node:crypto";

/**
 * Single-use recovery codes, for a lost phone. 16 characters from an alphabet without look-alikes
 * (no 0/o, 1/l/i), about 80 random bits: a stored hash cannot be reversed by trying codes, so
 * a fast hash is enough. Shown to the person once; only hashes are kept.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 16;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let code = "";
    for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    codes.add(code.replace(/(.{4})(?=.)/g, "$1-"));
  }
  return [...codes];
}

/** What a person typed, reduced to the code itself: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(normaliseRecoveryCode(input));
}

/** The stored form of a code: salted with the person's id, so equal hashes never link people. */
export function hashRecoveryCode(userId: string, input: string): string {
  return createHash("sha256")
    .update(`${userId}:${normaliseRecoveryCode(input)}`)
    .digest("hex");
}

import { describe, expect, it } from "vitest";
import { checkCode } from "../../models/second-factor/check.ts";
import {
  RECOVERY_CODE_COUNT,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  normaliseRecoveryCode,
} from "../../models/second-factor/recovery-codes.ts";

const ME = "e".repeat(24);
const YOU = "f".repeat(24);
const T = new Date("2026-03-02T10:00:15Z");

describe("recovery codes", () => {
  it("are ten distinct codes of 16 unambiguous characters in groups of four", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(code).not.toMatch(/[01ilo]/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
    expect(newRecoveryCodes()).not.toEqual(codes);
  });

  it("are stored as hashes that ignore case, spaces and dashes, salted per person", () => {
    const [code] = newRecoveryCodes(1);
    const hash = hashRecoveryCode(ME, code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normaliseRecoveryCode(code));
    expect(hashRecoveryCode(ME, code.toUpperCase().replace(/-/g, " "))).toBe(hash);
    expect(hashRecoveryCode(YOU, code)).not.toBe(hash);
  });

  it("are consumed by their hash: any spelling of one code names the same single use", () => {
    const codes = newRecoveryCodes();
    const factor = {
      userId: ME,
      secret: null,
      recoveryCodeHashes: codes.map((c) => hashRecoveryCode(ME, c)),
    };
    const plain = checkCode(factor, codes[3], T);
    const shouted = checkCode(factor, ` ${codes[3].toUpperCase().replace(/-/g, "")} `, T);
    expect(plain.ok && shouted.ok).toBe(true);
    if (plain.ok && shouted.ok) {
      expect(plain.method).toBe("recoveryCode");
      expect(shouted.useKey).toBe(plain.useKey);
      const other = checkCode(factor, codes[4], T);
      expect(other.ok && other.useKey !== plain.useKey).toBe(true);
    }
  });

  it("refuses a code that is not one of the person's", () => {
    const mine = newRecoveryCodes();
    const factor = {
      userId: ME,
      secret: null,
      recoveryCodeHashes: mine.map((c) => hashRecoveryCode(ME, c)),
    };
    const [stranger] = newRecoveryCodes(1);
    expect(checkCode(factor, stranger, T)).toEqual({ ok: false, method: "recoveryCode" });
    // Someone else's code, even with the same characters, does not open my list.
    const yours = { ...factor, userId: YOU };
    expect(checkCode(yours, mine[0], T).ok).toBe(false);
  });
});

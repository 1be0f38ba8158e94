import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { checkCode } from "../../models/second-factor/check.ts";
import {
  codeAt,
  groupedSecret,
  matchCode,
  newTotpSecret,
  otpauthUri,
  stepAt,
} from "../../models/second-factor/totp.ts";

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const T = new Date("2026-03-02T10:00:15Z"); // mid-step
const step = (n: number) => new Date(T.getTime() + n * 30_000);

describe("TOTP codes", () => {
  it("match RFC 6238's test vectors (6 digits of the published 8)", () => {
    expect(codeAt(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(codeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe("081804");
    expect(codeAt(RFC_SECRET, new Date(2_000_000_000_000))).toBe("279037");
  });

  it("accept the current code and one step either side (clock drift), no further", () => {
    const secret = newTotpSecret();
    const now = stepAt(T);
    expect(matchCode(secret, codeAt(secret, T), T)).toBe(now);
    expect(matchCode(secret, codeAt(secret, step(-1)), T)).toBe(now - 1);
    expect(matchCode(secret, codeAt(secret, step(1)), T)).toBe(now + 1);
    expect(matchCode(secret, codeAt(secret, step(-2)), T)).toBeNull();
    expect(matchCode(secret, codeAt(secret, step(2)), T)).toBeNull();
  });

  it("refuse other secrets' codes and anything that is not 6 digits; spaces do not matter", () => {
    const secret = newTotpSecret();
    const code = codeAt(secret, T);
    expect(matchCode(newTotpSecret(), code, T)).toBeNull();
    expect(matchCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`, T)).toBe(stepAt(T));
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}0`]) {
      expect(matchCode(secret, bad, T)).toBeNull();
    }
  });

  it("make a new 160-bit base32 secret each time, and an otpauth URI apps can read", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = otpauthUri(a, "priya@trust.example");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const parsed = new URL(uri);
    expect(parsed.searchParams.get("secret")).toBe(a);
    expect(parsed.searchParams.get("period")).toBe("30");
    expect(decodeURIComponent(parsed.pathname)).toContain("priya@trust.example");
    // An app that reads the URI makes the codes we accept.
    const app = new TOTP({ secret: Secret.fromBase32(a) });
    expect(matchCode(a, app.generate({ timestamp: T.getTime() }), T)).toBe(stepAt(T));
    expect(groupedSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("replay: a use is named by the code's own step", () => {
  const userId = "e".repeat(24);
  const secret = newTotpSecret();
  const factor = { userId, secret, recoveryCodeHashes: [] };

  it("names the same use when one code is entered twice in its step, or again in the next", () => {
    const code = codeAt(secret, T);
    const first = checkCode(factor, code, T);
    const sameStepLater = checkCode(factor, code, new Date(T.getTime() + 10_000));
    const nextStep = checkCode(factor, code, step(1)); // still accepted, for drift
    expect(first.ok && sameStepLater.ok && nextStep.ok).toBe(true);
    if (first.ok && sameStepLater.ok && nextStep.ok) {
      expect(sameStepLater.useKey).toBe(first.useKey);
      expect(nextStep.useKey).toBe(first.useKey);
    }
  });

  it("names different uses for the next code, and for another person's code of the same step", () => {
    const now = checkCode(factor, codeAt(secret, T), T);
    const next = checkCode(factor, codeAt(secret, step(1)), step(1));
    const other = checkCode(
      { userId: "f".repeat(24), secret, recoveryCodeHashes: [] },
      codeAt(secret, T),
      T,
    );
    expect(now.ok && next.ok && other.ok).toBe(true);
    if (now.ok && next.ok && other.ok) {
      expect(next.useKey).not.toBe(now.useKey);
      expect(other.useKey).not.toBe(now.useKey);
    }
  });

  it("refuses a wrong code, and any app code when the secret cannot be read", () => {
    const right = codeAt(secret, T);
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
    expect(checkCode(factor, wrong, T)).toEqual({ ok: false, method: "code" });
    expect(checkCode({ ...factor, secret: null }, codeAt(secret, T), T)).toEqual({
      ok: false,
      method: "code",
    });
    expect(checkCode(factor, "hello", T)).toEqual({ ok: false, method: null });
  });
});

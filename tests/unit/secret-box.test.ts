import { describe, expect, it } from "vitest";
import {
  deriveSecondFactorKey,
  openSecret,
  sealSecret,
} from "../../models/second-factor/secret-box.ts";

const KEY = deriveSecondFactorKey("a-server-secret-that-is-long-enough-1234");
const ME = "e".repeat(24);

describe("sealed second-factor secrets (AES-256-GCM)", () => {
  it("open to the same secret, and never store it in the clear", () => {
    const sealed = sealSecret(KEY, ME, "JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(KEY, ME, sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(sealSecret(KEY, ME, "JBSWY3DPEHPK3PXP")).not.toBe(sealed); // a fresh IV each time
  });

  it("refuse to open when altered, moved to another person, or under another key", () => {
    const sealed = sealSecret(KEY, ME, "JBSWY3DPEHPK3PXP");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3], "base64url");
    body[0] ^= 1;
    const altered = [...parts.slice(0, 3), body.toString("base64url")].join(".");
    expect(() => openSecret(KEY, ME, altered)).toThrow();
    expect(() => openSecret(KEY, "f".repeat(24), sealed)).toThrow();
    const otherKey = deriveSecondFactorKey("another-server-secret-that-is-long-enough");
    expect(() => openSecret(otherKey, ME, sealed)).toThrow();
    expect(() => openSecret(KEY, ME, "nonsense")).toThrow();
  });

  it("derive a 32-byte key, the same from the same server secret", () => {
    expect(KEY).toHaveLength(32);
    expect(deriveSecondFactorKey("a-server-secret-that-is-long-enough-1234").equals(KEY)).toBe(
      true,
    );
  });
});

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * The TOTP secret must be readable by the server (it computes the expected code), so it is
 * stored encrypted, not hashed: AES-256-GCM, with the person's id as associated data so a
 * sealed secret copied onto another person's record does not open. See ADR 008.
 */
const VERSION = "v1";

/** A 32-byte key derived from the server's secret (HKDF-SHA256, its own label). */
export function deriveSecondFactorKey(serverSecret: string): Buffer {
  return Buffer.from(
    hkdfSync("sha256", serverSecret, "quality-marks", "second-factor secret encryption v1", 32),
  );
}

export function sealSecret(key: Buffer, userId: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The secret, or an Error when the box was altered, belongs to someone else or another key. */
export function openSecret(key: Buffer, userId: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined)
    throw new Error("Unreadable second-factor secret.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(body, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

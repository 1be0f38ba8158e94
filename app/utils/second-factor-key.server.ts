import { deriveSecondFactorKey } from "../../models/second-factor/secret-box.ts";
import { getEnv } from "./env.server.ts";

let key: Buffer | null = null;

/**
 * The key that seals second-factor secrets: from SECOND_FACTOR_KEY when set, so the session
 * secret can be rotated without locking everyone out of their app codes; else from
 * SESSION_SECRET (ADR 008). Either way through HKDF with its own label.
 */
export function secondFactorKey(): Buffer {
  if (key) return key;
  const env = getEnv();
  key = deriveSecondFactorKey(env.SECOND_FACTOR_KEY ?? env.SESSION_SECRET);
  return key;
}

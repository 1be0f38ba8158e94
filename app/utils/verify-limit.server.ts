import { consumeAll, createLimiter } from "./limiter.server.ts";

// Codes carry 60 random bits, so guessing one is hopeless anyway; the limit keeps a script
// from using the public page to hammer the database. Generous for a person checking a pile
// of certificates by hand. (Shared by every process when Redis is configured.)
const perAddress = createLimiter({
  keyPrefix: "verify-address",
  points: 30,
  duration: 10 * 60,
});

/** Counts a certificate lookup from `address`; returns the minutes to wait when over the limit, else null. */
export async function limitVerification(address: string): Promise<number | null> {
  return consumeAll("verify", [[perAddress, address]]);
}

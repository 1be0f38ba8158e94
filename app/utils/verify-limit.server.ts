import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Codes carry 60 random bits, so guessing one is hopeless anyway; the limit keeps a script
// from using the public page to hammer the database. Generous for a person checking a pile
// of certificates by hand. (In memory: one process, like the sign-in limiter.)
const perAddress = new RateLimiterMemory({
  keyPrefix: "verify-address",
  points: 30,
  duration: 10 * 60,
});

/** Counts a certificate lookup from `address`; returns the minutes to wait when over the limit, else null. */
export async function limitVerification(address: string): Promise<number | null> {
  try {
    await perAddress.consume(address);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw error;
  }
}

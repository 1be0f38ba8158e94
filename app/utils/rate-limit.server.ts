import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Per address and email: slows guessing one account; per address: slows spraying many.
const perAccount = new RateLimiterMemory({
  keyPrefix: "sign-in-account",
  points: 5,
  duration: 15 * 60,
});
const perAddress = new RateLimiterMemory({
  keyPrefix: "sign-in-address",
  points: 50,
  duration: 15 * 60,
});

/**
 * Counts a sign-in attempt; returns the minutes to wait when over the limit, else null.
 * (In memory: one process. Several processes would share a Redis limiter instead.)
 */
export async function limitSignIn(address: string, email: string): Promise<number | null> {
  try {
    await Promise.all([
      perAccount.consume(`${address}|${email.toLowerCase()}`),
      perAddress.consume(address),
    ]);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw error;
  }
}

/** Clears the per-account count after a successful sign-in. */
export async function resetSignInLimit(address: string, email: string): Promise<void> {
  await perAccount.delete(`${address}|${email.toLowerCase()}`);
}

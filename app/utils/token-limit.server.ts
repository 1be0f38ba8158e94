import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Tokens carry 256 random bits, so guessing one is hopeless; these limits keep a script (or a
// runaway integration reconnecting in a loop) from hammering the database with lookups. Every
// check counts; wrong ones count again, much more strictly. (In memory: one process, like the
// sign-in limiter.)
const checksPerAddress = new RateLimiterMemory({
  keyPrefix: "token-check-address",
  points: 120,
  duration: 60,
});
const failuresPerAddress = new RateLimiterMemory({
  keyPrefix: "token-failure-address",
  points: 20,
  duration: 15 * 60,
});

function secondsFrom(error: unknown): number {
  if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  throw error;
}

/** Counts a token check from `address`; returns the seconds to wait when over a limit, else null. */
export async function limitTokenCheck(address: string): Promise<number | null> {
  try {
    const failures = await failuresPerAddress.get(address);
    if (failures && failures.remainingPoints <= 0) return secondsFrom(failures);
    await checksPerAddress.consume(address);
    return null;
  } catch (error) {
    return secondsFrom(error);
  }
}

/** Counts a token that was wrong (unknown, revoked, expired) against `address`. */
export async function countTokenFailure(address: string): Promise<void> {
  try {
    await failuresPerAddress.consume(address);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

import { consumeAll, createLimiter } from "./limiter.server.ts";

// A 6-digit code has a million values and three are valid at a time (±1 step), so guessing
// must stay slow: a few tries per person from one address, and a ceiling per person from
// everywhere, so spreading guesses over many addresses does not help. Every check counts,
// right or wrong, so a burst of parallel guesses is counted too. (Shared by every process
// when Redis is configured, like the sign-in limiter.)
const perPersonAndAddress = createLimiter({
  keyPrefix: "second-factor-person-address",
  points: 5,
  duration: 15 * 60,
});
const perPerson = createLimiter({
  keyPrefix: "second-factor-person",
  points: 15,
  duration: 15 * 60,
});

/** Counts one code check; returns the minutes to wait when over the limit, else null. */
export async function limitSecondFactor(address: string, userId: string): Promise<number | null> {
  return consumeAll("second-factor", [
    [perPersonAndAddress, `${userId}|${address}`],
    [perPerson, userId],
  ]);
}

/** Clears the counts after a right code, so a person who mistyped once is not held back later. */
export async function resetSecondFactorLimit(address: string, userId: string): Promise<void> {
  await Promise.all([perPersonAndAddress.delete(`${userId}|${address}`), perPerson.delete(userId)]);
}

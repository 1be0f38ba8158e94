import { consumeAll, createLimiter } from "./limiter.server.ts";

// Per address and email: slows guessing one account; per address: slows spraying many.
// Shared by every process when Redis is configured (app/utils/limiter.server.ts).
const perAccount = createLimiter({
  keyPrefix: "sign-in-account",
  points: 5,
  duration: 15 * 60,
});
const perAddress = createLimiter({
  keyPrefix: "sign-in-address",
  points: 50,
  duration: 15 * 60,
});

/** Counts a sign-in attempt; returns the minutes to wait when over the limit, else null. */
export async function limitSignIn(address: string, email: string): Promise<number | null> {
  return consumeAll("sign-in", [
    [perAccount, `${address}|${email.toLowerCase()}`],
    [perAddress, address],
  ]);
}

/** Clears the per-account count after a successful sign-in. */
export async function resetSignInLimit(address: string, email: string): Promise<void> {
  await perAccount.delete(`${address}|${email.toLowerCase()}`);
}

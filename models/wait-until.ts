/**
 * Asks `done` every `everyMs` until it says true or `withinMs` have passed; true if it did.
 *
 * For the callers that lost a once-only race (claimDecision, a unique insert): the winner writes
 * the rest of what it decided a moment after winning, and a loser that answers before then would
 * show the state from before the decision.
 */
export async function waitUntil(
  done: () => Promise<boolean>,
  withinMs = 2000,
  everyMs = 10,
): Promise<boolean> {
  const until = Date.now() + withinMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

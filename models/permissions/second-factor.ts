import type { Actor, Role } from "./roles.ts";

/**
 * Who must use a second factor, and how far a session has got through signing in. Part of the
 * policy module: the rest of the code asks these functions and never compares roles itself.
 */

// These roles see many schools' data (ARCHITECTURE.md security baseline; the DfE's cyber
// security standards for schools expect multi-factor authentication for such accounts).
const NEEDS_SECOND_FACTOR: Role[] = ["trustAdmin", "trustLeader", "validator"];

/** True when the person's roles require a second factor; optional for everyone else. */
export function requiresSecondFactor(actor: Actor): boolean {
  return actor.grants.some((g) => NEEDS_SECOND_FACTOR.includes(g.role));
}

/**
 * Where a session stands:
 * - "secondFactor": the password was right, a code from the person's factor is still due;
 * - "enrol": the person's roles require a factor they have not set up: set-up page only;
 * - "complete": signed in.
 * Worked out on every request, so a role granted mid-session takes effect at once.
 */
export type SignInStage = "secondFactor" | "enrol" | "complete";

export function signInStage(
  actor: Actor,
  facts: {
    /** The person has a second factor set up. */
    hasSecondFactor: boolean;
    /** This session was started or confirmed with a code from it. */
    passedSecondFactor: boolean;
  },
): SignInStage {
  if (facts.hasSecondFactor) return facts.passedSecondFactor ? "complete" : "secondFactor";
  return requiresSecondFactor(actor) ? "enrol" : "complete";
}

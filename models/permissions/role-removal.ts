import { can } from "./can.ts";
import type { Actor, Role } from "./roles.ts";

/** A role held by someone in a trust, as stored (a membership). */
export interface HeldRole {
  userId: string;
  trustId: string;
  schoolId: string | null;
  role: Role;
}

export const OWN_LAST_ADMIN_ROLE =
  "You cannot remove your own last admin role: another trust admin must do it, so the trust is never left without one.";

/**
 * Why `actor` (who may manage the trust) may not take `removed` away, or null if they may.
 * Decided by `can`, not by role names: a removal that would leave the actor unable to manage
 * this trust any more is their own last admin role, and is refused.
 */
export function roleRemovalProblem(actor: Actor, removed: HeldRole): string | null {
  if (removed.userId !== actor.userId) return null;
  const remaining = actor.grants.filter(
    (g) =>
      !(
        g.role === removed.role &&
        g.trustId === removed.trustId &&
        (g.schoolId ?? null) === removed.schoolId
      ),
  );
  const trust = { type: "trust", trustId: removed.trustId } as const;
  return can({ ...actor, grants: remaining }, "manage", trust) ? null : OWN_LAST_ADMIN_ROLE;
}

import type { Grant } from "../permissions/roles.ts";

/**
 * Whether a person may validate a school's evaluation: they hold the validator role in the
 * school's trust and are not on the staff of that school (a validator never validates their own
 * school). Pure, so the assignment form and the server agree.
 */
export function canValidate(
  grants: Grant[],
  school: { id: string; trustId: string },
): { ok: true } | { ok: false; reason: string } {
  if (!grants.some((g) => g.role === "validator" && g.trustId === school.trustId)) {
    return { ok: false, reason: "is not a validator in this trust" };
  }
  if (grants.some((g) => g.schoolId === school.id)) {
    return { ok: false, reason: "works at this school, and nobody validates their own school" };
  }
  return { ok: true };
}

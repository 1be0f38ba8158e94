/** The roles a person holds in a trust or one of its schools (shared/DOMAIN.md). */
export const TRUST_ROLES = ["trustAdmin", "trustLeader", "validator"] as const;
export const SCHOOL_ROLES = ["schoolLeader", "schoolStaff"] as const;
export const ROLES = [...TRUST_ROLES, ...SCHOOL_ROLES] as const;

export type TrustRole = (typeof TRUST_ROLES)[number];
export type SchoolRole = (typeof SCHOOL_ROLES)[number];
export type Role = TrustRole | SchoolRole;

export const ROLE_LABELS: Record<Role, string> = {
  trustAdmin: "Trust admin",
  trustLeader: "Trust leader",
  validator: "Validator",
  schoolLeader: "School leader",
  schoolStaff: "School staff",
};

export function isSchoolRole(role: Role): role is SchoolRole {
  return (SCHOOL_ROLES as readonly string[]).includes(role);
}

/** A role held by a person: trust roles have no school; school roles always do. */
export type Grant =
  | { role: TrustRole; trustId: string; schoolId?: undefined }
  | { role: SchoolRole; trustId: string; schoolId: string };

/** Who is asking: the signed-in person and every role they hold. */
export interface Actor {
  userId: string;
  name: string;
  grants: Grant[];
  /**
   * Acting through a read-only credential (a read-only personal access token, ADR 019): may
   * read what the grants allow and change nothing. Absent for people signed in with a session.
   */
  readOnly?: boolean;
}

import { describe, expect, it } from "vitest";
import { OWN_LAST_ADMIN_ROLE, roleRemovalProblem } from "../../models/permissions/role-removal.ts";
import type { Actor } from "../../models/permissions/roles.ts";

const TRUST = "a".repeat(24);
const OTHER_TRUST = "b".repeat(24);
const SCHOOL = "c".repeat(24);
const ME = "e".repeat(24);
const SOMEONE = "f".repeat(24);

const admin = (extra: Actor["grants"] = []): Actor => ({
  userId: ME,
  name: "Priya Admin",
  grants: [{ role: "trustAdmin", trustId: TRUST }, ...extra],
});

describe("removing a role", () => {
  it("refuses a trust admin's own last admin role in that trust", () => {
    const removed = { userId: ME, trustId: TRUST, schoolId: null, role: "trustAdmin" } as const;
    expect(roleRemovalProblem(admin(), removed)).toBe(OWN_LAST_ADMIN_ROLE);
    // Another role that does not manage the trust does not keep them an admin.
    const alsoLeader = admin([{ role: "trustLeader", trustId: TRUST }]);
    expect(roleRemovalProblem(alsoLeader, removed)).toBe(OWN_LAST_ADMIN_ROLE);
    // Being an admin of another trust does not either.
    const elsewhere = admin([{ role: "trustAdmin", trustId: OTHER_TRUST }]);
    expect(roleRemovalProblem(elsewhere, removed)).toBe(OWN_LAST_ADMIN_ROLE);
  });

  it("lets an admin remove their other roles, and anyone else's, admin roles included", () => {
    const withStaff = admin([{ role: "schoolStaff", trustId: TRUST, schoolId: SCHOOL }]);
    expect(
      roleRemovalProblem(withStaff, {
        userId: ME,
        trustId: TRUST,
        schoolId: SCHOOL,
        role: "schoolStaff",
      }),
    ).toBeNull();
    expect(
      roleRemovalProblem(admin(), {
        userId: SOMEONE,
        trustId: TRUST,
        schoolId: null,
        role: "trustAdmin",
      }),
    ).toBeNull();
  });
});

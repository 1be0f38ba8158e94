import { describe, expect, it } from "vitest";
import type { Actor, Grant, Role } from "../../models/permissions/roles.ts";
import { requiresSecondFactor, signInStage } from "../../models/permissions/second-factor.ts";

const TRUST = "a".repeat(24);
const SCHOOL = "c".repeat(24);

function actorWith(...roles: Role[]): Actor {
  const grants = roles.map((role) =>
    ["schoolLeader", "schoolStaff"].includes(role)
      ? ({ role, trustId: TRUST, schoolId: SCHOOL } as Grant)
      : ({ role, trustId: TRUST } as Grant),
  );
  return { userId: "e".repeat(24), name: "Someone", grants };
}

describe("requiresSecondFactor", () => {
  const table: Record<Role, boolean> = {
    trustAdmin: true,
    trustLeader: true,
    validator: true,
    schoolLeader: false,
    schoolStaff: false,
  };
  for (const [role, required] of Object.entries(table)) {
    it(`${role}: ${required ? "required" : "optional"}`, () => {
      expect(requiresSecondFactor(actorWith(role as Role))).toBe(required);
    });
  }

  it("is required when any one of a person's roles needs it", () => {
    expect(requiresSecondFactor(actorWith("schoolLeader", "validator"))).toBe(true);
    expect(requiresSecondFactor(actorWith())).toBe(false);
  });
});

describe("signInStage", () => {
  const admin = actorWith("trustAdmin");
  const staff = actorWith("schoolStaff");

  it("asks anyone with a factor for a code until the session has passed it", () => {
    for (const actor of [admin, staff]) {
      expect(signInStage(actor, { hasSecondFactor: true, passedSecondFactor: false })).toBe(
        "secondFactor",
      );
      expect(signInStage(actor, { hasSecondFactor: true, passedSecondFactor: true })).toBe(
        "complete",
      );
    }
  });

  it("sends a person whose roles require a factor they lack to set one up, whatever the session", () => {
    expect(signInStage(admin, { hasSecondFactor: false, passedSecondFactor: false })).toBe("enrol");
    // e.g. their factor was reset while a session that had passed it lived on
    expect(signInStage(admin, { hasSecondFactor: false, passedSecondFactor: true })).toBe("enrol");
  });

  it("signs in a person with no factor whose roles do not require one on the password alone", () => {
    expect(signInStage(staff, { hasSecondFactor: false, passedSecondFactor: false })).toBe(
      "complete",
    );
  });
});

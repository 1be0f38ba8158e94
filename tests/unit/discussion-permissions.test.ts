import { describe, expect, it } from "vitest";
import { can, discussionAbilitiesOf, type Resource } from "../../models/permissions/can.ts";
import type { Actor, Grant, Role } from "../../models/permissions/roles.ts";

const TRUST = "a".repeat(24);
const OTHER_TRUST = "b".repeat(24);
const SCHOOL = "c".repeat(24);
const OTHER_SCHOOL = "d".repeat(24);
const ME = "e".repeat(24);

function actorWith(role: Role, schoolId = SCHOOL, trustId = TRUST): Actor {
  const grant = (
    ["schoolLeader", "schoolStaff"].includes(role) ? { role, trustId, schoolId } : { role, trustId }
  ) as Grant;
  return { userId: ME, name: "Someone", grants: [grant] };
}

const discussion = (
  validatorIds: string[] = [],
  schoolId = SCHOOL,
): Extract<Resource, { type: "discussion" }> => ({
  type: "discussion",
  trustId: TRUST,
  schoolId,
  validatorIds,
});

// role → [read, write] of the discussion on their own school's evaluation, with ME assigned as validator.
const TABLE: Record<Role, [boolean, boolean]> = {
  trustAdmin: [true, true],
  trustLeader: [true, false],
  validator: [true, true],
  schoolLeader: [true, true],
  schoolStaff: [true, true],
};

describe("can(): discussions", () => {
  for (const [role, [read, write]] of Object.entries(TABLE)) {
    it(`${role}: read ${read}, write ${write}`, () => {
      const actor = actorWith(role as Role);
      expect(can(actor, "read", discussion([ME]))).toBe(read);
      expect(can(actor, "write", discussion([ME]))).toBe(write);
    });
  }

  it("lets a validator comment without being able to write the evaluation itself", () => {
    const validator = actorWith("validator");
    expect(can(validator, "write", discussion([ME]))).toBe(true);
    expect(
      can(validator, "write", {
        type: "evaluation",
        trustId: TRUST,
        schoolId: SCHOOL,
        validatorIds: [ME],
      }),
    ).toBe(false);
  });

  it("gives validators nothing until they are assigned", () => {
    const validator = actorWith("validator");
    expect(can(validator, "read", discussion([]))).toBe(false);
    expect(can(validator, "write", discussion(["f".repeat(24)]))).toBe(false);
  });

  it("keeps other schools' staff out, and roles held in another trust", () => {
    for (const role of ["schoolLeader", "schoolStaff"] as Role[]) {
      expect(can(actorWith(role, OTHER_SCHOOL), "read", discussion([ME]))).toBe(false);
    }
    for (const role of Object.keys(TABLE) as Role[]) {
      const outsider = actorWith(role, OTHER_SCHOOL, OTHER_TRUST);
      expect(can(outsider, "read", discussion([ME]))).toBe(false);
      expect(can(outsider, "write", discussion([ME]))).toBe(false);
    }
  });

  it("lets the thread's starter, the school's leaders, assigned validators and trust admins resolve", () => {
    const someoneElse = "f".repeat(24);
    const resolvesOthers: Record<Role, boolean> = {
      trustAdmin: true,
      trustLeader: false,
      validator: true,
      schoolLeader: true,
      schoolStaff: false,
    };
    for (const [role, expected] of Object.entries(resolvesOthers)) {
      const actor = actorWith(role as Role);
      const thread = { ...discussion([ME]), threadStartedBy: someoneElse };
      expect(can(actor, "resolve", thread), role).toBe(expected);
      expect(discussionAbilitiesOf(actor, discussion([ME])).resolveAny, role).toBe(expected);
    }
    const staff = actorWith("schoolStaff");
    expect(can(staff, "resolve", { ...discussion([ME]), threadStartedBy: ME })).toBe(true);
    // Starting a thread is not enough once one may no longer comment at all.
    const leader = actorWith("trustLeader");
    expect(can(leader, "resolve", { ...discussion([ME]), threadStartedBy: ME })).toBe(false);
  });

  it("lets only a comment's author change or delete it, and only while they may comment", () => {
    const mine = { ...discussion([ME]), commentBy: ME };
    const theirs = { ...discussion([ME]), commentBy: "f".repeat(24) };
    for (const role of ["trustAdmin", "validator", "schoolLeader", "schoolStaff"] as Role[]) {
      expect(can(actorWith(role), "amend", mine), role).toBe(true);
      expect(can(actorWith(role), "amend", theirs), role).toBe(false);
    }
    expect(can(actorWith("trustLeader"), "amend", mine)).toBe(false);
    expect(can(actorWith("schoolStaff"), "amend", discussion([ME]))).toBe(false);
  });

  it("tells the page what to offer: comment, and resolve anyone's thread", () => {
    expect(discussionAbilitiesOf(actorWith("schoolStaff"), discussion([ME]))).toEqual({
      comment: true,
      resolveAny: false,
    });
    expect(discussionAbilitiesOf(actorWith("trustLeader"), discussion([ME]))).toEqual({
      comment: false,
      resolveAny: false,
    });
  });

  it("allows nothing beyond read and write, and nothing to a signed-out visitor", () => {
    expect(can(actorWith("trustAdmin"), "manage", discussion())).toBe(false);
    expect(can(actorWith("schoolLeader"), "submit", discussion())).toBe(false);
    expect(can(null, "read", discussion([ME]))).toBe(false);
  });
});

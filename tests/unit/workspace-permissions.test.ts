import { describe, expect, it } from "vitest";
import { can, roleAt, type Resource } from "../../models/permissions/can.ts";
import type { Actor, Grant, Role } from "../../models/permissions/roles.ts";

const TRUST = "a".repeat(24);
const OTHER_TRUST = "b".repeat(24);
const A = "c".repeat(24);
const B = "d".repeat(24);
const C = "f".repeat(24);
const ME = "e".repeat(24);

function actorWith(role: Role, schoolId = A, trustId = TRUST): Actor {
  const grant = (
    ["schoolLeader", "schoolStaff"].includes(role) ? { role, trustId, schoolId } : { role, trustId }
  ) as Grant;
  return { userId: ME, name: "Someone", grants: [grant] };
}

function workspace(
  options: { members?: string[]; statusA?: string; archived?: boolean; schoolId?: string } = {},
): Resource {
  return {
    type: "workspace",
    trustId: TRUST,
    schools: [
      { schoolId: A, status: options.statusA ?? "accepted", memberIds: options.members ?? [ME] },
      { schoolId: B, status: "invited", memberIds: [] },
    ],
    archived: options.archived ?? false,
    ...(options.schoolId ? { schoolId: options.schoolId } : {}),
  };
}

describe("can(): joint workspaces", () => {
  it("a member of a school taking part reads and writes; not once archived", () => {
    const staff = actorWith("schoolStaff");
    expect(can(staff, "read", workspace())).toBe(true);
    expect(can(staff, "write", workspace())).toBe(true);
    expect(can(staff, "read", workspace({ archived: true }))).toBe(true);
    expect(can(staff, "write", workspace({ archived: true }))).toBe(false);
  });

  it("staff of a school taking part who are not members, of another school, or another trust: nothing", () => {
    expect(can(actorWith("schoolStaff"), "read", workspace({ members: [] }))).toBe(false);
    expect(can(actorWith("schoolStaff", C), "read", workspace())).toBe(false);
    expect(can(actorWith("schoolStaff", A, OTHER_TRUST), "read", workspace())).toBe(false);
    // A member whose school was removed, or who no longer works there, loses it.
    expect(can(actorWith("schoolStaff"), "read", workspace({ statusA: "removed" }))).toBe(false);
    expect(can(actorWith("schoolStaff", C), "write", workspace())).toBe(false);
  });

  it("trust leaders and admins observe: read, never write", () => {
    for (const role of ["trustLeader", "trustAdmin"] as const) {
      expect(can(actorWith(role), "read", workspace({ members: [] }))).toBe(true);
      expect(can(actorWith(role), "write", workspace({ members: [] }))).toBe(false);
    }
    expect(can(actorWith("validator"), "read", workspace({ members: [] }))).toBe(false);
  });

  it("an invited school's leader sees it and answers for their school only", () => {
    const leaderB = actorWith("schoolLeader", B);
    expect(can(leaderB, "read", workspace({ members: [] }))).toBe(true);
    expect(can(leaderB, "write", workspace({ members: [] }))).toBe(false);
    expect(can(leaderB, "respond", workspace({ schoolId: B }))).toBe(true);
    expect(can(leaderB, "respond", workspace({ schoolId: A }))).toBe(false);
    expect(can(actorWith("schoolLeader"), "respond", workspace({ schoolId: B }))).toBe(false);
    expect(can(actorWith("schoolStaff", B), "respond", workspace({ schoolId: B }))).toBe(false);
  });

  it("leaders choose their own school's members; admins and leaders remove schools and archive", () => {
    const leaderA = actorWith("schoolLeader");
    expect(can(leaderA, "chooseMembers", workspace({ schoolId: A }))).toBe(true);
    expect(can(leaderA, "chooseMembers", workspace({ schoolId: B }))).toBe(false);
    expect(can(actorWith("trustAdmin"), "chooseMembers", workspace({ schoolId: A }))).toBe(false);
    expect(can(actorWith("trustAdmin"), "removeSchool", workspace({ schoolId: B }))).toBe(true);
    expect(can(leaderA, "removeSchool", workspace({ schoolId: B }))).toBe(false);
    expect(can(leaderA, "archive", workspace())).toBe(true);
    expect(can(actorWith("trustLeader"), "archive", workspace())).toBe(false);
    expect(can(leaderA, "chooseMembers", workspace({ schoolId: A, archived: true }))).toBe(false);
  });

  it("starting one: trust admins for the trust, school leaders for their own school", () => {
    expect(can(actorWith("trustAdmin"), "startWorkspace", { type: "trust", trustId: TRUST })).toBe(
      true,
    );
    expect(can(actorWith("trustLeader"), "startWorkspace", { type: "trust", trustId: TRUST })).toBe(
      false,
    );
    const school = (schoolId: string): Resource => ({ type: "school", trustId: TRUST, schoolId });
    expect(can(actorWith("schoolLeader"), "startWorkspace", school(A))).toBe(true);
    expect(can(actorWith("schoolLeader"), "startWorkspace", school(B))).toBe(false);
    expect(can(actorWith("schoolStaff"), "startWorkspace", school(A))).toBe(false);
  });

  it("shows a member with their role at their own school", () => {
    expect(roleAt(actorWith("schoolStaff"), workspace())).toBe("schoolStaff");
    expect(roleAt(actorWith("trustLeader"), workspace())).toBe("trustLeader");
  });
});

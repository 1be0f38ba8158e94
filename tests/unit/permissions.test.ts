import { describe, expect, it } from "vitest";
import { can, type Action, type Resource } from "../../models/permissions/can.ts";
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

const evaluation = (schoolId: string, validatorIds: string[] = [], trustId = TRUST): Resource => ({
  type: "evaluation",
  trustId,
  schoolId,
  validatorIds,
});

const evaluationOf = (...args: Parameters<typeof evaluation>) =>
  evaluation(...args) as Extract<Resource, { type: "evaluation" }>;

// role → [read own school's evaluation, write own, read other school's, write other's]
const EVALUATION_TABLE: Record<Role, [boolean, boolean, boolean, boolean]> = {
  trustAdmin: [true, false, true, false],
  trustLeader: [true, false, true, false],
  validator: [false, false, false, false],
  schoolLeader: [true, true, false, false],
  schoolStaff: [true, true, false, false],
};

describe("can(): evaluations", () => {
  for (const [role, [readOwn, writeOwn, readOther, writeOther]] of Object.entries(
    EVALUATION_TABLE,
  )) {
    it(`${role}: read own ${readOwn}, write own ${writeOwn}, read other ${readOther}, write other ${writeOther}`, () => {
      const actor = actorWith(role as Role);
      expect(can(actor, "read", evaluation(SCHOOL))).toBe(readOwn);
      expect(can(actor, "write", evaluation(SCHOOL))).toBe(writeOwn);
      expect(can(actor, "read", evaluation(OTHER_SCHOOL))).toBe(readOther);
      expect(can(actor, "write", evaluation(OTHER_SCHOOL))).toBe(writeOther);
    });
  }

  it("lets an assigned validator read, never write", () => {
    const validator = actorWith("validator");
    expect(can(validator, "read", evaluation(OTHER_SCHOOL, [ME]))).toBe(true);
    expect(can(validator, "write", evaluation(OTHER_SCHOOL, [ME]))).toBe(false);
  });

  it("gives nothing to roles held in another trust", () => {
    for (const role of Object.keys(EVALUATION_TABLE) as Role[]) {
      const outsider = actorWith(role, OTHER_SCHOOL, OTHER_TRUST);
      expect(can(outsider, "read", evaluation(SCHOOL, [ME]))).toBe(false);
      expect(can(outsider, "write", evaluation(SCHOOL))).toBe(false);
    }
  });

  // The collab server reads an evaluation's contributors only for someone who may not read it
  // without them (models/permissions/loaders.ts, ADR 049): that holds while being invited only
  // ever adds to what a person may read or write.
  it("lets an invitation only add to what a person may read or write", () => {
    const kinds = ["qualityMark", "schoolSelfEvaluation", "trustSelfReview"] as const;
    for (const role of Object.keys(EVALUATION_TABLE) as Role[]) {
      for (const [schoolId, trustId] of [
        [SCHOOL, TRUST],
        [OTHER_SCHOOL, TRUST],
        [SCHOOL, OTHER_TRUST],
      ]) {
        for (const frameworkKind of kinds) {
          for (const validatorIds of [[], [ME]]) {
            const actor = actorWith(role, SCHOOL, TRUST);
            const base = { ...evaluationOf(schoolId, validatorIds, trustId), frameworkKind };
            for (const action of ["read", "write"] as Action[]) {
              const without = can(actor, action, { ...base, contributorIds: [] });
              const invited = can(actor, action, { ...base, contributorIds: [ME] });
              const others = can(actor, action, { ...base, contributorIds: ["f".repeat(24)] });
              expect(others).toBe(without);
              if (without) expect(invited).toBe(true);
            }
          }
        }
      }
    }
    // And it does add: someone of another school may read an evaluation they were invited to.
    const invitee = actorWith("schoolStaff", OTHER_SCHOOL);
    expect(can(invitee, "read", { ...evaluationOf(SCHOOL), contributorIds: [] })).toBe(false);
    expect(can(invitee, "read", { ...evaluationOf(SCHOOL), contributorIds: [ME] })).toBe(true);
  });

  it("refuses everything to a signed-out visitor", () => {
    for (const action of ["read", "write", "manage", "startEvaluation"] as Action[]) {
      expect(can(null, action, evaluation(SCHOOL))).toBe(false);
      expect(can(null, action, { type: "trust", trustId: TRUST })).toBe(false);
    }
  });
});

describe("can(): a read-only credential (a read-only access token, ADR 019)", () => {
  it("may look at what the grants allow, and change nothing", () => {
    const leader = { ...actorWith("schoolLeader"), readOnly: true };
    expect(can(leader, "read", evaluation(SCHOOL))).toBe(true);
    for (const action of [
      "write",
      "submit",
      "invite",
      "contribute",
      "startEvaluation",
    ] as Action[]) {
      expect(can(leader, action, evaluation(SCHOOL))).toBe(false);
    }
    expect(can(leader, "read", evaluation(OTHER_SCHOOL))).toBe(false);
    const admin = { ...actorWith("trustAdmin"), readOnly: true };
    expect(can(admin, "oversee", { type: "trust", trustId: TRUST })).toBe(true);
    expect(can(admin, "manage", { type: "trust", trustId: TRUST })).toBe(false);
    expect(can(admin, "write", { type: "framework", trustId: TRUST })).toBe(false);
  });
});

describe("can(): schools and trusts", () => {
  const school: Resource = { type: "school", trustId: TRUST, schoolId: SCHOOL };
  const otherSchool: Resource = { type: "school", trustId: TRUST, schoolId: OTHER_SCHOOL };
  const trust: Resource = { type: "trust", trustId: TRUST };

  it.each([
    ["trustAdmin", true, true, false, true],
    ["trustLeader", true, true, false, false],
    ["validator", false, false, false, false],
    ["schoolLeader", true, false, true, false],
    ["schoolStaff", true, false, false, false],
  ] as const)(
    "%s: read own school %s, read other school %s, start evaluation %s, manage trust %s",
    (role, readOwn, readOther, start, manage) => {
      const actor = actorWith(role);
      expect(can(actor, "read", school)).toBe(readOwn);
      expect(can(actor, "read", otherSchool)).toBe(readOther);
      expect(can(actor, "startEvaluation", school)).toBe(start);
      expect(can(actor, "startEvaluation", otherSchool)).toBe(false);
      expect(can(actor, "manage", trust)).toBe(manage);
      expect(can(actor, "read", trust)).toBe(true);
    },
  );
});

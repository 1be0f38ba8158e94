import { describe, expect, it } from "vitest";
import { can, type Resource } from "../../models/permissions/can.ts";
import type { Actor, Grant, Role } from "../../models/permissions/roles.ts";
import { defaultAgenda, meetingHasStarted } from "../../models/validation/meeting.ts";

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

const meeting = (validatorIds: string[] = [ME], schoolId = SCHOOL, trustId = TRUST): Resource => ({
  type: "meeting",
  trustId,
  schoolId,
  validatorIds,
});

// role → [read, write, schedule] for a meeting of their own school (validators: assigned)
const TABLE: Record<Role, [boolean, boolean, boolean]> = {
  trustAdmin: [true, false, false],
  trustLeader: [true, false, false],
  validator: [true, true, true],
  schoolLeader: [true, true, false],
  schoolStaff: [true, true, false],
};

describe("can(): meetings", () => {
  for (const [role, [read, write, schedule]] of Object.entries(TABLE)) {
    it(`${role}: read ${read}, write ${write}, schedule ${schedule}`, () => {
      const actor = actorWith(role as Role);
      expect(can(actor, "read", meeting())).toBe(read);
      expect(can(actor, "write", meeting())).toBe(write);
      expect(can(actor, "schedule", meeting())).toBe(schedule);
    });
  }

  it("makes trust leaders and admins observers of any meeting in their trust, never participants", () => {
    for (const role of ["trustAdmin", "trustLeader"] as const) {
      const actor = actorWith(role);
      expect(can(actor, "read", meeting([], OTHER_SCHOOL))).toBe(true);
      expect(can(actor, "write", meeting([], OTHER_SCHOOL))).toBe(false);
      // Even when (wrongly) listed among the validators, an observer stays an observer.
      expect(can(actor, "write", meeting([ME], OTHER_SCHOOL))).toBe(false);
    }
  });

  it("keeps validators who are not assigned out", () => {
    const validator = actorWith("validator");
    expect(can(validator, "read", meeting([]))).toBe(false);
    expect(can(validator, "write", meeting([]))).toBe(false);
    expect(can(validator, "schedule", meeting([]))).toBe(false);
  });

  it("keeps another school's team out", () => {
    for (const role of ["schoolLeader", "schoolStaff"] as const) {
      const actor = actorWith(role, OTHER_SCHOOL);
      expect(can(actor, "read", meeting())).toBe(false);
      expect(can(actor, "write", meeting())).toBe(false);
    }
  });

  it("keeps other trusts out entirely", () => {
    for (const role of ["trustAdmin", "trustLeader", "validator"] as const) {
      const actor = actorWith(role, SCHOOL, OTHER_TRUST);
      expect(can(actor, "read", meeting())).toBe(false);
      expect(can(actor, "write", meeting())).toBe(false);
      expect(can(actor, "schedule", meeting())).toBe(false);
    }
  });

  it("refuses anyone signed out and actions a meeting does not have", () => {
    expect(can(null, "read", meeting())).toBe(false);
    expect(can(actorWith("validator"), "agree", meeting())).toBe(false);
    expect(can(actorWith("trustAdmin"), "manage", meeting())).toBe(false);
  });

  it("does not let a school member who is also assigned as validator schedule their own school's meeting", () => {
    const both: Actor = {
      userId: ME,
      name: "Both",
      grants: [
        { role: "validator", trustId: TRUST },
        { role: "schoolLeader", trustId: TRUST, schoolId: SCHOOL },
      ],
    };
    expect(can(both, "schedule", meeting())).toBe(false);
  });
});

describe("provisional judgements and the agenda", () => {
  const start = new Date("2026-03-02T10:00:00Z");

  const atMeeting = (now: Date, scheduledAt: Date | null): Resource => ({
    type: "meeting",
    trustId: TRUST,
    schoolId: SCHOOL,
    validatorIds: [ME],
    started: meetingHasStarted(scheduledAt ? { scheduledAt } : null, now),
  });

  it("shows the school provisional judgements only from the meeting's start", () => {
    for (const role of ["schoolLeader", "schoolStaff"] as Role[]) {
      const person = actorWith(role);
      expect(can(person, "readProvisional", atMeeting(start, null))).toBe(false);
      expect(
        can(person, "readProvisional", atMeeting(new Date("2026-03-02T09:59:59Z"), start)),
      ).toBe(false);
      expect(can(person, "readProvisional", atMeeting(start, start))).toBe(true);
    }
  });

  it("always shows them to the assigned validators and trust oversight, never to others", () => {
    const before = atMeeting(start, null);
    expect(can(actorWith("validator"), "readProvisional", before)).toBe(true);
    expect(can(actorWith("trustAdmin"), "readProvisional", before)).toBe(true);
    expect(can(actorWith("trustLeader"), "readProvisional", before)).toBe(true);
    const unassigned = { ...actorWith("validator"), userId: "f".repeat(24) };
    expect(can(unassigned, "readProvisional", atMeeting(start, start))).toBe(false);
    const otherSchool = actorWith("schoolStaff", OTHER_SCHOOL);
    expect(can(otherSchool, "readProvisional", atMeeting(start, start))).toBe(false);
  });

  it("puts on the agenda, in order, the criteria where a provisional judgement differs from the school's", () => {
    const agenda = defaultAgenda(
      ["c1", "c2", "c3", "c4"],
      { c1: "good", c2: "good", c3: "strong" },
      [
        { criterionId: "c3", level: "good" },
        { criterionId: "c1", level: "good" },
        { criterionId: "c4", level: "good" },
      ],
    );
    expect(agenda).toEqual(["c3", "c4"]);
  });
});

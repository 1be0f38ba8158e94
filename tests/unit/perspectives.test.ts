import { describe, expect, it } from "vitest";
import { can } from "../../models/permissions/can.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { range, spreadOf } from "../../models/perspective/spread.ts";

const LEVELS = ["emerging", "developing", "embedded", "mastery"];

describe("spreadOf", () => {
  it("counts each level in scale order, keeping empty levels, with who chose it", () => {
    const perspectives = { a: "trustee", b: "centralTeam", c: "executiveLeader" } as const;
    const spread = spreadOf(
      LEVELS,
      [
        { userId: "a", level: "embedded" },
        { userId: "b", level: "developing" },
        { userId: "c", level: "embedded" },
      ],
      (id) => perspectives[id as keyof typeof perspectives],
    );
    expect(spread).toEqual([
      { level: "emerging", count: 0, perspectives: [] },
      { level: "developing", count: 1, perspectives: ["centralTeam"] },
      { level: "embedded", count: 2, perspectives: ["trustee", "executiveLeader"] },
      { level: "mastery", count: 0, perspectives: [] },
    ]);
  });

  it("measures how far apart views are", () => {
    expect(range(LEVELS, ["developing", "mastery", "embedded"])).toBe(2);
    expect(range(LEVELS, ["embedded", "embedded"])).toBe(0);
    expect(range(LEVELS, [])).toBe(0);
  });
});

describe("can(): perspectives", () => {
  const T = "t".repeat(24);
  const S = "s".repeat(24);
  const actor = (grants: Actor["grants"], userId = "u".repeat(24)): Actor => ({
    userId,
    name: "x",
    grants,
  });
  const evaluation = (over: object = {}) => ({
    type: "evaluation" as const,
    trustId: T,
    schoolId: S,
    contributorIds: ["c".repeat(24)],
    ...over,
  });

  it("lets the school's leaders invite; trust admins only for a trust self-review", () => {
    expect(
      can(actor([{ role: "schoolLeader", trustId: T, schoolId: S }]), "invite", evaluation()),
    ).toBe(true);
    expect(
      can(actor([{ role: "schoolStaff", trustId: T, schoolId: S }]), "invite", evaluation()),
    ).toBe(false);
    expect(can(actor([{ role: "trustAdmin", trustId: T }]), "invite", evaluation())).toBe(false);
    expect(
      can(
        actor([{ role: "trustAdmin", trustId: T }]),
        "invite",
        evaluation({ frameworkKind: "trustSelfReview" }),
      ),
    ).toBe(true);
  });

  it("lets invited contributors read and contribute, but not write the document", () => {
    const contributor = actor(
      [{ role: "schoolStaff", trustId: T, schoolId: "o".repeat(24) }],
      "c".repeat(24),
    );
    expect(can(contributor, "read", evaluation())).toBe(true);
    expect(can(contributor, "contribute", evaluation())).toBe(true);
    expect(can(contributor, "write", evaluation())).toBe(false);
    const stranger = actor([{ role: "schoolStaff", trustId: T, schoolId: "o".repeat(24) }]);
    expect(can(stranger, "read", evaluation())).toBe(false);
    expect(can(stranger, "contribute", evaluation())).toBe(false);
  });
});

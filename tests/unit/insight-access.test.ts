import { describe, expect, it } from "vitest";
import { choiceSearch, queryOf } from "../../models/insight/query.ts";
import { can, navigationOf } from "../../models/permissions/can.ts";
import type { Actor, Grant, Role } from "../../models/permissions/roles.ts";
import { capacityOf, parseSegment } from "../../server/insight/views.ts";

const TRUST = "a".repeat(24);
const OTHER_TRUST = "b".repeat(24);
const SCHOOL = "c".repeat(24);
const OTHER_SCHOOL = "d".repeat(24);

function actorWith(role: Role, trustId = TRUST): Actor {
  const grant = (
    ["schoolLeader", "schoolStaff"].includes(role)
      ? { role, trustId, schoolId: SCHOOL }
      : { role, trustId }
  ) as Grant;
  return { userId: "e".repeat(24), name: "Someone", grants: [grant] };
}

const school = (schoolId: string, trustId = TRUST) =>
  ({ type: "school", trustId, schoolId }) as const;

describe("who may see insight", () => {
  // role → [trust-wide views (oversee), own school's place, another school's place, Insight in nav]
  const TABLE: Record<Role, [boolean, boolean, boolean, boolean]> = {
    trustAdmin: [true, true, true, true],
    trustLeader: [true, true, true, true],
    validator: [false, false, false, false],
    schoolLeader: [false, true, false, true],
    schoolStaff: [false, true, false, true],
  };
  for (const [role, [oversee, own, other, nav]] of Object.entries(TABLE)) {
    it(`${role}: trust-wide ${oversee}, own place ${own}, another school's ${other}, navigation ${nav}`, () => {
      const actor = actorWith(role as Role);
      expect(can(actor, "oversee", { type: "trust", trustId: TRUST })).toBe(oversee);
      expect(can(actor, "compare", school(SCHOOL))).toBe(own);
      expect(can(actor, "compare", school(OTHER_SCHOOL))).toBe(other);
      expect(navigationOf(actor).insight).toBe(nav);
    });
  }

  it("gives nothing in another trust", () => {
    for (const role of ["trustAdmin", "trustLeader"] as Role[]) {
      const actor = actorWith(role, OTHER_TRUST);
      expect(can(actor, "oversee", { type: "trust", trustId: TRUST })).toBe(false);
      expect(can(actor, "compare", school(SCHOOL))).toBe(false);
    }
    const elsewhere: Actor = {
      userId: "e".repeat(24),
      name: "Someone",
      grants: [{ role: "schoolLeader", trustId: OTHER_TRUST, schoolId: OTHER_SCHOOL }],
    };
    expect(can(elsewhere, "compare", school(SCHOOL))).toBe(false);
    expect(can(elsewhere, "oversee", { type: "trust", trustId: TRUST })).toBe(false);
  });
});

describe("the choice in the URL", () => {
  it("reads framework, cycle and source, defaulting to the latest judgements", () => {
    expect(queryOf(new URL("http://x/insight"))).toEqual({
      frameworkId: null,
      cycleId: null,
      source: "latest",
    });
    expect(queryOf(new URL("http://x/insight?framework=f1&cycle=&source=self"))).toEqual({
      frameworkId: "f1",
      cycleId: "",
      source: "self",
    });
    expect(queryOf(new URL("http://x/insight?source=<script>")).source).toBe("latest");
  });

  it("keeps the choice and extra fields in links, leaving empty ones out", () => {
    const search = choiceSearch(
      { frameworkId: "f1", cycleId: "c1", source: "agreed" },
      { area: "inclusion", phase: null, e: ["x", "y"] },
    );
    expect(search).toBe("?framework=f1&cycle=c1&source=agreed&area=inclusion&e=x&e=y");
    expect(queryOf(new URL(`http://x/insight${search}`))).toEqual({
      frameworkId: "f1",
      cycleId: "c1",
      source: "agreed",
    });
  });

  it("reads an opened Stack segment, and a centre's capacity within 1 to 10", () => {
    expect(parseSegment("incl-1|needs-attention")).toEqual({
      rowId: "incl-1",
      levelKey: "needs-attention",
    });
    expect(parseSegment("nonsense")).toBeNull();
    expect(parseSegment(null)).toBeNull();
    expect(capacityOf(new URL("http://x/?capacity=4"))).toBe(4);
    expect(capacityOf(new URL("http://x/?capacity=0"))).toBe(2);
    expect(capacityOf(new URL("http://x/?capacity=11"))).toBe(2);
    expect(capacityOf(new URL("http://x/?capacity=2.5"))).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { applicableAreas, criteriaOf } from "../../models/framework/applicable.ts";
import { ofsted2025SelfEvaluation } from "../../models/framework/starters/ofsted-2025.ts";
import type { School } from "../../models/school/school.ts";

const school = (hasEarlyYears: boolean, hasSixthForm: boolean): School => ({
  id: "s".repeat(24),
  trustId: "t".repeat(24),
  name: "A school",
  urn: null,
  phase: "primary",
  hasEarlyYears,
  hasSixthForm,
});

describe("applicableAreas", () => {
  it("includes early years and sixth form only where the school has them", () => {
    const ids = (s: School) => applicableAreas(ofsted2025SelfEvaluation, s).map((a) => a.id);
    expect(ids(school(false, false))).not.toContain("early-years");
    expect(ids(school(false, false))).not.toContain("sixth-form");
    expect(ids(school(true, false))).toContain("early-years");
    expect(ids(school(true, false))).not.toContain("sixth-form");
    expect(ids(school(false, true))).toContain("sixth-form");
    expect(ids(school(true, true))).toHaveLength(9);
    expect(ids(school(false, false))).toHaveLength(7);
  });

  it("keeps criterion ids unique across the framework", () => {
    const all = criteriaOf(ofsted2025SelfEvaluation.areas).map((c) => c.id);
    expect(new Set(all).size).toBe(all.length);
  });
});

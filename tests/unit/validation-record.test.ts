import { describe, expect, it } from "vitest";
import { eligibleToValidate as canValidate } from "../../models/permissions/can.ts";
import {
  confirmedJudgements,
  expiryFrom,
  recordState,
  type RecordEntry,
} from "../../models/validation/record-state.ts";

const at = "2027-01-01T10:00:00Z";

describe("recordState", () => {
  it("keeps the latest agreement per criterion, its confirmation, and the history of corrections", () => {
    const entries: RecordEntry[] = [
      { seq: 1, kind: "agreed", criterionId: "a", level: "strong", rationale: "r1", by: "v", at },
      { seq: 2, kind: "confirmed", criterionId: "a", agreedSeq: 1, by: "h", at },
      { seq: 3, kind: "agreed", criterionId: "a", level: "expected", rationale: "r2", by: "v", at },
      { seq: 4, kind: "agreed", criterionId: "b", level: "met", rationale: "r3", by: "v", at },
      { seq: 5, kind: "confirmed", criterionId: "b", agreedSeq: 4, by: "h", at },
    ];
    const state = recordState(entries);
    expect(state.agreed.a).toMatchObject({
      level: "expected",
      confirmedBy: null,
      history: [{ level: "strong", seq: 1 }],
    });
    expect(state.agreed.b.confirmedBy).toBe("h");
    // Who and when, for "Confirmed by Sam Taylor, 14:05".
    expect(state.agreed.b.confirmedAt).toBe(at);
    expect(state.agreed.a.confirmedAt).toBeNull();
    // Only confirmed agreements count towards the rule.
    expect(confirmedJudgements(state)).toEqual({ b: "met" });
  });

  it("ignores a confirmation of an agreement that has since been corrected", () => {
    const state = recordState([
      { seq: 1, kind: "agreed", criterionId: "a", level: "strong", rationale: "r", by: "v", at },
      { seq: 2, kind: "agreed", criterionId: "a", level: "expected", rationale: "r", by: "v", at },
      { seq: 3, kind: "confirmed", criterionId: "a", agreedSeq: 1, by: "h", at },
    ]);
    expect(state.agreed.a.confirmedBy).toBeNull();
  });

  it("keeps corrected outcomes in the history", () => {
    const outcome = (seq: number, result: "accredited" | "deferred") =>
      ({
        seq,
        kind: "outcome",
        result,
        tier: null,
        startDate: null,
        expiryDate: null,
        mustImprove: "",
        conditions: "",
        reviewDate: null,
        reason: "",
        by: "v",
        at,
      }) as const;
    const state = recordState([outcome(1, "deferred"), outcome(2, "accredited")]);
    expect(state.outcome?.result).toBe("accredited");
    expect(state.outcomeHistory.map((o) => o.result)).toEqual(["deferred"]);
  });
});

describe("expiryFrom", () => {
  it("adds the validity in months, clamping to the end of a shorter month", () => {
    expect(expiryFrom("2027-01-15", 36)).toBe("2030-01-15");
    expect(expiryFrom("2028-02-29", 12)).toBe("2029-02-28");
    expect(expiryFrom("2027-08-31", 6)).toBe("2028-02-29");
  });
});

describe("canValidate", () => {
  const school = { id: "s1", trustId: "t1" };
  it("needs the validator role in the school's trust, and no post at the school", () => {
    expect(canValidate([{ role: "validator", trustId: "t1" }], school)).toEqual({ ok: true });
    expect(canValidate([{ role: "validator", trustId: "t2" }], school).ok).toBe(false);
    expect(
      canValidate(
        [
          { role: "validator", trustId: "t1" },
          { role: "schoolLeader", trustId: "t1", schoolId: "s1" },
        ],
        school,
      ),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("own school") });
  });
});

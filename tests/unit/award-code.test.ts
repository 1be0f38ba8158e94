import { describe, expect, it } from "vitest";
import { standingOf } from "../../app/award.server.ts";
import {
  findAwardByCode,
  inRenewalWindow,
  newVerificationCode,
  normaliseCode,
  type Award,
} from "../../models/award/award.ts";
import { longDate, sanitiseForFont } from "../../models/award/pdf.ts";

const FORMAT = /^QM-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

describe("verification codes", () => {
  it("are QM and three groups of four, never with look-alike characters, and differ every time", () => {
    const codes = Array.from({ length: 500 }, () => newVerificationCode());
    for (const code of codes) expect(code).toMatch(FORMAT);
    expect(codes.join("")).not.toMatch(/[01OIL]/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("are recognised however a person types them", () => {
    const code = "QM-7KD4-P2XQ-9M3H";
    for (const typed of [
      "qm-7kd4-p2xq-9m3h",
      " QM 7KD4 P2XQ 9M3H ",
      "7KD4-P2XQ-9M3H",
      "7kd4p2xq9m3h",
      "QM–7KD4–P2XQ–9M3H",
      "QM.7KD4.P2XQ.9M3H",
    ]) {
      expect(normaliseCode(typed), typed).toBe(code);
    }
    const fresh = newVerificationCode();
    expect(normaliseCode(fresh)).toBe(fresh);
    expect(normaliseCode(fresh.toLowerCase().replaceAll("-", " "))).toBe(fresh);
  });

  it("refuses wrong lengths and junk, so they never reach the database", async () => {
    for (const forged of [
      "",
      "QM",
      "QM-7KD4-P2XQ-9M3",
      "QM-7KD4-P2XQ-9M3HX",
      "QM-7KD4-P2XQ-9M3H-7KD4",
      "7KD4-P2XQ",
      "<script>",
      "QM-😀😀😀😀-P2XQ-9M3H",
    ]) {
      expect(normaliseCode(forged), forged).toBe("");
      // No database is connected in unit tests: a lookup that tried one would hang, not return.
      expect(await findAwardByCode(forged), forged).toBeNull();
    }
  });

  it("change completely when one character is altered (a forged code matches no award)", () => {
    const code = newVerificationCode();
    const last = code.at(-1)!;
    const altered = code.slice(0, -1) + (last === "Z" ? "Y" : "Z");
    expect(normaliseCode(altered)).toBe(altered);
    expect(normaliseCode(altered)).not.toBe(code);
  });
});

describe("what a certificate states", () => {
  it("writes dates in full, in English, without shifting them across time zones", () => {
    expect(longDate("2027-01-15")).toBe("15 January 2027");
    expect(longDate("2026-12-01")).toBe("1 December 2026");
    expect(longDate("not a date")).toBe("not a date");
  });

  it("keeps every character the PDF font has and degrades the rest, never failing", () => {
    const winAnsi = new Set([
      ...Array.from({ length: 95 }, (_, i) => 32 + i),
      ..."–—‘’“”…€£éèçñüöÀÉŠŽœ".split("").map((c) => c.codePointAt(0)!),
    ]);
    expect(sanitiseForFont("St Mary’s C of E – “Outstanding” £5 …", winAnsi)).toBe(
      "St Mary’s C of E – “Outstanding” £5 …",
    );
    expect(sanitiseForFont("Łódź Ślęża Academy", winAnsi)).toBe("Lodz Sleza Academy");
    expect(sanitiseForFont("Rainbow 🌈 School 👩‍🏫", winAnsi)).toBe("Rainbow School");
    expect(sanitiseForFont("Ἀθῆναι Academy", winAnsi)).toBe("?????? Academy");
    expect(sanitiseForFont("Line\nbreak\ttab\u0000null\u00a0nbsp", winAnsi)).toBe(
      "Line break tab null nbsp",
    );
    expect(sanitiseForFont("Ａｃａｄｅｍｙ ﬁeld", winAnsi)).toBe("Academy field");
  });
});

describe("an award's standing", () => {
  const award = (overrides: Partial<Award> = {}): Award => ({
    id: "a1",
    trustId: "t",
    schoolId: "s",
    evaluationId: "e",
    validationId: "v",
    frameworkId: "f",
    frameworkName: "Inclusion Excellence",
    frameworkVersion: 1,
    tier: null,
    startDate: "2024-03-01",
    expiryDate: "2027-03-01",
    code: "QM-7KD4-P2XQ-9M3H",
    superseded: false,
    createdAt: new Date("2024-03-01"),
    ...overrides,
  });

  it("is current, then renewal due in the last 3 months, then expired the day after expiry", () => {
    const mid = award({ startDate: "2024-04-15", expiryDate: "2027-04-15" });
    expect(standingOf(mid, [mid], "2027-01-14")).toBe("current");
    expect(standingOf(mid, [mid], "2027-01-15")).toBe("renewalDue");
    expect(standingOf(mid, [mid], "2027-04-15")).toBe("renewalDue");
    expect(standingOf(mid, [mid], "2027-04-16")).toBe("expired");
  });

  it("is superseded by a corrected outcome, or once the school's next award for the mark has started", () => {
    expect(standingOf(award({ superseded: true }), [], "2025-01-01")).toBe("superseded");
    const next = award({
      id: "a2",
      startDate: "2027-02-01",
      expiryDate: "2030-02-01",
      createdAt: new Date("2027-01-20"),
    });
    expect(standingOf(award(), [award(), next], "2027-01-25")).toBe("current");
    expect(standingOf(award(), [award(), next], "2027-02-01")).toBe("superseded");
    expect(standingOf(next, [award(), next], "2027-02-01")).toBe("current");
    const otherMark = award({ id: "a3", frameworkId: "g", startDate: "2026-01-01" });
    expect(standingOf(award(), [award(), otherMark], "2027-01-25")).toBe("renewalDue");
  });
});

describe("award edge cases", () => {
  it("keeps the renewal window to three calendar months at month ends", () => {
    expect(inRenewalWindow({ expiryDate: "2027-02-28" }, "2026-11-30")).toBe(true);
    expect(inRenewalWindow({ expiryDate: "2027-03-01" }, "2026-11-30")).toBe(false);
  });
  it("reads a bare code that itself starts with QM", () => {
    expect(normaliseCode("qmab-cdef-2345")).toBe("QM-QMAB-CDEF-2345");
    expect(normaliseCode("QM-QMAB-CDEF-2345")).toBe("QM-QMAB-CDEF-2345");
  });
});

import { describe, expect, it } from "vitest";
import {
  decodeEntries,
  encodeEntries,
  type SummaryEntry,
} from "../../models/insight/summary-store.ts";

const full: SummaryEntry = {
  schoolId: "64b000000000000000000001",
  schoolName: "Oakfield Primary",
  phase: "primary",
  cycleId: "64b000000000000000000002",
  frameworkVersionId: "64b000000000000000000003",
  status: "submitted",
  createdAt: Date.UTC(2026, 8, 1),
  awarded: true,
  self: { "incl-1": "strong", "incl-2": "needs-attention", "sg-1": "met" },
  selfAt: Date.UTC(2026, 9, 1),
  agreed: { "incl-1": "expected" },
  agreedAt: Date.UTC(2027, 2, 3),
  agreedEntries: 2,
};
/** Written by a judgement before any rebuild: no header yet, nothing agreed. */
const judgementOnly: SummaryEntry = {
  self: { "incl-3": "exceptional" },
  selfAt: 5,
  agreed: {},
  agreedAt: null,
  agreedEntries: 0,
};

describe("the insight summary's stored form", () => {
  it("gives back exactly the entries it was given", () => {
    const entries = { a: full, b: judgementOnly, c: { ...full, awarded: false, cycleId: null } };
    expect(decodeEntries(encodeEntries(entries))).toEqual(entries);
    expect(decodeEntries(encodeEntries({}))).toEqual({});
  });

  it("writes each criterion's level as one character, far smaller than the maps", () => {
    const criteria = Array.from({ length: 45 }, (_, i) => `criterion-${i}`);
    const levels = ["urgent-improvement", "needs-attention", "expected", "strong", "exceptional"];
    const entries = Object.fromEntries(
      Array.from({ length: 200 }, (_, s) => [
        `school-${s}`,
        {
          ...full,
          self: Object.fromEntries(criteria.map((c, i) => [c, levels[(s + i) % 5]])),
          agreed: Object.fromEntries(criteria.map((c, i) => [c, levels[(s * i) % 5]])),
        },
      ]),
    );
    const encoded = encodeEntries(entries);
    expect(decodeEntries(encoded)).toEqual(entries);
    expect(encoded.length * 4).toBeLessThan(JSON.stringify(entries).length);
  });

  it("keeps the maps as they are when there are more level keys than characters", () => {
    const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`c${i}`, `level-${i}`]));
    const entries = { a: { ...judgementOnly, self: many } };
    expect(decodeEntries(encodeEntries(entries))).toEqual(entries);
  });
});

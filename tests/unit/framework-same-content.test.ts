import { describe, expect, it } from "vitest";
import { contentFingerprint, sameContent } from "../../models/framework/same-content.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { inclusionExcellence } from "../../models/framework/starters/quality-marks.ts";

const copy = () => structuredClone(inclusionExcellence);

/** The same content with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    ) as T;
  return value;
}

describe("comparing framework content", () => {
  it("takes content as stored: key order and undefined fields make no difference", () => {
    const a = copy();
    const b: FrameworkContent = reversedKeys(copy());
    b.areas[0].criteria[0].guidance = undefined;
    delete a.areas[0].criteria[0].guidance;
    expect(sameContent(a, b)).toBe(true);
    expect(contentFingerprint(a)).toBe(contentFingerprint(b));
  });

  it("tells apart any change, and the fingerprint with it", () => {
    const a = copy();
    const b = copy();
    b.areas[0].criteria[0].statement += " ";
    expect(sameContent(a, b)).toBe(false);
    expect(contentFingerprint(a)).not.toBe(contentFingerprint(b));
    const c = copy();
    c.areas = [...c.areas].reverse();
    expect(sameContent(a, c)).toBe(false);
    expect(contentFingerprint(a)).not.toBe(contentFingerprint(c));
  });
});

import { describe, expect, it } from "vitest";
import { copyName } from "../../models/framework/copy-name.ts";
import { FRAMEWORK_LIMITS } from "../../models/framework/schema.ts";

describe("the name of a framework's copy", () => {
  it("is 'Copy of' and the name when both fit", () => {
    expect(copyName("Inclusion Excellence")).toBe("Copy of Inclusion Excellence");
    const fits = "a".repeat(FRAMEWORK_LIMITS.name - "Copy of ".length);
    expect(copyName(fits)).toBe(`Copy of ${fits}`);
  });

  it("shortens a long name with an ellipsis, at a space near the end, within the limit", () => {
    const long = "Inclusion and belonging across the trust ".repeat(6);
    const name = copyName(long);
    expect(name.length).toBeLessThanOrEqual(FRAMEWORK_LIMITS.name);
    expect(name).toMatch(/^Copy of Inclusion and belonging .*\S…$/);
    expect(long.startsWith(name.slice("Copy of ".length, -1))).toBe(true);
    expect(name.slice(0, -1).endsWith(" ")).toBe(false);
  });

  it("cuts a name without spaces at the limit, never inside an emoji", () => {
    expect(copyName("x".repeat(FRAMEWORK_LIMITS.name))).toHaveLength(FRAMEWORK_LIMITS.name);
    const emoji = "🌟".repeat(FRAMEWORK_LIMITS.name / 2);
    const name = copyName(emoji);
    expect(name.length).toBeLessThanOrEqual(FRAMEWORK_LIMITS.name);
    expect(name).toMatch(/^Copy of (🌟)+…$/u);
  });
});

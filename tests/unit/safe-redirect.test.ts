import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/utils/safe-redirect.ts";

describe("safeRedirect", () => {
  // Each of these, put in a Location header, takes a browser to another site (or runs script).
  it.each([
    "//evil.example",
    "//evil.example/phish",
    "/\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/%2F%2Fevil.example",
    "/%2Fevil.example",
    "/.//evil.example",
    "/%2E//evil.example",
    "https://evil.example",
    "http:evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    " /home",
    "/%E0%A4%A",
    "",
  ])("sends %j to the fallback", (to) => {
    expect(safeRedirect(to, "/home")).toBe("/home");
  });

  it.each([
    ["/evaluations/abc?area=x#c", "/evaluations/abc?area=x#c"],
    ["/schools/1", "/schools/1"],
    ["/home", "/home"],
    ["/evaluations/abc/../def", "/evaluations/def"],
    ["/search?q=a%20b&next=//x", "/search?q=a%20b&next=//x"],
  ])("keeps the path, query and fragment of %j on this site", (to, expected) => {
    expect(safeRedirect(to, "/home")).toBe(expected);
  });

  it("falls back for anything that is not a string", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(new File([], "x"), "/home")).toBe("/home");
  });
});

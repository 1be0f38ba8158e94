import { describe, expect, it } from "vitest";
import { arrivalWords, editingWords } from "../../app/components/plan/colleague-words.ts";

const alex = { userId: "u-alex", name: "Alex Staff" };
const sam = { userId: "u-sam", name: "Sam Leader" };
const priya = { userId: "u-priya", name: "Priya Shah" };

describe("words about who else is in a factor or action", () => {
  it("names who is editing it", () => {
    expect(editingWords([alex], "factor")).toBe("Alex Staff is editing this factor");
    expect(editingWords([alex, sam], "action")).toBe(
      "Alex Staff and Sam Leader are editing this action",
    );
  });

  it("says who came and who went, in one sentence each", () => {
    expect(arrivalWords([], [alex], "factor")).toBe("Alex Staff is now editing this factor too.");
    expect(arrivalWords([alex], [alex, sam, priya], "action")).toBe(
      "Sam Leader and Priya Shah are now editing this action too.",
    );
    expect(arrivalWords([alex, sam], [], "factor")).toBe(
      "Alex Staff and Sam Leader have stopped editing this factor.",
    );
    expect(arrivalWords([alex], [sam], "factor")).toBe(
      "Sam Leader is now editing this factor too. Alex Staff has stopped editing this factor.",
    );
  });

  it("says nothing when the same people are there, in whatever order", () => {
    expect(arrivalWords([alex, sam], [sam, alex], "factor")).toBe("");
    expect(arrivalWords([], [], "action")).toBe("");
  });
});

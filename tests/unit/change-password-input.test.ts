import { describe, expect, it } from "vitest";
import { ChangePasswordInput } from "../../server/commands/change-password.ts";

function problems(fields: Record<string, unknown>): Record<string, string> {
  const result = ChangePasswordInput.safeParse({ sessionId: "s", ...fields });
  if (result.success) return {};
  const byField: Record<string, string> = {};
  for (const issue of result.error.issues) byField[String(issue.path[0])] ??= issue.message;
  return byField;
}

describe("the password change form", () => {
  it("accepts a current password and a new one of 12 or more characters, typed twice", () => {
    expect(
      problems({
        currentPassword: "old one",
        newPassword: "twelve chars",
        confirmPassword: "twelve chars",
      }),
    ).toEqual({});
  });

  it("names every problem at once, each at its field", () => {
    expect(
      problems({ currentPassword: "", newPassword: "short", confirmPassword: "different" }),
    ).toEqual({
      currentPassword: "Enter your current password",
      newPassword: "Use at least 12 characters",
      confirmPassword: "The two new passwords do not match",
    });
    expect(problems({})).toEqual({
      currentPassword: "Enter your current password",
      newPassword: "Enter a new password",
      confirmPassword: "Enter the new password again",
    });
  });

  it("refuses the current password as the new one", () => {
    const same = "the very same passphrase";
    expect(problems({ currentPassword: same, newPassword: same, confirmPassword: same })).toEqual({
      newPassword: "Choose a new password, not your current one",
    });
  });
});

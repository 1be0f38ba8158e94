import { afterEach, beforeEach, expect, vi } from "vitest";

// Test defaults for the env module (app/utils/env.server.ts), set before anything reads it.
process.env.SESSION_SECRET ??= "test-session-secret-that-is-long-enough-1234";
process.env.COOKIE_SECURE ??= "false";
process.env.SEED_DEMO ??= "false";
process.env.NODE_ENV = "test";
// The servers tests start in this process log only warnings (one JSON line per request otherwise).
process.env.LOG_LEVEL ??= "warn";

let allowed: RegExp[] = [];
let spy: ReturnType<typeof vi.spyOn> | null = null;

/** Lets the current test log console.error lines matching `pattern` (an expected failure). */
export function allowConsoleError(pattern: RegExp) {
  allowed.push(pattern);
}

// A test fails if it logs an unexpected console.error: errors nobody asserted are bugs.
beforeEach(() => {
  allowed = [];
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls: unknown[][] = spy?.mock.calls ?? [];
  const unexpected = calls
    .map((args) =>
      args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "),
    )
    .filter((line) => !allowed.some((pattern) => pattern.test(line)));
  spy?.mockRestore();
  expect(unexpected, "unexpected console.error").toEqual([]);
});

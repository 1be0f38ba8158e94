import { defineConfig } from "vitest/config";

// Three layers (shared/STYLE.md): pure rules, real database + real collab server, real browser.
export default defineConfig({
  test: {
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    setupFiles: ["tests/support/setup.ts"],
    // The app's server build (build/index.js, 1.4 MB, already plain JavaScript) is loaded by
    // Node itself, as in production: run through Vite's transform it cost every file that
    // starts a server 5–20 s (tests/support/server.ts, server/app.ts importBuild).
    server: { deps: { external: [/\/build\/index\.js/] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: "forks",
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          sequence: { groupOrder: 2 },
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // What one browser did reaches another over the collab server: on a busy 2-core
          // machine that can take longer than a poll's default second (as Playwright's own
          // expectations wait 5 s).
          expect: { poll: { timeout: 5_000 } },
          pool: "forks",
          // One browser-driven file at a time: 2 cores are shared with the server under test.
          fileParallelism: false,
          // All of them in one worker that keeps its modules and its Chromium from file to file
          // (tests/support/browser.ts): loading them again for each of the ~60 files cost ~2 s a
          // file, 642 s against 523 s in all (ADR 072). Each file still has its own database and
          // its own app server.
          isolate: false,
        },
      },
    ],
  },
});

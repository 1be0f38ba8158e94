import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

describe("Yjs's randomness in the server process (ADR 057)", () => {
  it("comes from the pool, while node:crypto keeps its own getRandomValues", async () => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "tests/support/lib0-random-probe.ts")],
      { cwd: ROOT },
    );
    const probe = JSON.parse(stdout.trim().split("\n").at(-1)!);
    // 1,000 Y.Docs draw 32 × 4 bytes each: about 31 fills of 4 KB, where node:crypto alone
    // would have been called 32,000 times (and the pool never filled).
    expect(probe.fills).toBeGreaterThanOrEqual(31);
    expect(probe.fills).toBeLessThanOrEqual(33);
    expect(probe.guids).toBe(probe.docs);
    expect(probe.clientIds).toBeGreaterThan(probe.docs - 2);
    expect(probe.ownRestored).toBe(true);
  });

  it("is set up by the entry's first import, before anything can load Yjs", () => {
    const entry = readFileSync(path.join(ROOT, "server/index.ts"), "utf8");
    const firstImport = entry.match(/^import .*$/m)?.[0];
    expect(firstImport).toBe('import "./lib0-random.ts";');
  });
});

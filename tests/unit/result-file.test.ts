import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeBenchResult } from "../bench/result-file.ts";

describe("a bench's result file", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-results-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is named by the bench and the moment, and says which machine the figures were taken on", () => {
    const file = writeBenchResult(
      "open",
      { editableMs: 184 },
      { dir, at: new Date("2026-12-06T15:00:00.000Z") },
    );
    expect(path.basename(file)).toBe("open-2026-12-06T15-00-00-000Z.json");
    const written = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(written.editableMs).toBe(184);
    expect(written.measuredOn).toEqual({
      cpu: os.cpus()[0].model,
      cores: os.cpus().length,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      kernel: os.release(),
      node: process.version,
    });
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseUnavailableError, buildFerretDB } from "../../server/database/ferretdb.ts";

describe("buildFerretDB without Go", () => {
  const path0 = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path0;
  });

  it("says to set MONGODB_URI or install Go", () => {
    process.env.PATH = mkdtempSync(path.join(tmpdir(), "no-go-"));
    const binary = path.join(process.env.PATH, "ferretdb-embedded");
    expect(() => buildFerretDB(binary)).toThrow(DatabaseUnavailableError);
    expect(() => buildFerretDB(binary)).toThrow(/set MONGODB_URI .* or install Go/);
  });
});

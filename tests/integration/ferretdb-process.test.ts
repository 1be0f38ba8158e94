import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EMBEDDED_GOGC, startFerretDB } from "../../server/database/ferretdb.ts";

/** The environment variables a running process was started with (Linux). */
function environmentOf(pid: number): Map<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean);
  return new Map(entries.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
}

const dirs: string[] = [];
const gogc = process.env.GOGC;
afterEach(() => {
  if (gogc === undefined) delete process.env.GOGC;
  else process.env.GOGC = gogc;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function started() {
  const dir = mkdtempSync(path.join(tmpdir(), "qm-ferret-env-"));
  dirs.push(dir);
  return startFerretDB({ sqliteDir: path.join(dir, "sqlite") });
}

describe("the embedded FerretDB process", () => {
  it("collects its garbage less often than Go's default (less CPU per write), unless told otherwise", async () => {
    delete process.env.GOGC;
    const chosen = await started();
    try {
      expect(EMBEDDED_GOGC).toBe("400");
      expect(environmentOf(chosen.child.pid!).get("GOGC")).toBe("400");
    } finally {
      await chosen.stop();
    }
    process.env.GOGC = "150";
    const told = await started();
    try {
      expect(environmentOf(told.child.pid!).get("GOGC")).toBe("150");
    } finally {
      await told.stop();
    }
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MongoClient } from "mongodb";
import { afterEach, describe, expect, it } from "vitest";
import { EMBEDDED_GOGC, startFerretDB } from "../../server/database/ferretdb.ts";

/** The environment variables a running process was started with (Linux). */
function environmentOf(pid: number): Map<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean);
  return new Map(entries.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
}

/** Each thread's Linux scheduling policy (0 normal, 3 SCHED_BATCH): field 41 of its stat. */
function policiesOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    } catch {
      return []; // the thread ended meanwhile
    }
    // Fields after the command name (in parentheses) start at field 3.
    return [Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[41 - 3])];
  });
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

  it("waits its turn for a core instead of taking it from the app server, on every thread (ADR 054)", async () => {
    const database = await started();
    const client = new MongoClient(database.uri);
    try {
      // Work in parallel, so that the Go runtime starts whatever threads it needs for it.
      const entries = client.db("policy").collection("entries");
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          entries.insertMany(
            Array.from({ length: 50 }, (_, j) => ({ i, j, text: "x".repeat(500) })),
          ),
        ),
      );
      expect(await entries.countDocuments()).toBe(1000);
      const policies = policiesOf(database.child.pid!);
      expect(policies.length).toBeGreaterThan(1);
      expect(new Set(policies)).toEqual(new Set([3]));
    } finally {
      await client.close();
      await database.stop();
    }
  });
});

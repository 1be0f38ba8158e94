import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startFerretDB, type RunningFerretDB } from "../../server/database/ferretdb.ts";

declare module "vitest" {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

let ferret: RunningFerretDB | null = null;
let dir = "";

/** One real FerretDB per test run, on a temporary directory; each test file uses its own database. */
export async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), "qm-ferretdb-"));
  ferret = await startFerretDB({ sqliteDir: path.join(dir, "sqlite") });
  project.provide("mongoUri", ferret.uri);
}

export async function teardown() {
  await ferret?.stop();
  rmSync(dir, { recursive: true, force: true });
}

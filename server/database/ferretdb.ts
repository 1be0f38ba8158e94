import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ADDED_FILES_DIR, FERRETDB_ADDED_FILES, patchedModFile } from "./ferretdb-patch.ts";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE_DIR = path.join(PROJECT_ROOT, "server/database/ferretdb-embedded");
export const FERRETDB_BINARY = path.join(PROJECT_ROOT, ".tools/bin/ferretdb-embedded");
/** Where the patched copy of FerretDB's source is built from (ferretdb-patch.ts). */
const PATCHED_SOURCE = path.join(PROJECT_ROOT, ".tools/ferretdb-src");
const PATCH_FILE = fileURLToPath(new URL("./ferretdb-patch.ts", import.meta.url));

export class DatabaseUnavailableError extends Error {}

function isStale(binary: string): boolean {
  if (!existsSync(binary)) return true;
  const built = statSync(binary).mtimeMs;
  return [
    ...readdirSync(SOURCE_DIR)
      .filter((f) => f.endsWith(".go") || f === "go.mod" || f === "go.sum")
      .map((f) => path.join(SOURCE_DIR, f)),
    PATCH_FILE,
    ...FERRETDB_ADDED_FILES.map((added) => path.join(ADDED_FILES_DIR, added.from)),
  ].some((file) => statSync(file).mtimeMs > built);
}

/**
 * Builds the embedded FerretDB (pinned in ferretdb-embedded/go.mod, with ferretdb-patch.ts's
 * changes, ADRs 036 and 038) into .tools/bin once.
 * See docs/decisions/001-database.md for why it is our own small Go main.
 */
export function buildFerretDB(binary = FERRETDB_BINARY, log = console.log): string {
  if (!isStale(binary)) return binary;
  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0) {
    throw new DatabaseUnavailableError(
      "No database is configured. Either set MONGODB_URI to a MongoDB server " +
        "(e.g. MONGODB_URI=mongodb://localhost:27017/quality-marks), or install Go 1.24+ " +
        "(https://go.dev/dl/) so the embedded FerretDB database can be built into .tools/.",
    );
  }
  log("Building the embedded FerretDB database (once; this can take a few minutes)…");
  mkdirSync(path.dirname(binary), { recursive: true });
  mkdirSync(PATCHED_SOURCE, { recursive: true });
  const modFile = patchedModFile(SOURCE_DIR, PATCHED_SOURCE);
  const build = spawnSync("go", ["build", "-mod=mod", `-modfile=${modFile}`, "-o", binary, "."], {
    cwd: SOURCE_DIR,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (build.status !== 0) {
    throw new DatabaseUnavailableError(
      `Building the embedded FerretDB failed (go build exited ${build.status}). ` +
        "Set MONGODB_URI to use a MongoDB server instead.",
    );
  }
  return binary;
}

export interface RunningFerretDB {
  /** mongodb://127.0.0.1:<port>/ */
  uri: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Go's garbage collector for the embedded FerretDB runs when its heap has grown by this many
 * per cent (Go's default is 100): under typing (npm run bench, 250 edits/s) it took 6.5 % of a
 * core at 100 and 5.3 % at 400, for 10 MB more memory (40 → 50 MB). A GOGC set (not empty) in the
 * environment wins.
 */
export const EMBEDDED_GOGC = "400";

/**
 * Starts FerretDB on a free local port with its SQLite files under `sqliteDir`. The child
 * stops when we stop it, and on its own when this process dies (it watches its stdin).
 */
export async function startFerretDB(options: {
  sqliteDir: string;
  binary?: string;
  timeoutMs?: number;
}): Promise<RunningFerretDB> {
  const binary = buildFerretDB(options.binary);
  mkdirSync(options.sqliteDir, { recursive: true });
  const child = spawn(binary, ["--listen", "127.0.0.1:0", "--sqlite-dir", options.sqliteDir], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, GOGC: process.env.GOGC || EMBEDDED_GOGC },
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
    if (process.env.FERRETDB_LOG) process.stderr.write(chunk);
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DatabaseUnavailableError(`FerretDB did not start in time.\n${stderr}`)),
      options.timeoutMs ?? 30_000,
    );
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const line = out.split("\n").find((l) => l.startsWith("mongodb://"));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new DatabaseUnavailableError(`FerretDB exited (${code}) while starting.\n${stderr}`));
    });
  });

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timeout = new Promise((r) => setTimeout(r, 5000, "timeout"));
    if ((await Promise.race([exited, timeout])) === "timeout") child.kill("SIGKILL");
    await exited;
  }

  return { uri, child, stop };
}

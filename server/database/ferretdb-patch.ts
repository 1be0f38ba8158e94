import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

/**
 * One change to FerretDB's source before the embedded build (ADR 036). FerretDB v1.24.2's
 * SQLite backend looks documents up by `_ferretdb_sjson->'$._id'`, but creates the `_id` index
 * on `_ferretdb_sjson->"_id"`. SQLite uses an expression index only for the same expression
 * written the same way, so every read, update and delete by `_id` read the whole table (and
 * unpacked every document's JSON): 84 ms to find one of 5,000 states of 20 KB, 159 ms to find
 * none. Written as the index is, the same lookups take under 2 ms at any size. Both forms mean
 * the same path (SQLite reads a label X after `->` as `$.X`).
 */
export const FERRETDB_PATCHES = [
  {
    file: "internal/backends/sqlite/metadata/metadata.go",
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: 'IDColumn = DefaultColumn + `->"_id"`',
  },
];

const MODULE = "github.com/FerretDB/FerretDB";

function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else chmodSync(full, 0o644);
  }
}

function go(args: string[], cwd: string): string {
  const run = spawnSync("go", args, { cwd, encoding: "utf8" });
  if (run.status !== 0)
    throw new Error(`go ${args.join(" ")} exited ${run.status}: ${run.stderr || run.error}`);
  return run.stdout;
}

/**
 * Copies the pinned FerretDB module out of Go's module cache into `workDir`, applies
 * FERRETDB_PATCHES (failing if one no longer matches exactly once, e.g. after an upgrade), and
 * writes a go.mod that builds `sourceDir` against the copy. Returns that go.mod's path, for
 * `go build -modfile`.
 */
export function patchedModFile(sourceDir: string, workDir: string): string {
  const downloaded = JSON.parse(go(["mod", "download", "-json", MODULE], sourceDir)) as {
    Dir: string;
    Version: string;
  };
  const copy = path.join(workDir, `FerretDB@${downloaded.Version}`);
  // Go's module cache is read-only: make the copy writable (and removable next time).
  if (existsSync(copy)) makeWritable(copy);
  rmSync(copy, { recursive: true, force: true });
  cpSync(downloaded.Dir, copy, { recursive: true });
  makeWritable(copy);
  for (const patch of FERRETDB_PATCHES) {
    const file = path.join(copy, patch.file);
    const source = readFileSync(file, "utf8");
    if (source.split(patch.from).length !== 2)
      throw new Error(`FerretDB ${downloaded.Version}: ${patch.file} no longer has ${patch.from}`);
    writeFileSync(file, source.replace(patch.from, patch.to));
  }
  const modFile = path.join(workDir, "embedded.mod");
  const goMod = readFileSync(path.join(sourceDir, "go.mod"), "utf8");
  writeFileSync(modFile, `${goMod}\nreplace ${MODULE} => ${copy}\n`);
  writeFileSync(
    path.join(workDir, "embedded.sum"),
    readFileSync(path.join(sourceDir, "go.sum"), "utf8"),
  );
  return modFile;
}

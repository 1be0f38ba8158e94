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
import { fileURLToPath } from "node:url";

/**
 * Changes to FerretDB v1.24.2's source before the embedded build.
 *
 * ADR 036: its SQLite backend looks documents up by `_ferretdb_sjson->'$._id'`, but creates
 * the `_id` index on `_ferretdb_sjson->"_id"`. SQLite uses an expression index only for the
 * same expression written the same way, so every read, update and delete by `_id` read the
 * whole table (and unpacked every document's JSON): 84 ms to find one of 5,000 states of 20 KB,
 * 159 ms to find none. Written as the index is, the same lookups take under 2 ms at any size.
 * Both forms mean the same path (SQLite reads a label X after `->` as `$.X`).
 *
 * ADR 038: FerretDB hands SQLite a filter's `_id` only when it is the whole filter and one
 * value. Now `_id: value` beside other keys, and `_id: {$in: [...]}` (strings or ObjectIds),
 * read through the index too (`ferretdb-patches/id_pushdown.go`); the rest of the filter is
 * checked in Go as before, against those documents only. Finds, counts, updates and deletes all
 * read through the backend's Query, and `explain` shows the same plan.
 *
 * ADR 040: the same for every other top-level key compared with a string, an ObjectId or `$in`
 * of those (`ferretdb-patches/field_pushdown.go`), so the indexes FerretDB builds for fields are
 * read too: a document's update log by `name`, a trust's records by `trustId`.
 */
export const FERRETDB_PATCHES = [
  {
    file: "internal/backends/sqlite/metadata/metadata.go",
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: 'IDColumn = DefaultColumn + `->"_id"`',
  },
  {
    file: "internal/backends/sqlite/collection.go",
    from: `	if params.Filter.Len() == 1 {
		v, _ := params.Filter.Get("_id")
		switch v.(type) {
		case string, types.ObjectID:
			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		}
	}`,
    to: `	whereClause, args = pushdownWhereClause(params.Filter)`,
  },
  {
    file: "internal/backends/sqlite/collection.go",
    from: `	if params.Filter.Len() == 1 {
		v, _ := params.Filter.Get("_id")
		switch v.(type) {
		case string, types.ObjectID:
			filterPushdown = true
			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		}
	}`,
    to: `	whereClause, args = pushdownWhereClause(params.Filter)
	// All of the filter is SQLite's only when \`_id\` is all of it (a field may hold an array).
	filterPushdown = whereClause != "" && params.Filter.Len() == 1 && countKey(params.Filter, "_id") == 1`,
  },
];

/** Go files added to FerretDB's source as they are, from `ferretdb-patches/`. */
export const FERRETDB_ADDED_FILES = [
  { file: "internal/backends/sqlite/id_pushdown.go", from: "id_pushdown.go" },
  { file: "internal/backends/sqlite/field_pushdown.go", from: "field_pushdown.go" },
];

/** Where FERRETDB_ADDED_FILES are kept in this repository. */
export const ADDED_FILES_DIR = fileURLToPath(new URL("./ferretdb-patches/", import.meta.url));

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
 * FERRETDB_PATCHES (failing if one no longer matches exactly once, e.g. after an upgrade) and
 * FERRETDB_ADDED_FILES, and writes a go.mod that builds `sourceDir` against the copy. Returns
 * that go.mod's path, for `go build -modfile`.
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
  for (const added of FERRETDB_ADDED_FILES) {
    cpSync(path.join(ADDED_FILES_DIR, added.from), path.join(copy, added.file));
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

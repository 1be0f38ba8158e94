import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes a bench's result as `<dir>/<name>-<timestamp>.json` (the folder made if need be) and
 * returns the file's path: every bench's figures in one place, named by what and when.
 */
export function writeBenchResult(
  name: string,
  result: unknown,
  { dir = "bench-results", at = new Date() }: { dir?: string; at?: Date } = {},
): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${at.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

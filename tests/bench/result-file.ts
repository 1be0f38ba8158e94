import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The machine a figure was taken on: figures from different machines (another CPU, kernel or
 * browser) are not comparable, and the sessions' machines differ.
 */
function machineDescription() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    node: process.version,
  };
}

/**
 * Writes a bench's result as `<dir>/<name>-<timestamp>.json` (the folder made if need be),
 * with the machine it was measured on, and returns the file's path: every bench's figures in
 * one place, named by what and when.
 */
export function writeBenchResult(
  name: string,
  result: object,
  { dir = "bench-results", at = new Date() }: { dir?: string; at?: Date } = {},
): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${at.toISOString().replace(/[:.]/g, "-")}.json`);
  const written = { measuredOn: machineDescription(), ...result };
  writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
  return file;
}

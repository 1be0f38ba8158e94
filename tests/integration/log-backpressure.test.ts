import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const FLOOD = path.resolve(import.meta.dirname, "../support/log-flood.ts");
const READER_STALL_MS = 1500;
/** The longest the reader waits for the child to hand over its last line (a log that blocks never does). */
const HAND_OVER_WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A log collector that falls behind (a busy machine, a slow pipe) must not freeze the server:
 * a log written synchronously blocked the event loop until the reader caught up (and slept
 * 100 ms at a time when the pipe was full), so every page and keystroke waited with it. The
 * lines wait in memory instead, and all of them arrive, in order, once the reader reads again.
 */
/**
 * Runs the flood with stdout unread for READER_STALL_MS and until the child has handed every
 * line to its log (however slowly a busy machine runs it), then reads it all.
 */
async function flood(lines: number) {
  const child = spawn(process.execPath, ["--import", "tsx", FLOOD], {
    env: { ...process.env, LINES: String(lines), LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let report = "";
  let handOver!: () => void;
  const handedOver = new Promise<void>((resolve) => (handOver = resolve));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    report += chunk;
    if (report.includes('"handedOver":true')) handOver();
  });
  // Nobody reads stdout for a while: the pipe fills and stays full.
  child.stdout.pause();
  await Promise.all([sleep(READER_STALL_MS), Promise.race([handedOver, sleep(HAND_OVER_WAIT_MS)])]);
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  const { longestGapMs, dropped } = JSON.parse(report.trim().split("\n").pop()!) as {
    longestGapMs: number;
    dropped: number;
  };
  const received = out
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { n: number; msg: string; level: string });
  return { code, longestGapMs, dropped, received, bytes: Buffer.byteLength(out) };
}

it("keeps the event loop running while stdout's reader stalls, and loses no line", async () => {
  const { code, longestGapMs, dropped, received } = await flood(3000);
  expect(code).toBe(0);
  // Held for the reader, the loop stops for about the whole stall.
  expect(longestGapMs).toBeLessThan(READER_STALL_MS / 3);
  expect(dropped).toBe(0);
  expect(received.map((l) => l.n)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
  expect(received.every((l) => l.msg === "request" && l.level === "info")).toBe(true);
});

it("bounds what waits for a reader that does not read: later lines are dropped and counted", async () => {
  // About 22 MB of lines against the 16 MB that may wait (server/log.ts).
  const lines = 40_000;
  const { code, longestGapMs, dropped, received, bytes } = await flood(lines);
  expect(code).toBe(0);
  expect(longestGapMs).toBeLessThan(READER_STALL_MS / 3);
  expect(dropped).toBeGreaterThan(0);
  // The 16 MB in memory, plus what the pipe and the reader's own buffer held.
  expect(bytes).toBeLessThanOrEqual(17 * 1024 * 1024);
  // What arrived is the first lines, whole and in order; the rest is the count.
  expect(received.map((l) => l.n)).toEqual(Array.from({ length: received.length }, (_, i) => i));
  expect(received.length + dropped).toBe(lines);
});

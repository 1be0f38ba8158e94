import { pino, stdTimeFunctions, type Logger } from "pino";

/**
 * How much of the log may wait in memory while whatever reads stdout (a log collector, a
 * pipe) is behind. Past it, new lines are dropped and counted (`droppedLogLines`, on
 * /metrics) rather than growing the process without bound.
 */
const MAX_WAITING_BYTES = 16 * 1024 * 1024;

/**
 * Written asynchronously: a line waits in memory while the reader is behind. Written
 * synchronously, a slow reader held the event loop (every page and keystroke) until it caught
 * up, 100 ms at a time whenever the pipe was full (tests/integration/log-backpressure.test.ts).
 * Lines still waiting are written out when the process exits (pino flushes on exit).
 */
const destination = pino.destination({ dest: 1, sync: false, maxLength: MAX_WAITING_BYTES });
let dropped = 0;
destination.on("drop", () => (dropped += 1));

/** Log lines dropped because too much was waiting for a reader. */
export const droppedLogLines = (): number => dropped;

/**
 * The process's structured log: one JSON object a line on stdout (level, time, pid, msg and
 * fields such as requestId), for a log collector to index. LOG_LEVEL sets the threshold.
 */
export const log: Logger = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  destination,
);

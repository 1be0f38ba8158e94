import { pino, stdTimeFunctions, type Logger } from "pino";

/**
 * The process's structured log: one JSON object a line on stdout (level, time, pid, msg and
 * fields such as requestId), for a log collector to index. LOG_LEVEL sets the threshold.
 */
export const log: Logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  timestamp: stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

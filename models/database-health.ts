import { mongoose } from "./mongoose.ts";

const { mongo } = mongoose;

// Errors the driver raises when it could not get an answer in time or at all: the database
// stalled, went away, or is being closed. Anything else (a refused write, a duplicate key, a
// bug) is a different story and must not be dressed up as "try again in a moment".
const UNAVAILABLE_CLASSES = [
  mongo.MongoNetworkError, // includes socket timeouts and a pool cleared by a failed heartbeat
  mongo.MongoServerSelectionError,
  mongo.MongoOperationTimeoutError,
  mongo.MongoTopologyClosedError,
  mongo.MongoNotConnectedError,
  mongo.MongoServerClosedError,
  mongoose.Error.MongooseServerSelectionError,
];
// Not exported by the driver: known by name.
const UNAVAILABLE_NAMES = new Set(["MongoWaitQueueTimeoutError", "MongoPoolClosedError"]);

/** True when `error` (or what caused it) means the database did not answer, not that it said no. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (UNAVAILABLE_CLASSES.some((type) => e instanceof type)) return true;
    if (UNAVAILABLE_NAMES.has(e.name)) return true;
  }
  return false;
}

const REPORT_EVERY_MS = 30_000;
let lastReport = 0;
let unavailableCount = 0;

/** How many times this process met a database that did not answer (for /metrics). */
export function databaseUnavailableCount(): number {
  return unavailableCount;
}

/**
 * Logs that the database is not answering, at most once every 30 s: during a stall every
 * request and every retry of the collaboration log fails the same way, and one line says it.
 */
export function reportDatabaseUnavailable(error: unknown, now = Date.now()): void {
  unavailableCount += 1;
  if (now - lastReport < REPORT_EVERY_MS) return;
  lastReport = now;
  const reason = error instanceof Error ? error.message : String(error);
  console.warn(`The database is not responding (${reason}); answering 503 and retrying.`);
}

/**
 * Whether the database answers a ping within `withinMs`. The driver gives up through the
 * abort signal (server selection, connection checkout and the wait for the reply all listen
 * to it), so a stalled database gives `false` on time rather than a hung probe.
 */
export async function databaseAnswers(withinMs: number): Promise<boolean> {
  // Not mongoose's readyState: after a stall it lags until the next heartbeat, while a ping
  // makes the driver look at the server again at once.
  const db = mongoose.connection.db;
  if (!db) return false;
  try {
    await db.command({ ping: 1 }, { signal: AbortSignal.timeout(withinMs) });
    return true;
  } catch {
    return false;
  }
}

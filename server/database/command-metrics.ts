import type { mongo } from "mongoose";
import { databaseCommands } from "../metrics.ts";

/** Commands that are the driver's own bookkeeping, not the application's work. */
const HOUSEKEEPING = new Set([
  "hello",
  "ismaster",
  "isMaster",
  "ping",
  "endSessions",
  "saslStart",
  "saslContinue",
]);

/**
 * Counts every command the driver sends, with its collection and round-trip time
 * (`qm_database_command_seconds`): which collections take the database's time, and how many
 * commands an edit costs, read from /metrics under load (npm run bench reports them).
 * The client must be created with `monitorCommands: true`.
 */
export function countDatabaseCommands(client: mongo.MongoClient): void {
  const started = new Map<number, { command: string; collection: string }>();
  client.on("commandStarted", (event) => {
    if (HOUSEKEEPING.has(event.commandName)) return;
    // A command whose connection died without an answer leaves its entry: never hold many.
    if (started.size > 10_000) started.clear();
    const target = event.command[event.commandName];
    started.set(event.requestId, {
      command: event.commandName,
      collection: typeof target === "string" ? target : "",
    });
  });
  const finish = (requestId: number, seconds: number, outcome: "ok" | "failed") => {
    const command = started.get(requestId);
    if (!command) return;
    started.delete(requestId);
    databaseCommands.observe({ ...command, outcome }, seconds);
  };
  client.on("commandSucceeded", (e) => finish(e.requestId, e.duration / 1000, "ok"));
  client.on("commandFailed", (e) => finish(e.requestId, e.duration / 1000, "failed"));
}

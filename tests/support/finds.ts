import type { CommandStartedEvent } from "mongodb";
import mongoose from "mongoose";

/** Calls `started` with every command the app's connection sends while `during` runs. */
async function watchCommands(
  during: () => Promise<unknown>,
  started: (event: CommandStartedEvent) => void,
): Promise<void> {
  const client = mongoose.connection.getClient();
  client.on("commandStarted", started);
  try {
    await during();
  } finally {
    client.off("commandStarted", started);
  }
}

/** How many `find`s the app's connection sent to each collection while `during` ran. */
export async function findsDuring(during: () => Promise<unknown>): Promise<Record<string, number>> {
  const finds: Record<string, number> = {};
  await watchCommands(during, (event) => {
    if (event.commandName !== "find") return;
    const collection = String(event.command.find);
    finds[collection] = (finds[collection] ?? 0) + 1;
  });
  return finds;
}

/** Commands that are the driver's own bookkeeping (as server/database/command-metrics.ts). */
const HOUSEKEEPING = new Set(["hello", "ismaster", "isMaster", "ping", "endSessions"]);

/**
 * How many commands of each kind and collection ("find evaluations") the app's connection sent
 * while `during` ran, the driver's bookkeeping left out.
 */
export async function commandsDuring(
  during: () => Promise<unknown>,
): Promise<Record<string, number>> {
  const commands: Record<string, number> = {};
  await watchCommands(during, (event) => {
    if (HOUSEKEEPING.has(event.commandName)) return;
    const target = event.command[event.commandName];
    const key = typeof target === "string" ? `${event.commandName} ${target}` : event.commandName;
    commands[key] = (commands[key] ?? 0) + 1;
  });
  return commands;
}

/** One read mongoose sent: its collection, its method (find, findOne…) and its filter's keys. */
export interface ReadFilter {
  collection: string;
  method: string;
  keys: string[];
}

/** Every read (find…) mongoose sent while `during` ran, with the keys its filter names. */
export async function readFiltersDuring(during: () => Promise<unknown>): Promise<ReadFilter[]> {
  const reads: ReadFilter[] = [];
  mongoose.set("debug", (collection: string, method: string, filter: unknown) => {
    if (/^find/.test(method) && filter && typeof filter === "object")
      reads.push({ collection, method, keys: Object.keys(filter) });
  });
  try {
    await during();
  } finally {
    mongoose.set("debug", false);
  }
  return reads;
}

/** One read the app's connection sent: its collection and its whole filter. */
export interface SentRead {
  command: string;
  collection: string;
  filter: Record<string, unknown>;
}

/** What a command of each kind reads: the filters it would find by. */
function filtersOf(command: Record<string, unknown>, name: string): Record<string, unknown>[] {
  switch (name) {
    case "find":
      return [(command.filter as Record<string, unknown>) ?? {}];
    case "count":
    case "findAndModify":
      return [(command.query as Record<string, unknown>) ?? {}];
    case "delete":
      return (command.deletes as { q: Record<string, unknown> }[]).map((d) => d.q);
    case "update":
      return (command.updates as { q: Record<string, unknown> }[]).map((u) => u.q);
    default:
      return [];
  }
}

/**
 * Every read the app's connection sent while `during` ran (finds, counts, and the filters of
 * updates, deletes and findAndModify), with its whole filter: to ask the database how it reads
 * each one (ADR 040).
 */
export async function readsSentDuring(during: () => Promise<unknown>): Promise<SentRead[]> {
  const reads: SentRead[] = [];
  await watchCommands(during, (event) => {
    const collection = event.command[event.commandName];
    if (typeof collection !== "string") return;
    for (const filter of filtersOf(event.command, event.commandName))
      reads.push({ command: event.commandName, collection, filter });
  });
  return reads;
}

import type { CommandStartedEvent } from "mongodb";
import mongoose from "mongoose";

/** How many `find`s the app's connection sent to each collection while `during` ran. */
export async function findsDuring(during: () => Promise<unknown>): Promise<Record<string, number>> {
  const client = mongoose.connection.getClient();
  const finds: Record<string, number> = {};
  const started = (event: CommandStartedEvent) => {
    if (event.commandName !== "find") return;
    const collection = String(event.command.find);
    finds[collection] = (finds[collection] ?? 0) + 1;
  };
  client.on("commandStarted", started);
  try {
    await during();
  } finally {
    client.off("commandStarted", started);
  }
  return finds;
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

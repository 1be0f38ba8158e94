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

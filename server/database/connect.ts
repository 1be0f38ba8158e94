import path from "node:path";
import { mongoose } from "../../models/mongoose.ts";
import { prepareDatabase } from "../../models/prepare.ts";
import { countDatabaseCommands } from "./command-metrics.ts";
import { startFerretDB, type RunningFerretDB } from "./ferretdb.ts";

export interface Database {
  uri: string;
  embedded: RunningFerretDB | null;
  close(): Promise<void>;
}

/**
 * How long the driver may wait at each stage of an operation before it gives up: finding the
 * server, getting a pooled connection, opening one, and hearing back on it (silence on the
 * socket). Each stage fails on its own clock, and reads are not retried, so a stalled database
 * costs a request about `timeoutMs`, not minutes. (The driver's single `timeoutMS` for the
 * whole operation is a no-op since mongodb 7.8; see docs/decisions/007.)
 */
export function databaseOptions(timeoutMs: number) {
  return {
    serverSelectionTimeoutMS: timeoutMs,
    waitQueueTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    socketTimeoutMS: timeoutMs,
    // A read retried after a timeout waits as long again; the person retries instead, told so.
    retryReads: false,
    // FerretDB v1 has no retryable writes; MongoDB works either way.
    retryWrites: false,
  };
}

/**
 * Connects mongoose to MONGODB_URI, or to an embedded FerretDB whose files live under
 * `dataDir` when no URI is given.
 */
export async function connectDatabase(options: {
  mongodbUri?: string;
  dbName: string;
  dataDir: string;
  timeoutMs: number;
}): Promise<Database> {
  const embedded = options.mongodbUri
    ? null
    : await startFerretDB({ sqliteDir: path.join(options.dataDir, "sqlite") });
  const uri = options.mongodbUri ?? embedded!.uri;
  try {
    await mongoose.connect(uri, {
      dbName: options.dbName,
      ...databaseOptions(options.timeoutMs),
      monitorCommands: true,
    });
    countDatabaseCommands(mongoose.connection.getClient());
    await prepareDatabase();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    uri,
    embedded,
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}

import path from "node:path";
import "../../models/registry.ts";
import { mongoose } from "../../models/mongoose.ts";
import { startFerretDB, type RunningFerretDB } from "./ferretdb.ts";

export interface Database {
  uri: string;
  embedded: RunningFerretDB | null;
  close(): Promise<void>;
}

/**
 * Connects mongoose to MONGODB_URI, or to an embedded FerretDB whose files live under
 * `dataDir` when no URI is given.
 */
export async function connectDatabase(options: {
  mongodbUri?: string;
  dbName: string;
  dataDir: string;
}): Promise<Database> {
  const embedded = options.mongodbUri
    ? null
    : await startFerretDB({ sqliteDir: path.join(options.dataDir, "sqlite") });
  const uri = options.mongodbUri ?? embedded!.uri;
  try {
    await mongoose.connect(uri, {
      dbName: options.dbName,
      serverSelectionTimeoutMS: 10_000,
      // FerretDB v1 has no retryable writes; MongoDB works either way.
      retryWrites: false,
    });
    // Unique indexes must exist before anything is written (seeding relies on them).
    await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
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

import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { mongoose } from "../../models/mongoose.ts";
import { prepareDatabase } from "../../models/prepare.ts";

export interface TestDatabase {
  uri: string;
  dbName: string;
}

/**
 * Connects this test file to its own database on the run's FerretDB (dropped afterwards), so
 * files running in parallel never see each other's data.
 */
export function useTestDatabase(): TestDatabase {
  const db: TestDatabase = {
    uri: inject("mongoUri"),
    dbName: `t_${process.pid}_${randomBytes(4).toString("hex")}`,
  };
  beforeAll(async () => {
    // monitorCommands: tests may watch the commands in flight (tests/integration/compaction-turns).
    await mongoose.connect(db.uri, {
      dbName: db.dbName,
      retryWrites: false,
      monitorCommands: true,
    });
    await prepareDatabase();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });
  return db;
}

// `npm run audit:verify`: checks the whole audit chain; exits 1 if any entry was altered or removed.
import { getEnv } from "../app/utils/env.server.ts";
import { verifyAuditLog } from "../models/audit/check.ts";
import { connectDatabase } from "./database/connect.ts";

const env = getEnv();
const database = await connectDatabase({
  mongodbUri: env.MONGODB_URI,
  dbName: env.MONGODB_DB_NAME,
  dataDir: env.DATA_DIR,
  timeoutMs: env.DATABASE_TIMEOUT_MS,
});
try {
  const { entries, problems } = await verifyAuditLog();
  if (problems.length === 0) {
    console.log(`Audit log verified: ${entries} entries intact and in sequence.`);
  } else {
    for (const p of problems) console.error(`Entry ${p.seq}: ${p.problem}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}

// `npm run demo:codes`: the current two-factor codes of the demo accounts (README, "Demo
// sign-ins"), read from this installation's database. Demo accounts only: see demoSecondFactors.
import { getEnv } from "../app/utils/env.server.ts";
import { secondFactorKey } from "../app/utils/second-factor-key.server.ts";
import { demoSecondFactors } from "../models/seed/demo-codes.ts";
import { TOTP_PERIOD_SECONDS, codeAt } from "../models/second-factor/totp.ts";
import { connectDatabase } from "./database/connect.ts";

const env = getEnv();
const database = await connectDatabase({
  mongodbUri: env.MONGODB_URI,
  dbName: env.MONGODB_DB_NAME,
  dataDir: env.DATA_DIR,
  timeoutMs: env.DATABASE_TIMEOUT_MS,
});
try {
  const people = await demoSecondFactors(secondFactorKey());
  if (people.length === 0) {
    console.log(
      "No demo accounts with two-factor sign-in here (start the app once with SEED_DEMO=true).",
    );
  } else {
    const now = new Date();
    const left = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS);
    console.log(
      `Two-factor codes of the demo accounts (valid for about ${left + 30} more seconds):`,
    );
    for (const p of people) console.log(`  ${codeAt(p.secret, now)}  ${p.name} <${p.email}>`);
  }
} finally {
  await database.close();
}

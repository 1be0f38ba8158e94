import { secondFactorKey } from "../app/utils/second-factor-key.server.ts";
import { demoSecondFactors } from "../models/seed/demo-codes.ts";
import { groupedSecret } from "../models/second-factor/totp.ts";

/**
 * In development only (`npm run dev`), the demo accounts' set-up keys, so a developer can add
 * them to an authenticator app once. Demo accounts only; `npm run demo:codes` prints codes.
 */
export async function printDemoSecondFactors(): Promise<void> {
  const people = await demoSecondFactors(secondFactorKey());
  if (people.length === 0) return;
  console.log("Demo two-factor set-up keys (development only; or run `npm run demo:codes`):");
  for (const p of people) console.log(`  ${p.email.padEnd(30)} ${groupedSecret(p.secret)}`);
}

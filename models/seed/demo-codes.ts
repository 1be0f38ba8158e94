import { findTrustBySlug } from "../trust/trust.ts";
import { listMembershipsOfUser } from "../membership/membership.ts";
import { secondFactorSecret } from "../second-factor/second-factor.ts";
import { findUserByEmail } from "../user/user.ts";
import { DEMO_PEOPLE, DEMO_TRUST } from "./demo.ts";

export interface DemoSecondFactor {
  name: string;
  email: string;
  secret: string;
}

/**
 * The second-factor secrets of the demo people, and of nobody else: only the README's demo
 * emails, only while they belong to the demo trust. For `npm run demo:codes` and the
 * development start-up message; never for a real account.
 */
export async function demoSecondFactors(key: Buffer): Promise<DemoSecondFactor[]> {
  const trust = await findTrustBySlug(DEMO_TRUST.slug);
  if (!trust) return [];
  const found: DemoSecondFactor[] = [];
  for (const person of DEMO_PEOPLE) {
    const user = await findUserByEmail(person.email);
    if (!user) continue;
    const inDemoTrust = (await listMembershipsOfUser(user.id)).some((m) => m.trustId === trust.id);
    const secret = inDemoTrust ? await secondFactorSecret(key, user.id) : null;
    if (secret) found.push({ name: user.name, email: user.email, secret });
  }
  return found;
}

import { startEvaluation, listEvaluationsOfSchool } from "../evaluation/evaluation.ts";
import { ensureStarterFramework, type FrameworkVersion } from "../framework/framework.ts";
import { ofsted2025SelfEvaluation } from "../framework/starters/ofsted-2025.ts";
import { grantRole, loadActor } from "../membership/membership.ts";
import { requiresSecondFactor } from "../permissions/second-factor.ts";
import { enrolWithSecret } from "../second-factor/second-factor.ts";
import { newTotpSecret } from "../second-factor/totp.ts";
import type { Role } from "../permissions/roles.ts";
import { createSchool, listSchools, type NewSchool, type School } from "../school/school.ts";
import { createTrust, findTrustBySlug } from "../trust/trust.ts";
import { createUser, findUserByEmail } from "../user/user.ts";

export const DEMO_PASSWORD = "demo-password-2026";
export const DEMO_TRUST = { name: "Riverside Learning Trust", slug: "riverside" };
export const STARTER_KEY = "ofsted-2025-self-evaluation";
export const DEMO_EVALUATION_TITLE = "Self-evaluation 2026–27";

const SCHOOLS: NewSchool[] = [
  {
    name: "Riverside Primary Academy",
    urn: "140001",
    phase: "primary",
    hasEarlyYears: true,
    hasSixthForm: false,
  },
  {
    name: "Hillcrest Primary School",
    urn: "140002",
    phase: "primary",
    hasEarlyYears: true,
    hasSixthForm: false,
  },
  {
    name: "Oakfield Academy",
    urn: "140003",
    phase: "secondary",
    hasEarlyYears: false,
    hasSixthForm: true,
  },
  {
    name: "Meadowbank School",
    urn: "140004",
    phase: "allThrough",
    hasEarlyYears: true,
    hasSixthForm: true,
  },
];

/** The demo sign-ins (also listed in the README). `school` indexes SCHOOLS. */
export const DEMO_PEOPLE: { name: string; email: string; role: Role; school?: number }[] = [
  { name: "Priya Shah", email: "admin@riverside.example", role: "trustAdmin" },
  { name: "David Okafor", email: "leader@riverside.example", role: "trustLeader" },
  { name: "Helen Wright", email: "validator@riverside.example", role: "validator" },
  { name: "Sam Taylor", email: "head@riverside-primary.example", role: "schoolLeader", school: 0 },
  { name: "Alex Morgan", email: "senco@riverside-primary.example", role: "schoolStaff", school: 0 },
  {
    name: "Chris Evans",
    email: "english@riverside-primary.example",
    role: "schoolStaff",
    school: 0,
  },
  { name: "Jordan Lee", email: "head@hillcrest.example", role: "schoolLeader", school: 1 },
];

/**
 * Creates the demo trust, its schools, people, starter framework and one evaluation, and a
 * second factor (a random secret of this installation) for each demo person whose role
 * requires one: `npm run demo:codes` prints their current codes. Idempotent: running it again
 * changes nothing. `secondFactorKey` seals the secrets (app/utils/second-factor-key.server.ts).
 */
export async function seedDemo(options: {
  secondFactorKey: Buffer;
}): Promise<{ trustId: string; created: boolean; schools: School[]; version: FrameworkVersion }> {
  const existing = await findTrustBySlug(DEMO_TRUST.slug);
  const trust = existing ?? (await createTrust(DEMO_TRUST));
  const present = new Map((await listSchools(trust.id)).map((s) => [s.name, s]));
  const schools = [];
  for (const school of SCHOOLS) {
    schools.push(present.get(school.name) ?? (await createSchool(trust.id, school)));
  }
  const version = await ensureStarterFramework(trust.id, STARTER_KEY, ofsted2025SelfEvaluation);

  for (const person of DEMO_PEOPLE) {
    const user =
      (await findUserByEmail(person.email)) ??
      (await createUser({ name: person.name, email: person.email, password: DEMO_PASSWORD }));
    const schoolId = person.school === undefined ? null : schools[person.school].id;
    await grantRole(trust.id, { userId: user.id, role: person.role, schoolId });
    const actor = await loadActor(user.id);
    if (actor && requiresSecondFactor(actor))
      await enrolWithSecret(options.secondFactorKey, user.id, newTotpSecret());
  }

  const riverside = schools[0];
  if ((await listEvaluationsOfSchool(trust.id, riverside.id)).length === 0) {
    const head = (await findUserByEmail(DEMO_PEOPLE[3].email))!;
    await startEvaluation(riverside, version, {
      title: DEMO_EVALUATION_TITLE,
      createdBy: head.id,
    });
  }
  return { trustId: trust.id, created: !existing, schools, version };
}

import { randomBytes } from "node:crypto";
import { ensureAward, type Award } from "../../models/award/award.ts";
import { setValidatorsOfEvaluation } from "../../models/evaluation/validators.ts";
import { assignValidators } from "../../models/validation/validation.ts";
import { startEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { ensureStarterFramework, type FrameworkVersion } from "../../models/framework/framework.ts";
import { ofsted2025SelfEvaluation } from "../../models/framework/starters/ofsted-2025.ts";
import { grantRole } from "../../models/membership/membership.ts";
import type { Role } from "../../models/permissions/roles.ts";
import { createSchool, type NewSchool, type School } from "../../models/school/school.ts";
import { createTrust, type Trust } from "../../models/trust/trust.ts";
import { createUser, type User } from "../../models/user/user.ts";

// Test data builders (Outline's factories habit): each makes a valid entity with unique names.
const unique = () => randomBytes(4).toString("hex");
export const TEST_PASSWORD = "correct horse battery staple";

export async function buildTrust(name = `Test Trust ${unique()}`): Promise<Trust> {
  return createTrust({ name, slug: `trust-${unique()}` });
}

export async function buildSchool(
  trust: Trust,
  overrides: Partial<NewSchool> = {},
): Promise<School> {
  return createSchool(trust.id, {
    name: `School ${unique()}`,
    urn: null,
    phase: "primary",
    hasEarlyYears: true,
    hasSixthForm: false,
    ...overrides,
  });
}

/** A person holding `role` in the trust (and at `school`, for school roles). */
export async function buildUser(
  role: Role,
  trust: Trust,
  school?: School,
  name = `Person ${unique()}`,
): Promise<User> {
  const user = await createUser({
    name,
    email: `${unique()}@test.example`,
    password: TEST_PASSWORD,
  });
  await grantRole(trust.id, { userId: user.id, role, schoolId: school?.id ?? null });
  return user;
}

export async function buildStarterFramework(trust: Trust): Promise<FrameworkVersion> {
  return ensureStarterFramework(trust.id, "ofsted-2025-self-evaluation", ofsted2025SelfEvaluation);
}

export async function buildEvaluation(
  school: School,
  createdBy: User,
  trust: Trust,
): Promise<Evaluation> {
  const version = await buildStarterFramework(trust);
  return startEvaluation(school, version, {
    title: `Evaluation ${unique()}`,
    createdBy: createdBy.id,
  });
}

/** A trust with two schools, one person per role, and an evaluation at the first school. */
export async function buildWorld() {
  const trust = await buildTrust();
  const school = await buildSchool(trust);
  const otherSchool = await buildSchool(trust);
  const people = {
    schoolLeader: await buildUser("schoolLeader", trust, school, "Sam Leader"),
    staff: await buildUser("schoolStaff", trust, school, "Alex Staff"),
    staff2: await buildUser("schoolStaff", trust, school, "Chris Staff"),
    otherStaff: await buildUser("schoolStaff", trust, otherSchool, "Jordan Other"),
    trustAdmin: await buildUser("trustAdmin", trust, undefined, "Priya Admin"),
    trustLeader: await buildUser("trustLeader", trust, undefined, "David Leader"),
    validator: await buildUser("validator", trust, undefined, "Helen Validator"),
  };
  const evaluation = await buildEvaluation(school, people.schoolLeader, trust);
  return { trust, school, otherSchool, people, evaluation };
}

/** A validation of `evaluation` with these validators assigned (as a trust admin would). */
export async function buildValidation(
  evaluation: Evaluation,
  validatorIds: string[],
  assignedBy: string,
) {
  const validation = await assignValidators(evaluation, validatorIds, assignedBy);
  await setValidatorsOfEvaluation(evaluation, validatorIds);
  return validation;
}

let outcomeSeq = 1000;

/** An award, as an accredited outcome makes one (each call stands for a new outcome entry). */
export async function buildAward(
  input: Omit<Parameters<typeof ensureAward>[0], "outcomeSeq">,
): Promise<Award> {
  return ensureAward({ ...input, outcomeSeq: outcomeSeq++ });
}

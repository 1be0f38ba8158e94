import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { InvalidInputError, isDuplicateKey } from "../../models/errors.ts";
import { grantRoleOnce } from "../../models/membership/membership.ts";
import { ROLES, isSchoolRole, type Role } from "../../models/permissions/roles.ts";
import { loadTrustWhere } from "../../models/permissions/loaders.ts";
import { getSchool, type School } from "../../models/school/school.ts";
import { createUser, findUserByEmail, type User } from "../../models/user/user.ts";
import type { CommandContext } from "./context.ts";
import { parse, type Raw } from "./input.ts";

const PersonFields = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Enter the person's full name")
    .max(120, "Keep the name under 120 characters"),
  email: z.string().trim().email("Enter an email address like name@school.org.uk"),
  role: z.enum(ROLES, { message: "Choose a role" }),
  schoolId: z.string().max(24).optional(),
  password: z.string().max(200).optional(),
});

function schoolRoleNeedsSchool(v: { role: Role; schoolId?: string }, ctx: z.RefinementCtx) {
  if (isSchoolRole(v.role) && !v.schoolId) {
    ctx.addIssue({
      code: "custom",
      path: ["schoolId"],
      message: "Choose the school for this role",
    });
  }
}

export const AddPersonInput = PersonFields.superRefine(schoolRoleNeedsSchool);

/** For an email with no account yet: the first password is a field like the others. */
const AddNewPersonInput = PersonFields.extend({
  password: z
    .string({ message: "Give a first password of at least 12 characters" })
    .min(12, "Give a first password of at least 12 characters")
    .max(200),
}).superRefine(schoolRoleNeedsSchool);

/**
 * A trust admin gives someone a role in the trust (and, for school roles, a school), creating
 * their account with a first password if they have none. Giving a role they hold already
 * changes nothing and records nothing: `granted` is false.
 */
export async function addPerson(
  ctx: CommandContext,
  raw: Raw<typeof AddPersonInput>,
): Promise<{ user: User; role: Role; school: School | null; granted: boolean }> {
  const { trustId } = await loadTrustWhere(ctx.actor, "manage");
  // Looked up before parsing, so a missing first password is reported with the other fields'
  // problems in one answer, not after they are fixed.
  const existing = await findUserByEmail(typeof raw.email === "string" ? raw.email : "");
  const person = existing
    ? { ...parse(AddPersonInput, raw), account: existing }
    : { ...parse(AddNewPersonInput, raw), account: null };
  const { role } = person;
  const school = isSchoolRole(role) ? await getSchool(trustId, person.schoolId!) : null;
  if (isSchoolRole(role) && !school)
    throw new InvalidInputError("Choose one of this trust's schools", "schoolId");
  const user = person.account === null ? await createAccount(person) : person.account;
  const { created } = await grantRoleOnce(trustId, {
    userId: user.id,
    role,
    schoolId: school?.id ?? null,
  });
  // Only the request that gave the role records it: a repeat, or the same form sent twice, is
  // not a second grant.
  if (!created) return { user, role, school, granted: false };
  await recordAudit({
    trustId,
    actorId: ctx.actor.userId,
    action: "roleGranted",
    subject: `user:${user.id}`,
    details: { role, schoolId: school?.id ?? null },
  });
  // What the new role opens (or makes writable) applies to documents they have open now.
  await ctx.collab.recheckAccess([user.id]);
  return { user, role, school, granted: true };
}

async function createAccount(input: { name: string; email: string; password: string }) {
  try {
    return await createUser(input);
  } catch (error) {
    // The same form twice: the other request made the account a moment ago.
    if (!isDuplicateKey(error)) throw error;
    const made = await findUserByEmail(input.email);
    if (!made) throw error;
    return made;
  }
}

import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { InvalidInputError, isDuplicateKey } from "../../models/errors.ts";
import { grantRole } from "../../models/membership/membership.ts";
import { ROLES, isSchoolRole, type Role } from "../../models/permissions/roles.ts";
import { loadTrustWhere } from "../../models/permissions/loaders.ts";
import { getSchool } from "../../models/school/school.ts";
import { createUser, findUserByEmail, type User } from "../../models/user/user.ts";
import type { CommandContext } from "./context.ts";
import { parse, type Raw } from "./input.ts";

export const AddPersonInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, "Enter the person's full name")
      .max(120, "Keep the name under 120 characters"),
    email: z.string().trim().email("Enter an email address like name@school.org.uk"),
    role: z.enum(ROLES, { message: "Choose a role" }),
    schoolId: z.string().max(24).optional(),
    password: z.string().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (isSchoolRole(v.role) && !v.schoolId) {
      ctx.addIssue({
        code: "custom",
        path: ["schoolId"],
        message: "Choose the school for this role",
      });
    }
  });

/**
 * A trust admin gives someone a role in the trust (and, for school roles, a school), creating
 * their account with a first password if they have none. Giving a role twice changes nothing.
 */
export async function addPerson(
  ctx: CommandContext,
  raw: Raw<typeof AddPersonInput>,
): Promise<{ user: User; role: Role }> {
  const { trustId } = await loadTrustWhere(ctx.actor, "manage");
  const { name, email, role, password, ...input } = parse(AddPersonInput, raw);
  const schoolId = isSchoolRole(role) ? input.schoolId! : null;
  if (schoolId && !(await getSchool(trustId, schoolId)))
    throw new InvalidInputError("Choose one of this trust's schools", "schoolId");
  let user = await findUserByEmail(email);
  if (!user) {
    if (!password || password.length < 12)
      throw new InvalidInputError("Give a first password of at least 12 characters", "password");
    try {
      user = await createUser({ name, email, password });
    } catch (error) {
      // The same form twice: the other request made the account a moment ago.
      if (!isDuplicateKey(error)) throw error;
      user = await findUserByEmail(email);
      if (!user) throw error;
    }
  }
  await grantRole(trustId, { userId: user.id, role, schoolId });
  await recordAudit({
    trustId,
    actorId: ctx.actor.userId,
    action: "roleGranted",
    subject: `user:${user.id}`,
    details: { role, schoolId },
  });
  // What the new role opens (or makes writable) applies to documents they have open now.
  await ctx.collab.recheckAccess([user.id]);
  return { user, role };
}

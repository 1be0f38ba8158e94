import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { InvalidInputError } from "../../models/errors.ts";
import { requestId } from "../../models/input.ts";
import { loadTrustWhere } from "../../models/permissions/loaders.ts";
import { DuplicateSchoolError, createSchool, type School } from "../../models/school/school.ts";
import type { CommandContext } from "./context.ts";
import { parse, type Raw } from "./input.ts";

const checkbox = z.preprocess((v) => v === "on" || v === true, z.boolean());

export const AddSchoolInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Enter the school's name")
    .max(200, "Keep the name under 200 characters"),
  urn: z
    .string()
    .trim()
    .regex(/^(\d{6,7})?$/, "A URN is six or seven digits")
    .transform((v) => v || null),
  phase: z.enum(["primary", "secondary", "allThrough", "special"], { message: "Choose a phase" }),
  hasEarlyYears: checkbox,
  hasSixthForm: checkbox,
  requestId: requestId(),
});

/** A trust admin adds a school to the trust. */
export async function addSchool(
  ctx: CommandContext,
  raw: Raw<typeof AddSchoolInput>,
): Promise<School> {
  const { trustId } = await loadTrustWhere(ctx.actor, "manage");
  const input = parse(AddSchoolInput, raw);
  try {
    const school = await createSchool(trustId, input);
    await recordAudit({
      trustId,
      actorId: ctx.actor.userId,
      action: "schoolAdded",
      subject: `school:${school.id}`,
      details: { name: school.name },
    });
    return school;
  } catch (error) {
    if (error instanceof DuplicateSchoolError) throw new InvalidInputError(error.message, "name");
    throw error;
  }
}

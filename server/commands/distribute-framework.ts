import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { CycleNameTakenError, ensureCycle } from "../../models/cycle/cycle.ts";
import { InvalidInputError } from "../../models/errors.ts";
import { distributeEvaluations } from "../../models/evaluation/evaluation.ts";
import { getFrameworkVersion } from "../../models/framework/framework.ts";
import { objectId } from "../../models/input.ts";
import { loadTrustFor } from "../../models/permissions/loaders.ts";
import { listSchools } from "../../models/school/school.ts";
import type { CommandContext } from "./context.ts";
import { parse, type Raw } from "./input.ts";

export const DistributeFrameworkInput = z.object({
  versionId: objectId("That framework version no longer exists."),
  name: z
    .string()
    .trim()
    .min(3, "Name the cycle (at least 3 characters)")
    .max(200, "Keep the name under 200 characters"),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date evaluations are due")
    .transform((v) => new Date(`${v}T23:59:59Z`))
    .refine(
      (d) => !Number.isNaN(d.getTime()) && d.getTime() > Date.now() - 24 * 3600_000,
      "The due date must not be in the past",
    ),
  schoolId: z
    .array(objectId("Choose schools of this trust only"))
    .min(1, "Choose at least one school")
    .max(500),
});

export interface Distribution {
  cycleId: string;
  /** Names of the schools that got a new evaluation, and of those that already had one. */
  created: string[];
  existing: string[];
}

/**
 * A trust admin sends a published framework version to some of the trust's schools as a cycle
 * (the cycle is made on first use of its name). One evaluation per school per cycle: repeating
 * it, or two admins at once, duplicates nothing. The browser sends big trusts in batches.
 */
export async function distributeFramework(
  ctx: CommandContext,
  raw: Raw<typeof DistributeFrameworkInput>,
): Promise<Distribution> {
  const { trustId } = await loadTrustFor(ctx.actor, "framework", "distribute");
  const input = parse(DistributeFrameworkInput, raw);
  const version = await getFrameworkVersion(trustId, input.versionId);
  if (!version) throw new InvalidInputError("That framework version no longer exists.");
  const all = await listSchools(trustId);
  const chosen = all.filter((s) => input.schoolId.includes(s.id));
  if (chosen.length !== new Set(input.schoolId).size)
    throw new InvalidInputError("Choose schools of this trust only", "schoolId");
  let cycle;
  try {
    ({ cycle } = await ensureCycle(version, {
      name: input.name,
      dueDate: input.dueDate,
      createdBy: ctx.actor.userId,
    }));
  } catch (error) {
    if (error instanceof CycleNameTakenError) throw new InvalidInputError(error.message, "name");
    throw error;
  }
  const result = await distributeEvaluations(chosen, version, {
    title: cycle.name,
    createdBy: ctx.actor.userId,
    cycleId: cycle.id,
    dueDate: cycle.dueDate,
  });
  if (result.created.length) {
    await recordAudit({
      trustId,
      actorId: ctx.actor.userId,
      action: "frameworkDistributed",
      subject: `cycle:${cycle.id}`,
      details: { version: version.version, schools: result.created.length },
    });
  }
  const nameOf = (id: string) => all.find((s) => s.id === id)?.name ?? id;
  return {
    cycleId: cycle.id,
    created: result.created.map(nameOf),
    existing: result.existing.map(nameOf),
  };
}

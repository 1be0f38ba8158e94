import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { CycleNameTakenError, ensureCycle } from "../../models/cycle/cycle.ts";
import { todayInEngland } from "../../models/dates.ts";
import { InvalidInputError } from "../../models/errors.ts";
import {
  distributeEvaluations,
  type DistributedEvaluations,
} from "../../models/evaluation/distribution.ts";
import { getEvaluation, type Evaluation } from "../../models/evaluation/evaluation.ts";
import { getFrameworkVersion, type FrameworkVersion } from "../../models/framework/framework.ts";
import { objectId } from "../../models/input.ts";
import { loadTrustFor } from "../../models/permissions/loaders.ts";
import { listSchools } from "../../models/school/school.ts";
import type { CommandContext } from "./context.ts";
import { prefillFrom } from "./prefill-from.ts";
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
    // Days as written (YYYY-MM-DD) compare as strings: today in England is the earliest.
    .refine((v) => v >= todayInEngland(), "The due date must not be in the past")
    .transform((v) => new Date(`${v}T23:59:59Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "Choose the date evaluations are due"),
  schoolId: z
    .array(objectId("Choose schools of this trust only"))
    .min(1, "Choose at least one school")
    .max(500),
});

export interface Distribution {
  cycleId: string;
  /** Names of the schools that got a new, empty evaluation. */
  created: string[];
  /** Schools whose unfinished evaluation joined the cycle with its work. */
  adopted: { school: string; title: string }[];
  /** Schools that got a new evaluation pre-filled from their last one (finished, or last cycle's). */
  prefilled: { school: string; from: string }[];
  /** Names of the schools that already had this cycle's evaluation. */
  existing: string[];
  /**
   * The cycle existed already with another due date, which it keeps (its schools were told it):
   * that date, so the admin is not left believing the one they typed applies.
   */
  dueDateKept: string | null;
  /**
   * The name was an existing cycle's, so the schools joined it rather than starting a new one:
   * its name, so the confirmation can say so.
   */
  joinedCycle: string | null;
}

/**
 * A trust admin sends a published framework version to some of the trust's schools as a cycle
 * (the cycle is made on first use of its name). One evaluation per school per cycle: repeating
 * it, or two admins at once, duplicates nothing. A school already working on this framework
 * keeps its work: its unfinished evaluation joins the cycle; one whose last evaluation is
 * finished starts a new one pre-filled from it (models/cycle/adoption.ts). The browser sends
 * big trusts in batches.
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
  let cycleIsNew;
  try {
    ({ cycle, created: cycleIsNew } = await ensureCycle(version, {
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
  const previous = await prefillFromLastOnes(ctx, version, result.prefill);
  const made = result.created.length + result.prefill.length;
  if (made) {
    await recordAudit({
      trustId,
      actorId: ctx.actor.userId,
      action: "frameworkDistributed",
      subject: `cycle:${cycle.id}`,
      details: { version: version.version, schools: made },
    });
  }
  for (const { evaluationId } of result.adopted) {
    await recordAudit({
      trustId,
      actorId: ctx.actor.userId,
      action: "evaluationAdopted",
      subject: `evaluation:${evaluationId}`,
      details: { cycle: cycle.name },
    });
  }
  const adoptedTitles = await Promise.all(
    result.adopted.map((a) => getEvaluation(trustId, a.evaluationId)),
  );
  const nameOf = (id: string) => all.find((s) => s.id === id)?.name ?? id;
  return {
    cycleId: cycle.id,
    created: result.created.map(nameOf),
    adopted: result.adopted.map((a, i) => ({
      school: nameOf(a.schoolId),
      title: adoptedTitles[i]?.title ?? "",
    })),
    prefilled: result.prefill.map((p) => ({
      school: nameOf(p.schoolId),
      from: previous.get(p.evaluationId)?.title ?? "",
    })),
    existing: result.existing.map(nameOf),
    dueDateKept:
      !cycleIsNew && cycle.dueDate?.getTime() !== input.dueDate?.getTime()
        ? (cycle.dueDate?.toISOString() ?? null)
        : null,
    joinedCycle: cycleIsNew ? null : cycle.name,
  };
}

/**
 * Copies each school's last evaluation into its new one, as a renewal does: judgements (except
 * on criteria reworded since), narrative, evidence notes, forces and actions. Only new
 * evaluations are filled, once, by the request that created them. Returns the previous
 * evaluation of each new one.
 */
async function prefillFromLastOnes(
  ctx: CommandContext,
  version: FrameworkVersion,
  prefill: DistributedEvaluations["prefill"],
): Promise<Map<string, Evaluation>> {
  const previousOf = new Map<string, Evaluation>();
  const versions = new Map<string, Promise<FrameworkVersion | null>>();
  for (const { evaluationId, fromId } of prefill) {
    const [fresh, from] = await Promise.all([
      getEvaluation(version.trustId, evaluationId),
      getEvaluation(version.trustId, fromId),
    ]);
    if (!fresh || !from) continue;
    previousOf.set(evaluationId, from);
    if (!versions.has(from.frameworkVersionId))
      versions.set(
        from.frameworkVersionId,
        getFrameworkVersion(version.trustId, from.frameworkVersionId),
      );
    const before = await versions.get(from.frameworkVersionId)!;
    await prefillFrom(ctx.collab, fresh, from, {
      before: before?.content ?? null,
      now: version.content,
    });
  }
  return previousOf;
}

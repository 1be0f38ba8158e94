import { distributionStep } from "../../models/cycle/adoption.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import {
  CYCLE_STATUS_LABELS,
  listCycles,
  listEvaluationsOnFramework,
  progressOf,
} from "../models.server.ts";

/**
 * What distributing will do for each school that already has an evaluation on the framework,
 * in words, shown beside the school before the admin distributes (the same rule the command
 * follows: models/cycle/adoption.ts). Schools with none are left out: they get a new one.
 */
export async function distributionPreview(
  trustId: string,
  frameworkId: string,
): Promise<Record<string, string>> {
  const [evaluations, cycles] = await Promise.all([
    listEvaluationsOnFramework(trustId, frameworkId),
    listCycles(trustId),
  ]);
  const cycleName = new Map(cycles.map((c) => [c.id, c.name]));
  const bySchool = new Map<string, Evaluation[]>();
  for (const e of evaluations) bySchool.set(e.schoolId, [...(bySchool.get(e.schoolId) ?? []), e]);
  const hints: Record<string, string> = {};
  for (const [schoolId, own] of bySchool) {
    // Before the cycle exists nothing is in it yet: "" matches no evaluation's cycle.
    const step = distributionStep("", own);
    const status = (e: Evaluation) => CYCLE_STATUS_LABELS[progressOf(e).status].toLowerCase();
    if (step.kind === "adopt") {
      const e = own.find((x) => x.id === step.evaluationId)!;
      hints[schoolId] =
        `Has “${e.title}” (${status(e)}, ${e.projection.judgedCount} of ${e.projection.criteriaCount} judged): it joins this cycle with its work.`;
    } else if (step.kind === "prefill") {
      const e = own.find((x) => x.id === step.fromId)!;
      const where = e.cycleId
        ? `belongs to the cycle “${cycleName.get(e.cycleId) ?? ""}”`
        : `is ${status(e)}`;
      hints[schoolId] =
        `Its last evaluation, “${e.title}”, ${where}: a new one starts pre-filled from it.`;
    }
  }
  return hints;
}

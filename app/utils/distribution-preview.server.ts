import { distributionStep, type DistributionStep } from "../../models/cycle/adoption.ts";
import { cycleNameKey } from "../../models/cycle/name-key.ts";
import type { Evaluation } from "../../models/evaluation/evaluation.ts";
import {
  CYCLE_STATUS_LABELS,
  listCycles,
  listEvaluationsOnFramework,
  progressOf,
} from "../models.server.ts";

/** What distributing does for one school that already has an evaluation, and in words. */
export interface DistributionHint {
  kind: Exclude<DistributionStep["kind"], "new">;
  text: string;
}

/** An existing cycle of the version, as the form says it before the schools join it. */
export interface ExistingCycle {
  id: string;
  nameKey: string;
  name: string;
  /** Its due date (ISO), which it keeps whatever date is typed. */
  dueDate: string | null;
  /** How many schools have an evaluation in it. */
  schools: number;
}

/** For one school with an evaluation on the framework: what distributing will do to it. */
export interface SchoolPreview {
  /** Into a cycle it has no evaluation in (a new cycle, or one it is not in yet). */
  inNewCycle: DistributionHint;
  /** Into an existing cycle of this version it already has its evaluation in: cycle id → hint. */
  inCycle: Record<string, DistributionHint>;
}

/**
 * What distributing will do for each school that already has an evaluation on the framework,
 * in words, shown beside the school before the admin distributes (the same rule the command
 * follows: models/cycle/adoption.ts). Schools with none are left out: they get a new one.
 * Which cycle it is depends on the name typed: distributing again under the name of one of
 * `cycles` (this version's) goes into that cycle, where a school already in it keeps its own.
 */
export async function distributionPreview(
  trustId: string,
  version: { id: string; frameworkId: string },
): Promise<{
  /** This version's cycles: distributing under one's name adds the schools to it. */
  cycles: ExistingCycle[];
  /** Names (folded) of the trust's cycles on other versions: distributing under one is refused. */
  namesTakenElsewhere: string[];
  schools: Record<string, SchoolPreview>;
}> {
  const [evaluations, allCycles] = await Promise.all([
    listEvaluationsOnFramework(trustId, version.frameworkId),
    listCycles(trustId),
  ]);
  const cycleName = new Map(allCycles.map((c) => [c.id, c.name]));
  const cycles = allCycles.filter((c) => c.frameworkVersionId === version.id);
  const bySchool = new Map<string, Evaluation[]>();
  for (const e of evaluations) bySchool.set(e.schoolId, [...(bySchool.get(e.schoolId) ?? []), e]);
  const status = (e: Evaluation) => CYCLE_STATUS_LABELS[progressOf(e).status].toLowerCase();
  const progress = (e: Evaluation) =>
    `${status(e)}, ${e.projection.judgedCount} of ${e.projection.criteriaCount} judged`;

  function hintFor(step: DistributionStep, own: Evaluation[]): DistributionHint | null {
    const find = (id: string) => own.find((x) => x.id === id)!;
    switch (step.kind) {
      case "existing": {
        const e = find(step.evaluationId);
        return {
          kind: "existing",
          text: `Already has “${e.title}” in this cycle (${progress(e)}): it stays as it is, and nothing new is made.`,
        };
      }
      case "adopt": {
        const e = find(step.evaluationId);
        return {
          kind: "adopt",
          text: `Has “${e.title}” (${progress(e)}): it joins this cycle with its work.`,
        };
      }
      case "prefill": {
        const e = find(step.fromId);
        const where = e.cycleId
          ? `belongs to the cycle “${cycleName.get(e.cycleId) ?? ""}”`
          : `is ${status(e)}`;
        return {
          kind: "prefill",
          text: `Its last evaluation, “${e.title}”, ${where}: a new one starts pre-filled from it.`,
        };
      }
      case "new":
        return null;
    }
  }

  const schools: Record<string, SchoolPreview> = {};
  for (const [schoolId, own] of bySchool) {
    // Into a cycle it is not in yet: "" matches no evaluation's cycle.
    const inNewCycle = hintFor(distributionStep("", own), own);
    if (!inNewCycle) continue;
    const inCycle: Record<string, DistributionHint> = {};
    for (const cycle of cycles) {
      if (!own.some((e) => e.cycleId === cycle.id)) continue;
      const hint = hintFor(distributionStep(cycle.id, own), own);
      if (hint) inCycle[cycle.id] = hint;
    }
    schools[schoolId] = { inNewCycle, inCycle };
  }
  return {
    cycles: cycles.map((c) => ({
      id: c.id,
      nameKey: cycleNameKey(c.name),
      name: c.name,
      dueDate: c.dueDate?.toISOString() ?? null,
      schools: new Set(evaluations.filter((e) => e.cycleId === c.id).map((e) => e.schoolId)).size,
    })),
    namesTakenElsewhere: allCycles
      .filter((c) => c.frameworkVersionId !== version.id)
      .map((c) => cycleNameKey(c.name)),
    schools,
  };
}

import type { EvaluationStatus } from "../evaluation/evaluation.ts";

/** What the plan needs to know of each of a school's evaluations on the cycle's framework. */
export interface EvaluationOnFramework {
  id: string;
  cycleId: string | null;
  status: EvaluationStatus;
  createdAt: Date;
}

/**
 * What distributing a cycle does for one school:
 * - `existing`: it already has this cycle's evaluation (a repeat, or another admin was quicker);
 * - `adopt`: its latest unfinished evaluation of its own on this framework joins the cycle,
 *   with its work (never a second, empty one beside it);
 * - `prefill`: its latest one is finished (validated or accredited) or belongs to another cycle:
 *   that is last cycle's work, so a new evaluation starts pre-filled from it, like a renewal;
 * - `new`: it has none on this framework, so a new, empty one.
 */
export type DistributionStep =
  | { kind: "existing"; evaluationId: string }
  | { kind: "adopt"; evaluationId: string }
  | { kind: "prefill"; fromId: string }
  | { kind: "new" };

const UNFINISHED: readonly EvaluationStatus[] = ["inProgress", "submitted"];

const newestFirst = (a: EvaluationOnFramework, b: EvaluationOnFramework) =>
  b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);

export function distributionStep(
  cycleId: string,
  evaluations: EvaluationOnFramework[],
): DistributionStep {
  const sorted = [...evaluations].sort(newestFirst);
  const inCycle = sorted.find((e) => e.cycleId === cycleId);
  if (inCycle) return { kind: "existing", evaluationId: inCycle.id };
  const unfinished = sorted.find((e) => e.cycleId === null && UNFINISHED.includes(e.status));
  if (unfinished) return { kind: "adopt", evaluationId: unfinished.id };
  const latest = sorted[0];
  return latest ? { kind: "prefill", fromId: latest.id } : { kind: "new" };
}

import type { Resource } from "../permissions/can.ts";
import { contributorIdsOf } from "../perspective/perspective.ts";
import type { Evaluation } from "./evaluation.ts";

/**
 * An evaluation as the permission module sees it: the one place that gathers who may see it
 * (its school, assigned validators, invited contributors), for routes and the socket alike.
 */
export async function evaluationResource(
  evaluation: Evaluation,
): Promise<Extract<Resource, { type: "evaluation" }>> {
  return {
    type: "evaluation",
    trustId: evaluation.trustId,
    schoolId: evaluation.schoolId,
    validatorIds: evaluation.validatorIds,
    contributorIds: await contributorIdsOf(evaluation.id),
    frameworkKind: evaluation.frameworkKind ?? undefined,
  };
}

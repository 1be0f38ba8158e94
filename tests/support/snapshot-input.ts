import { randomBytes } from "node:crypto";
import type { EvaluationProjection } from "../../models/evaluation/projection.ts";
import type { NewSnapshot } from "../../models/snapshot/snapshot.ts";
import type { buildWorld } from "./factories.ts";

/** A submission of the world's evaluation holding `state`, taken over `guard`. */
export function snapshotInput(
  world: Awaited<ReturnType<typeof buildWorld>>,
  state: Uint8Array,
  guard = `test ${randomBytes(4).toString("hex")}`,
  evaluation: { id: string; frameworkVersionId: string } = world.evaluation,
): NewSnapshot {
  return {
    trustId: world.trust.id,
    schoolId: world.school.id,
    evaluationId: evaluation.id,
    kind: "submission",
    state,
    frameworkVersionId: evaluation.frameworkVersionId,
    projection: { judgements: [] } as unknown as EvaluationProjection,
    judgements: {},
    levelsByCriterion: {},
    levelNames: {},
    createdBy: world.people.schoolLeader.id,
    guard,
  };
}

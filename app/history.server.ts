// The model functions the submission and history routes call (alongside models.server.ts),
// kept behind a `.server` module so no database code reaches the browser bundle.
export {
  getSnapshot,
  listSnapshotsOfEvaluation,
  SNAPSHOT_KIND_LABELS,
} from "../models/snapshot/snapshot.ts";
export { NotSubmittableError, submitEvaluation } from "../models/snapshot/submit.ts";
export { judgementTrend } from "../models/snapshot/trend.ts";
export { compareEvaluations } from "../models/snapshot/compare.ts";
export { evaluationStateFromUpdate, readEvaluationState } from "../collab/shapes/snapshot-view.ts";
// The same reading of force-fields and actions the projection extension makes after each store.
export { readPlan } from "../collab/projections.ts";

// What the school and home pages call. Server-only.
export { can } from "../models/permissions/can.ts";
export { loadSchool, schoolResource, trustResource } from "../models/permissions/loaders.ts";
export { listEvaluationsOfSchool } from "../models/evaluation/evaluation.ts";
export { listLatestFrameworkVersions } from "../models/framework/framework.ts";
export { listCycles } from "../models/cycle/cycle.ts";
export { progressOf, workingOn, CYCLE_STATUS_LABELS } from "../models/cycle/status.ts";
export { newRequestId } from "../models/input.ts";
export { StartEvaluationInput, startEvaluation } from "../server/commands/start-evaluation.ts";
export { trustIdsOf } from "../models/permissions/can.ts";
export { listReadableEvaluations, listReadableSchools } from "../models/permissions/loaders.ts";
export { evaluationIdsContributedBy } from "../models/perspective/perspective.ts";
export { getSchool } from "../models/school/school.ts";
export { getTrust } from "../models/trust/trust.ts";

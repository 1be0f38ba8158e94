// What the evaluation pages' loaders call: the loaders (which check permission) and the
// queries the pages show. Server-only, so no database code reaches the browser bundle.
export { can, roleAt, roleLabelAt } from "../models/permissions/can.ts";
export {
  evaluationResource,
  loadEvaluation,
  validationResourceOf,
} from "../models/permissions/loaders.ts";
export { frameworkOfEvaluation } from "../models/evaluation/framework-of.ts";
export { newestVersionNumber } from "../models/framework/framework.ts";
export { latestSubmissionAmong } from "../models/snapshot/submit.ts";
export { listSnapshotsOfEvaluation } from "../models/snapshot/snapshot.ts";
export { upgradeEvaluation, upgradePlan } from "../server/commands/upgrade-evaluation.ts";
export { versionMoveWait } from "../models/evaluation/version-move.ts";
export {
  inviteContributor,
  recordPerspective,
  removeContributor,
} from "../server/commands/perspectives.ts";
export {
  PERSPECTIVES,
  PERSPECTIVE_LABELS,
  listContributors,
  listPerspectiveJudgements,
} from "../models/perspective/perspective.ts";
export { listMembershipsOfTrust } from "../models/membership/membership.ts";
export { submittersAmong, whoMaySubmit } from "../models/evaluation/submitters.ts";
export { getUsers } from "../models/user/user.ts";
export { getSchool } from "../models/school/school.ts";
export { schoolResource } from "../models/permissions/loaders.ts";
export { awardOfEvaluation, todayInEngland } from "./award.server.ts";
export { getCycle } from "../models/cycle/cycle.ts";
export { progressOf, CYCLE_STATUS_IN_FULL } from "../models/cycle/status.ts";

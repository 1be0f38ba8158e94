// The model functions routes may call. Kept behind a `.server` module so no database code can
// reach the browser bundle; types may be imported from models/ directly.
export { getTrust } from "../models/trust/trust.ts";
export {
  createSchool,
  DuplicateSchoolError,
  getSchool,
  listSchools,
} from "../models/school/school.ts";
export {
  createUser,
  findUserByEmail,
  getUser,
  getUsers,
  verifyCredentials,
} from "../models/user/user.ts";
export { grantRole, listMembershipsOfTrust } from "../models/membership/membership.ts";
export { createSession, revokeSession } from "../models/session/session.ts";
export { getFrameworkVersion, listLatestFrameworkVersions } from "../models/framework/framework.ts";
export { applicableAreas } from "../models/framework/applicable.ts";
export { listEvaluationsOfSchool, startEvaluation } from "../models/evaluation/evaluation.ts";
export { can } from "../models/permissions/can.ts";
export { teamResourceOf } from "../models/permissions/loaders.ts";
export {
  ConcurrentPublishError,
  createFramework,
  latestVersionOf,
  listFrameworks,
  listVersions,
  publishVersion,
} from "../models/framework/framework.ts";
export { STARTERS, findStarter } from "../models/framework/starters/index.ts";
export { parseFrameworkFile } from "../models/framework/schema.ts";
export { completenessProblems } from "../models/framework/completeness.ts";
export { diffVersions } from "../models/framework/diff.ts";
export { CycleNameTakenError, ensureCycle, getCycle, listCycles } from "../models/cycle/cycle.ts";
export {
  listEvaluationsOfCycle,
  listEvaluationsOnFramework,
  moveToVersion,
} from "../models/evaluation/evaluation.ts";
export { distributeEvaluations } from "../models/evaluation/distribution.ts";
export { progressOf, CYCLE_STATUS_LABELS } from "../models/cycle/status.ts";
export {
  InvalidJudgementError,
  PERSPECTIVES,
  PERSPECTIVE_LABELS,
  evaluationIdsContributedBy,
  inviteContributor,
  listContributors,
  listPerspectiveJudgements,
  recordPerspectiveJudgements,
  pruneJudgements,
  removeContributor,
} from "../models/perspective/perspective.ts";
export { allAuditOf, chainEnd, listAudit, recordAudit } from "../models/audit/audit.ts";
export { auditLogStatus } from "../models/audit/check.ts";
export { listMembershipsOfUser } from "../models/membership/membership.ts";
export {
  findValidationOfEvaluation,
  listValidationsOf,
  listValidationsOfTrust,
} from "../models/validation/validation.ts";
export { listRecordEntries } from "../models/validation/record.ts";
export { recommend } from "../models/framework/accreditation.ts";
export { loadActor } from "../models/membership/membership.ts";
export {
  findAwardByCode,
  getAward,
  inRenewalWindow,
  listCurrentAwards,
} from "../models/award/award.ts";
export {
  actionsOwnedBy,
  listActionOwners,
  listEvaluationsWithActionsOf,
} from "../models/evaluation/actions.ts";
export { isLiveToken, listAccessTokens } from "../models/access-token/access-token.ts";

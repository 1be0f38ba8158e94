// What the validation and meeting routes call: commands (server/commands) and the queries
// their pages show. Server-only, so no database code reaches the browser bundle.
export { AgreeJudgementInput, agreeJudgement } from "../server/commands/agree-judgement.ts";
export { AssignValidatorsInput, assignValidators } from "../server/commands/assign-validators.ts";
export { ConfirmJudgementInput, confirmJudgement } from "../server/commands/confirm-judgement.ts";
export { RecordOutcomeInput, recordOutcome } from "../server/commands/record-outcome.ts";
export { SubmitEvaluationInput, submitEvaluation } from "../server/commands/submit-evaluation.ts";
export { StartRenewalInput, startRenewal } from "../server/commands/start-renewal.ts";
export { can } from "../models/permissions/can.ts";
export {
  loadAward,
  loadEvaluation,
  loadValidationOfEvaluation,
} from "../models/permissions/loaders.ts";
export { frameworkOfValidation, versionsIfMoved } from "../models/validation/framework-of.ts";
export { outcomesFor } from "../models/validation/outcome.ts";
export { validatorCandidates } from "../models/validation/candidates.ts";
export { listMembershipsOfTrust } from "../models/membership/membership.ts";
export { listRecordEntries } from "../models/validation/record.ts";
export { getUsers } from "../models/user/user.ts";
export { ScheduleMeetingInput, scheduleMeeting } from "../server/commands/schedule-meeting.ts";
export {
  ProvisionalJudgementInput,
  recordProvisionalJudgement,
} from "../server/commands/record-provisional-judgement.ts";
export { navigationOf, trustIdsOf } from "../models/permissions/can.ts";
export { trustResource } from "../models/permissions/loaders.ts";
export { validationResource } from "../models/permissions/loaders.ts";
export { getEvaluation } from "../models/evaluation/evaluation.ts";
export { getSchool } from "../models/school/school.ts";
export { listValidationsOf, listValidationsOfTrust } from "../models/validation/validation.ts";
export { findMeetingSchedule } from "../models/validation/meeting.ts";
export { meetingResource } from "../models/permissions/loaders.ts";
export { findValidationOfEvaluation } from "../models/validation/validation.ts";
export {
  SaveAgreementDraftInput,
  saveAgreementDraft,
} from "../server/commands/save-agreement-draft.ts";
export { listAgreementDrafts } from "../models/validation/agreement-draft.ts";

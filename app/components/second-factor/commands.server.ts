// The second-factor commands the routes call, behind a `.server` module so none of their
// database code can reach the browser bundle. Server-only.
export {
  EnrolSecondFactorInput,
  enrolSecondFactor,
} from "../../../server/commands/enrol-second-factor.ts";
export {
  VerifySecondFactorInput,
  verifySecondFactor,
} from "../../../server/commands/verify-second-factor.ts";
export {
  ResetSecondFactorInput,
  previewReset,
  resetSecondFactor,
} from "../../../server/commands/reset-second-factor.ts";
export {
  ReplaceRecoveryCodesInput,
  replaceOwnRecoveryCodes,
} from "../../../server/commands/replace-recovery-codes.ts";

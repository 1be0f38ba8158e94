// What the framework and cycle routes call: commands and the queries their pages show.
// Server-only, so no database code reaches the browser bundle.
export { can } from "../models/permissions/can.ts";
export {
  frameworksOf,
  loadCycle,
  loadFramework,
  loadTrustFor,
} from "../models/permissions/loaders.ts";
export { listFrameworks, listVersions } from "../models/framework/framework.ts";
export { STARTERS } from "../models/framework/starters/index.ts";
export {
  IncompleteFrameworkError,
  PublishFrameworkInput,
  publishFramework,
} from "../server/commands/publish-framework.ts";
export {
  CopyFrameworkInput,
  CreateFrameworkInput,
  ImportFrameworkInput,
  ImportRefusedError,
  copyFramework,
  createFramework,
  importFramework,
} from "../server/commands/create-framework.ts";
export { draftChanges, type DraftChange } from "../server/commands/draft-changes.ts";
export { newRequestId } from "../models/input.ts";
export {
  getFrameworkVersion,
  listLatestFrameworkVersions,
} from "../models/framework/framework.ts";
export { listSchools } from "../models/school/school.ts";
export {
  DistributeFrameworkInput,
  distributeFramework,
  type Distribution,
} from "../server/commands/distribute-framework.ts";

// What the joint workspace pages call. Server-only.
export {
  archiveWorkspace,
  chooseMembers,
  createWorkspace,
  createWorkspaceFromPairing,
  removeMember,
  removeSchool,
  respondToInvitation,
} from "../server/commands/workspace.ts";
export {
  jointActionsOf,
  libraryFileOf,
  sharedEvidenceFileOf,
  workspaceMeetingInviteFor,
  workspaceMeetingPageData,
  sharePageData,
  workspacePageData,
  workspacesPageData,
} from "./components/workspace/workspace.server.ts";
export { newRequestId } from "../models/input.ts";
export {
  addJointAction,
  addLibraryItem,
  setJointActionStatus,
  shareCriterion,
  shareTargets,
  usePracticeAsEvidence,
  withdrawShare,
} from "../server/commands/workspace-content.ts";
export { UnacceptableFileError } from "../server/commands/evidence.ts";
export { MAX_EVIDENCE_BYTES } from "../models/evidence/sniff.ts";
export { scheduleWorkspaceMeeting } from "../server/commands/workspace-meeting.ts";

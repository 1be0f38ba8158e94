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
export { workspacePageData, workspacesPageData } from "./components/workspace/workspace.server.ts";
export { newRequestId } from "../models/input.ts";

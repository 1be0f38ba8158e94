// The commands routes may call (server/commands/: one decision each). Kept behind a `.server`
// module, like models.server.ts, so none of their code can reach the browser bundle.
export { ChangePasswordInput, changeOwnPassword } from "../server/commands/change-password.ts";
export { RemoveRoleInput, removeRole } from "../server/commands/remove-role.ts";
export { RevokeSessionsInput, revokeSessions } from "../server/commands/revoke-sessions.ts";
export { signOut } from "../server/commands/sign-out.ts";
export {
  CreateAccessTokenInput,
  createToken,
  revokeToken,
} from "../server/commands/access-tokens.ts";

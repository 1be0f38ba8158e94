// The discussion commands the discussion route calls (kept apart from models.server.ts so the
// feature can grow without touching the shared barrel). Server-only.
export { DeleteCommentInput, deleteComment } from "../server/commands/delete-comment.ts";
export { EditCommentInput, editComment } from "../server/commands/edit-comment.ts";
export { MarkThreadReadInput, markThreadRead } from "../server/commands/mark-thread-read.ts";
export { ReplyToThreadInput, replyToThread } from "../server/commands/reply-to-thread.ts";
export { ResolveThreadInput, resolveThread } from "../server/commands/resolve-thread.ts";
export { StartThreadInput, startThread } from "../server/commands/start-thread.ts";

export { discussionAbilitiesOf } from "../models/permissions/can.ts";
export { discussionResource } from "../models/permissions/loaders.ts";

import { z } from "zod";
import { getComment } from "../../collab/shapes/discussion.ts";
import { deleteComment as removeComment } from "../../collab/shapes/discussion-changes.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { ForbiddenError } from "../../models/errors.ts";
import { WHO_MAY, can } from "../../models/permissions/can.ts";
import { loadDiscussion } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";
import { EvaluationId, RecordId, discussionOf } from "./discussion-input.ts";

export const DeleteCommentInput = z.object({
  evaluationId: EvaluationId,
  commentId: RecordId,
});

/**
 * Deletes one's own comment: it reads "Comment deleted" while replies follow it, or goes (with
 * its thread, if it was all there was). Deleting what is already gone is not an error, so a
 * retry is harmless. Audited, since it takes words out of a conversation others have read.
 */
export async function deleteComment(
  ctx: CommandContext,
  input: z.infer<typeof DeleteCommentInput>,
): Promise<{ changed: boolean }> {
  const { evaluation, resource } = await loadDiscussion(ctx.actor, input.evaluationId, "write");
  let changed = false;
  await ctx.collab.change(discussionOf(evaluation), (doc) => {
    const comment = getComment(doc, input.commentId);
    if (!comment || comment.deleted) return;
    if (!can(ctx.actor, "amend", { ...resource, commentBy: comment.authorId }))
      throw new ForbiddenError(WHO_MAY.amend!);
    changed = removeComment(doc, { commentId: comment.id }).changed;
  });
  if (changed) {
    await recordAudit({
      trustId: evaluation.trustId,
      actorId: ctx.actor.userId,
      action: "commentDeleted",
      subject: `evaluation:${evaluation.id}`,
      details: { commentId: input.commentId },
    });
  }
  return { changed };
}

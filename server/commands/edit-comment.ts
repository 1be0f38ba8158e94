import { z } from "zod";
import { getComment } from "../../collab/shapes/discussion.ts";
import { editComment as changeComment } from "../../collab/shapes/discussion-changes.ts";
import { ForbiddenError, InvalidInputError } from "../../models/errors.ts";
import { WHO_MAY, can } from "../../models/permissions/can.ts";
import { loadDiscussion } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";
import { Body, EvaluationId, RecordId, discussionOf } from "./discussion-input.ts";

export const EditCommentInput = z.object({
  evaluationId: EvaluationId,
  commentId: RecordId,
  body: Body,
});

/** Changes the text of one's own comment (to fix a typo, say); nobody else's. */
export async function editComment(
  ctx: CommandContext,
  input: z.infer<typeof EditCommentInput>,
): Promise<{ changed: boolean }> {
  const { evaluation, resource } = await loadDiscussion(ctx.actor, input.evaluationId, "write");
  let changed = false;
  await ctx.collab.change(discussionOf(evaluation), (doc) => {
    const comment = getComment(doc, input.commentId);
    if (!comment || comment.deleted) throw new InvalidInputError("That comment no longer exists.");
    if (!can(ctx.actor, "amend", { ...resource, commentBy: comment.authorId }))
      throw new ForbiddenError(WHO_MAY.amend!);
    changed = changeComment(doc, { commentId: comment.id, body: input.body }, Date.now()).changed;
  });
  return { changed };
}

import { z } from "zod";
import { reply } from "../../collab/shapes/discussion-changes.ts";
import { loadDiscussion } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";
import {
  Body,
  EvaluationId,
  RecordId,
  RequestId,
  authorOf,
  discussionOf,
} from "./discussion-input.ts";

export const ReplyToThreadInput = z.object({
  evaluationId: EvaluationId,
  threadId: RecordId,
  /** Made by the browser for this reply; a repeat of the same request finds the reply made. */
  requestId: RequestId,
  body: Body,
});

/** Adds the signed-in person's reply to an open thread. */
export async function replyToThread(
  ctx: CommandContext,
  input: z.infer<typeof ReplyToThreadInput>,
): Promise<{ commentId: string; created: boolean }> {
  const { evaluation } = await loadDiscussion(ctx.actor, input.evaluationId, "write");
  let created = false;
  await ctx.collab.change(discussionOf(evaluation), (doc) => {
    created = reply(
      doc,
      { threadId: input.threadId, commentId: input.requestId, body: input.body },
      authorOf(ctx.actor),
      Date.now(),
    ).changed;
  });
  return { commentId: input.requestId, created };
}

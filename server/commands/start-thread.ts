import { z } from "zod";
import { startThread as addThread } from "../../collab/shapes/discussion-changes.ts";
import { loadDiscussion } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";
import {
  AnchorJson,
  Body,
  CriterionId,
  EvaluationId,
  Quote,
  RequestId,
  authorOf,
  discussionOf,
  requireCriterion,
} from "./discussion-input.ts";

export const StartThreadInput = z.object({
  evaluationId: EvaluationId,
  /** Made by the browser for this thread; a repeat of the same request finds the thread made. */
  requestId: RequestId,
  criterionId: CriterionId,
  anchor: AnchorJson,
  quote: Quote,
  body: Body,
});

/**
 * Starts a comment thread on a criterion (or a passage of its narrative) in the evaluation's
 * discussion, written by the signed-in person. Twenty identical requests make one thread.
 */
export async function startThread(
  ctx: CommandContext,
  input: z.infer<typeof StartThreadInput>,
): Promise<{ threadId: string; created: boolean }> {
  const { evaluation } = await loadDiscussion(ctx.actor, input.evaluationId, "write");
  requireCriterion(evaluation, input.criterionId);
  let created = false;
  await ctx.collab.change(discussionOf(evaluation), (doc) => {
    created = addThread(
      doc,
      {
        threadId: input.requestId,
        criterionId: input.criterionId,
        anchor: input.anchor,
        quote: input.quote,
        body: input.body,
      },
      authorOf(ctx.actor),
      Date.now(),
    ).changed;
  });
  return { threadId: input.requestId, created };
}

import { z } from "zod";
import { markRead } from "../../collab/shapes/discussion-changes.ts";
import { loadDiscussion } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";
import { EvaluationId, RecordId, discussionOf } from "./discussion-input.ts";

export const MarkThreadReadInput = z.object({
  evaluationId: EvaluationId,
  threadId: RecordId,
  /** How many of the thread's comments the page showed. */
  seen: z.coerce
    .number({ error: "Say how many comments were seen." })
    .int("Say how many comments were seen.")
    .min(0, "Say how many comments were seen.")
    .max(1_000_000, "Say how many comments were seen.")
    .optional(),
});

/**
 * Records that the signed-in person has seen every comment of a thread so far. Anyone who may
 * read the discussion keeps their own marks, trust leaders included; nobody sets anyone else's.
 */
export async function markThreadRead(
  ctx: CommandContext,
  input: z.infer<typeof MarkThreadReadInput>,
): Promise<{ changed: boolean }> {
  const { evaluation } = await loadDiscussion(ctx.actor, input.evaluationId, "read");
  let changed = false;
  await ctx.collab.change(discussionOf(evaluation), (doc) => {
    changed = markRead(
      doc,
      { threadId: input.threadId, seen: input.seen },
      ctx.actor.userId,
    ).changed;
  });
  return { changed };
}

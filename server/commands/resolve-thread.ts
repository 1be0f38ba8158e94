import { z } from "zod";
import { getThread } from "../../collab/shapes/discussion.ts";
import { setResolved } from "../../collab/shapes/discussion-changes.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { ForbiddenError, InvalidInputError } from "../../models/errors.ts";
import { WHO_MAY, can } from "../../models/permissions/can.ts";
import { loadDiscussion } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";
import { EvaluationId, RecordId, authorOf, discussionOf } from "./discussion-input.ts";

export const ResolveThreadInput = z.object({
  evaluationId: EvaluationId,
  threadId: RecordId,
  /** "true" resolves, "false" reopens. */
  resolved: z.enum(["true", "false"], { error: "Say whether to resolve or reopen the thread." }),
});

/**
 * Resolves or reopens a thread: its starter, the school's leaders, the assigned validators or
 * the trust's admins (decided by `can` with the thread's starter). Audited when it changes.
 */
export async function resolveThread(
  ctx: CommandContext,
  input: z.infer<typeof ResolveThreadInput>,
): Promise<{ changed: boolean }> {
  const { evaluation, resource } = await loadDiscussion(ctx.actor, input.evaluationId, "write");
  const resolved = input.resolved === "true";
  let changed = false;
  await ctx.collab.change(discussionOf(evaluation), (doc) => {
    const thread = getThread(doc, input.threadId);
    if (!thread) throw new InvalidInputError("That thread no longer exists.");
    if (!can(ctx.actor, "resolve", { ...resource, threadStartedBy: thread.createdBy }))
      throw new ForbiddenError(WHO_MAY.resolve!);
    changed = setResolved(doc, { threadId: thread.id, resolved }, authorOf(ctx.actor)).changed;
  });
  if (changed) {
    // Written out in full, so the audit log's sentence check finds both names.
    const action = resolved ? ("threadResolved" as const) : ("threadReopened" as const);
    await recordAudit({
      trustId: evaluation.trustId,
      actorId: ctx.actor.userId,
      action,
      subject: `evaluation:${evaluation.id}`,
      details: { threadId: input.threadId },
    });
  }
  return { changed };
}

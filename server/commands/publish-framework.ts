import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { readFramework } from "../../collab/shapes/framework.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { ConflictError, InvalidInputError } from "../../models/errors.ts";
import { completenessProblems, type Problem } from "../../models/framework/completeness.ts";
import {
  ConcurrentPublishError,
  latestVersionOf,
  publishVersion,
  recordShowsVersion,
  type FrameworkVersion,
} from "../../models/framework/framework.ts";
import {
  draftFingerprintOf,
  draftReadAtPublish,
} from "../../models/framework/draft-fingerprint.ts";
import { contentFingerprint, sameContent } from "../../models/framework/same-content.ts";
import { objectId } from "../../models/input.ts";
import { loadFramework } from "../../models/permissions/loaders.ts";
import { waitUntil } from "../../models/wait-until.ts";
import type { CommandContext } from "./context.ts";
import { idIn, type Raw } from "./input.ts";

export const PublishFrameworkInput = z.object({ frameworkId: objectId() });
export type PublishFrameworkInput = z.infer<typeof PublishFrameworkInput>;

/** The draft is not ready: each problem links to the field to fix. */
export class IncompleteFrameworkError extends InvalidInputError {
  constructor(readonly problems: Problem[]) {
    super("The framework is not ready to publish.");
  }
}

/**
 * A trust admin publishes the live draft, exactly as everyone sees it now, as the next immutable
 * version. Publishing a draft identical to the latest version (a double-click, two admins at
 * once) makes no second version: the latest is returned with `created: false`.
 */
export async function publishFramework(
  ctx: CommandContext,
  raw: Raw<typeof PublishFrameworkInput>,
): Promise<{ version: FrameworkVersion; created: boolean }> {
  const { framework } = await loadFramework(ctx.actor, idIn(raw, "frameworkId"), "publish");
  // What the frameworks list compares, read before the draft (see `noteDraftPublished`).
  const recorded = await draftFingerprintOf(framework.id);
  const content = readFramework(await ctx.collab.read(documentName("framework", framework.id)));
  const problems = completenessProblems(content);
  if (problems.length > 0) throw new IncompleteFrameworkError(problems);
  const unchanged = async () => {
    const latest = await latestVersionOf(framework.trustId, framework.id);
    return latest && sameContent(latest.content, content) ? latest : null;
  };
  // The draft as read here is now the newest version: the list says so at once, not only after
  // the draft's next store (ADR 069). Not done is no failure of the publish: that store mends it.
  const noteDraftPublished = () =>
    draftReadAtPublish(framework.id, recorded, contentFingerprint(content)).catch(console.error);
  // Published already, perhaps by another request a moment ago that has not yet written the
  // framework's record (its name and newest version): answer once it has, as that request will.
  const alreadyPublished = async (version: FrameworkVersion) => {
    await waitUntil(() => recordShowsVersion(framework.id, version.version));
    await noteDraftPublished();
    return { version, created: false };
  };
  const same = await unchanged();
  if (same) return alreadyPublished(same);
  try {
    const version = await publishVersion(framework.trustId, framework.id, content);
    await recordAudit({
      trustId: framework.trustId,
      actorId: ctx.actor.userId,
      action: "frameworkPublished",
      subject: `framework:${framework.id}`,
      details: { version: version.version, name: content.name },
    });
    await noteDraftPublished();
    return { version, created: true };
  } catch (error) {
    if (!(error instanceof ConcurrentPublishError)) throw error;
    const published = await unchanged();
    if (published) return alreadyPublished(published);
    throw new ConflictError(error.message);
  }
}

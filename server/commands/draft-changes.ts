import pLimit from "p-limit";
import { documentName } from "../../collab/document-name.ts";
import { readFramework } from "../../collab/shapes/framework.ts";
import { latestVersionOf, type Framework } from "../../models/framework/framework.ts";
import { sameContent } from "../../models/framework/same-content.ts";
import { loadTrustFor } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";

/**
 * Whether a published framework's draft still matches its newest version (`matches`), or has
 * changes not yet published; `unknown` when the draft could not be read just now. Drafts never
 * published have no entry: the list says so already.
 */
export type DraftChange =
  | { state: "matches"; version: number }
  | { state: "changed"; version: number }
  | { state: "unknown" };

// Drafts read at once: each is a load from the update log when nobody has it open.
const AT_ONCE = 4;

/**
 * For the frameworks list: each published framework's live draft, read through the same server
 * path publishing reads it (`collab.read`) and compared the way publishing compares it, so
 * "matches version N" here means "Publish would say nothing has changed".
 */
export async function draftChanges(
  ctx: CommandContext,
  frameworks: Framework[],
): Promise<Map<string, DraftChange>> {
  const { trustId } = await loadTrustFor(ctx.actor, "framework", "read");
  const published = frameworks.filter((f) => f.trustId === trustId && f.latestVersion > 0);
  const slot = pLimit(AT_ONCE);
  const read = await Promise.all(
    published.map((f) => slot(async () => [f.id, await draftChange(ctx, f)] as const)),
  );
  return new Map<string, DraftChange>(read);
}

async function draftChange(ctx: CommandContext, framework: Framework): Promise<DraftChange> {
  try {
    const [doc, latest] = await Promise.all([
      ctx.collab.read(documentName("framework", framework.id)),
      latestVersionOf(framework.trustId, framework.id),
    ]);
    if (!latest) return { state: "unknown" };
    const state = sameContent(latest.content, readFramework(doc)) ? "matches" : "changed";
    return { state, version: latest.version };
  } catch {
    // The list still shows; only this framework's line lacks the comparison.
    return { state: "unknown" };
  }
}

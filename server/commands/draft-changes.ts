import pLimit from "p-limit";
import { documentName } from "../../collab/document-name.ts";
import { readFramework } from "../../collab/shapes/framework.ts";
import { draftFingerprints } from "../../models/framework/draft-fingerprint.ts";
import { latestVersionOf, type Framework } from "../../models/framework/framework.ts";
import { contentFingerprint, sameContent } from "../../models/framework/same-content.ts";
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

// Drafts read at once, for those with no fingerprint recorded yet: each is a load from the
// update log when nobody has it open.
const AT_ONCE = 4;

/**
 * For the frameworks list: each published framework's draft, as the collab server last stored
 * it, compared with its newest version by their content fingerprints (same-content.ts), so
 * "matches version N" here means "Publish would say nothing has changed" (ADR 069). Reads
 * records only; a draft not stored since fingerprints were recorded is read live, as publishing
 * reads it (`collab.read`), and that read's store records its fingerprint for next time.
 */
export async function draftChanges(
  ctx: CommandContext,
  frameworks: Framework[],
): Promise<Map<string, DraftChange>> {
  const { trustId } = await loadTrustFor(ctx.actor, "framework", "read");
  const published = frameworks.filter((f) => f.trustId === trustId && f.latestVersion > 0);
  // None read (the database is struggling): each is read live instead, as before.
  const drafts = await draftFingerprints(published.map((f) => f.id)).catch(
    () => new Map<string, string>(),
  );
  const slot = pLimit(AT_ONCE);
  const read = await Promise.all(
    published.map(async (f) => {
      const draft = drafts.get(f.id);
      const change = draft ? await recordedChange(f, draft) : await slot(() => liveChange(ctx, f));
      return [f.id, change] as const;
    }),
  );
  return new Map<string, DraftChange>(read);
}

/** The draft's recorded fingerprint against its newest version's. */
async function recordedChange(framework: Framework, draft: string): Promise<DraftChange> {
  let newest: { version: number; fingerprint: string } | null = framework.latestFingerprint
    ? { version: framework.latestVersion, fingerprint: framework.latestFingerprint }
    : null;
  if (!newest) {
    // Published before fingerprints were recorded: the version's own content says.
    const latest = await latestVersionOf(framework.trustId, framework.id).catch(() => null);
    if (!latest) return { state: "unknown" };
    newest = { version: latest.version, fingerprint: contentFingerprint(latest.content) };
  }
  return { state: draft === newest.fingerprint ? "matches" : "changed", version: newest.version };
}

/** The live draft against its newest version. */
async function liveChange(ctx: CommandContext, framework: Framework): Promise<DraftChange> {
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

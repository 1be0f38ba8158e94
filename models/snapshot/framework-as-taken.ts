import { NotFoundError } from "../errors.ts";
import { getFrameworkVersion, type FrameworkVersion } from "../framework/framework.ts";
import type { FrameworkContent } from "../framework/types.ts";
import type { SnapshotSummary } from "./snapshot.ts";

/**
 * The framework as a snapshot was taken against it: the version it records, narrowed to the
 * criteria the evaluation held then (the row's `criteria`). Published versions never change, so
 * this is exactly what the school saw when it submitted, whatever version the evaluation has
 * moved to since: a criterion removed later is still here, a reworded one in its old words.
 */
export function contentAsTaken(
  content: FrameworkContent,
  snapshot: Pick<SnapshotSummary, "levelsByCriterion">,
): FrameworkContent {
  const held = (id: string) => Object.hasOwn(snapshot.levelsByCriterion, id);
  const areas = content.areas
    .map((area) => ({ ...area, criteria: area.criteria.filter((c) => held(c.id)) }))
    .filter((area) => area.criteria.length > 0);
  return { ...content, areas };
}

/** The snapshot's framework version (one read by `_id`, cached) and its content as taken. */
export async function frameworkOfSnapshot(
  snapshot: Pick<SnapshotSummary, "trustId" | "frameworkVersionId" | "levelsByCriterion">,
): Promise<{ version: FrameworkVersion; content: FrameworkContent }> {
  const version = await getFrameworkVersion(snapshot.trustId, snapshot.frameworkVersionId);
  if (!version) throw new NotFoundError();
  return { version, content: contentAsTaken(version.content, snapshot) };
}

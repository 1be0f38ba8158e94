import { listCycles, type Cycle } from "../../models/cycle/cycle.ts";
import { NotFoundError } from "../../models/errors.ts";
import {
  getFrameworkVersion,
  listFrameworks,
  listLatestFrameworkVersions,
  type FrameworkVersion,
} from "../../models/framework/framework.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { currentAndPrevious, insightEvaluations } from "../../models/insight/source.ts";
import type { InsightQuery } from "../../models/insight/query.ts";
import type { InsightEvaluation, JudgementSource } from "../../models/insight/types.ts";
import { loadTrustWhere } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";

/** The choice the page shows and carries in its links. */
export interface InsightChoice {
  frameworks: { id: string; name: string }[];
  cycles: { id: string; name: string }[];
  frameworkId: string | null;
  cycleId: string;
  cycleName: string | null;
  source: JudgementSource;
  frameworkName: string | null;
  version: number | null;
}

export interface InsightScope {
  trustId: string;
  choice: InsightChoice;
  /** The framework version the views are drawn against (null: the trust has none published). */
  content: FrameworkContent | null;
  cycles: Cycle[];
  /** Read on every request from the projections: views follow edits within seconds. */
  evaluations(): Promise<{
    all: InsightEvaluation[];
    current: InsightEvaluation[];
    previous: Map<string, InsightEvaluation>;
  }>;
}

/**
 * The trust-wide scope of the insight pages, for the trust's leaders and admins only (everyone
 * else gets NotFoundError, so the pages look missing): which framework and cycle, whose
 * judgement counts, and the evaluations to draw, read from projections when asked.
 */
export async function loadInsightScope(actor: Actor, query: InsightQuery): Promise<InsightScope> {
  const { trustId } = await loadTrustWhere(actor, "oversee");
  const [frameworks, versions, allCycles] = await Promise.all([
    listFrameworks(trustId),
    listLatestFrameworkVersions(trustId),
    listCycles(trustId),
  ]);
  const latest = new Map(versions.map((v) => [v.frameworkId, v]));
  const published = frameworks.filter((f) => latest.has(f.id));
  // By default the framework of the newest cycle, else the first published one.
  const frameworkId =
    query.frameworkId ??
    allCycles.find((c) => latest.has(c.frameworkId))?.frameworkId ??
    published[0]?.id ??
    null;
  if (query.frameworkId && !latest.has(query.frameworkId)) throw new NotFoundError();
  const cycles = allCycles.filter((c) => c.frameworkId === frameworkId);
  // A cycle of another framework (the framework was just changed) falls back to the newest one.
  const asked = query.cycleId === "" ? null : cycles.find((c) => c.id === query.cycleId);
  const cycle = query.cycleId === "" ? null : (asked ?? cycles[0] ?? null);
  const cycleId = cycle?.id ?? "";
  let version: FrameworkVersion | null = frameworkId ? (latest.get(frameworkId) ?? null) : null;
  if (cycle) version = (await getFrameworkVersion(trustId, cycle.frameworkVersionId)) ?? version;

  let loaded: Awaited<ReturnType<InsightScope["evaluations"]>> | null = null;
  return {
    trustId,
    content: version?.content ?? null,
    cycles,
    choice: {
      frameworks: published.map((f) => ({ id: f.id, name: f.name })),
      cycles: cycles.map((c) => ({ id: c.id, name: c.name })),
      frameworkId,
      cycleId,
      cycleName: cycle?.name ?? null,
      source: query.source,
      frameworkName: version?.content.name ?? null,
      version: version?.version ?? null,
    },
    async evaluations() {
      if (loaded) return loaded;
      const all = frameworkId ? await insightEvaluations(trustId, frameworkId) : [];
      loaded = { all, ...currentAndPrevious(all, cycleId || null) };
      return loaded;
    },
  };
}

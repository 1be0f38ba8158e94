import { listCycles, type Cycle } from "../../models/cycle/cycle.ts";
import { NotFoundError } from "../../models/errors.ts";
import {
  getFrameworkVersion,
  listFrameworks,
  listLatestFrameworkVersions,
  type FrameworkVersion,
} from "../../models/framework/framework.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { currentAndPrevious } from "../../models/insight/source.ts";
import { summaryEvaluations } from "../../models/insight/summary.ts";
import type { InsightQuery } from "../../models/insight/query.ts";
import type { InsightEvaluation, JudgementSource } from "../../models/insight/types.ts";
import { loadTrustWhere } from "../../models/permissions/loaders.ts";
import type { Actor } from "../../models/permissions/roles.ts";

/** The choice the page shows and carries in its links. */
export interface InsightChoice {
  /** Each published framework with its cycles (newest first), so the page can list a framework's cycles as soon as it is chosen. */
  frameworks: { id: string; name: string; cycles: { id: string; name: string }[] }[];
  cycles: { id: string; name: string }[];
  frameworkId: string | null;
  cycleId: string;
  cycleName: string | null;
  source: JudgementSource;
  frameworkName: string | null;
  version: number | null;
}

export type EvaluationsNeed = "current" | "recent" | "all";

export interface InsightScope {
  trustId: string;
  choice: InsightChoice;
  /** The framework version the views are drawn against (null: the trust has none published). */
  content: FrameworkContent | null;
  cycles: Cycle[];
  /**
   * Read on every request from the insight summary (ADR 023), which the projection writers keep
   * up to date: views follow edits within seconds. "current" reads only the chosen cycle's
   * evaluations (so `all` holds only those); "recent" and "all" read every cycle's.
   */
  evaluations(need?: EvaluationsNeed): Promise<{
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
  // The cycle's own version (read only when it is not the latest, which is already at hand).
  if (cycle && cycle.frameworkVersionId !== version?.id)
    version = (await getFrameworkVersion(trustId, cycle.frameworkVersionId)) ?? version;

  const loaded = new Map<EvaluationsNeed, ReturnType<InsightScope["evaluations"]>>();
  const load = async (need: EvaluationsNeed) => {
    // The summary (ADR 023): one document per cycle. The current evaluations of a cycle are
    // that cycle's: only its document is read; trend marks and every-cycle views read them all.
    const listed = frameworkId
      ? await summaryEvaluations(
          trustId,
          frameworkId,
          cycles,
          need === "current" && cycleId ? cycleId : undefined,
        )
      : [];
    return { all: listed, ...currentAndPrevious(listed, cycleId || null) };
  };
  return {
    trustId,
    content: version?.content ?? null,
    cycles,
    choice: {
      frameworks: published.map((f) => ({
        id: f.id,
        name: f.name,
        cycles: allCycles
          .filter((c) => c.frameworkId === f.id)
          .map((c) => ({ id: c.id, name: c.name })),
      })),
      cycles: cycles.map((c) => ({ id: c.id, name: c.name })),
      frameworkId,
      cycleId,
      cycleName: cycle?.name ?? null,
      source: query.source,
      frameworkName: version?.content.name ?? null,
      version: version?.version ?? null,
    },
    evaluations(need: EvaluationsNeed = "all") {
      if (!loaded.has(need)) loaded.set(need, load(need));
      return loaded.get(need)!;
    },
  };
}

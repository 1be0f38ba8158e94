import { JUDGEMENT_SOURCES, type JudgementSource } from "./types.ts";

/** What the insight pages were asked for, from the URL (so a view can be linked and shared). */
export interface InsightQuery {
  frameworkId: string | null;
  /** A cycle of that framework; "" for each school's newest evaluation; null for the default. */
  cycleId: string | null;
  source: JudgementSource;
}

export function queryOf(url: URL): InsightQuery {
  const source = url.searchParams.get("source");
  const cycle = url.searchParams.get("cycle");
  return {
    frameworkId: url.searchParams.get("framework") || null,
    cycleId: cycle === null ? null : cycle,
    source: JUDGEMENT_SOURCES.includes(source as JudgementSource)
      ? (source as JudgementSource)
      : "latest",
  };
}

/** The query string that keeps the choice (and `extra`) in a link: pure, for pages and CSVs. */
export function choiceSearch(
  choice: { frameworkId: string | null; cycleId: string; source: JudgementSource },
  extra: Record<string, string | string[] | null | undefined> = {},
): string {
  const params = new URLSearchParams();
  if (choice.frameworkId) params.set("framework", choice.frameworkId);
  params.set("cycle", choice.cycleId);
  params.set("source", choice.source);
  for (const [key, value] of Object.entries(extra)) {
    if (value === null || value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return `?${params.toString()}`;
}

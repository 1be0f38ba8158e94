import { listEvaluationsOfSchool, type Evaluation } from "../evaluation/evaluation.ts";
import { levelNamesIn, type NamedLevel } from "./level-names.ts";
import { listSnapshotsOfSchool, type SnapshotSummary } from "./snapshot.ts";

/** One cycle on a school's trend: the judgements one evaluation stands at. */
export interface TrendPoint {
  evaluationId: string;
  title: string;
  /** When these judgements were recorded: the submission, or the last saved activity. */
  date: Date;
  /** "submission": the latest submitted snapshot; "saved": not submitted yet, as last saved. */
  source: "submission" | "saved";
  /** Level key by criterion id. */
  judgements: Record<string, string>;
  /** A submission's levels as its scale named them then, by criterion (ADR 063); else none. */
  levelNames: ReadonlyMap<string, NamedLevel>;
}

const asRecord = (list: { criterionId: string; level: string }[]) =>
  Object.fromEntries(list.map((j) => [j.criterionId, j.level]));

/**
 * Each evaluation's place on the trend, oldest first: its latest submission when it has one
 * (what the school stood by), otherwise its judgements as last saved. Pure.
 */
export function buildTrend(
  evaluations: Evaluation[],
  submissions: SnapshotSummary[],
): TrendPoint[] {
  const latest = new Map<string, SnapshotSummary>();
  for (const s of submissions) {
    const seen = latest.get(s.evaluationId);
    if (!seen || seen.createdAt.getTime() <= s.createdAt.getTime()) latest.set(s.evaluationId, s);
  }
  return evaluations
    .map((e): TrendPoint => {
      const snapshot = latest.get(e.id);
      return snapshot
        ? {
            evaluationId: e.id,
            title: e.title,
            date: snapshot.createdAt,
            source: "submission",
            judgements: asRecord(snapshot.projection.judgements),
            levelNames: levelNamesIn(snapshot),
          }
        : {
            evaluationId: e.id,
            title: e.title,
            date: e.projection.lastActivityAt ?? e.createdAt,
            source: "saved",
            judgements: asRecord(e.projection.judgements),
            levelNames: new Map(),
          };
    })
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

/**
 * The trend of a school's evaluations against one framework (any of its versions), keeping
 * only the evaluations `visible` lets through (the caller's permission check).
 */
export async function judgementTrend(
  trustId: string,
  schoolId: string,
  frameworkId: string,
  visible: (evaluation: Evaluation) => Promise<boolean>,
): Promise<TrendPoint[]> {
  const [evaluations, submissions] = await Promise.all([
    listEvaluationsOfSchool(trustId, schoolId),
    listSnapshotsOfSchool(trustId, schoolId, "submission"),
  ]);
  const same = evaluations.filter((e) => e.frameworkId === frameworkId);
  const shown = await Promise.all(same.map(visible));
  return buildTrend(
    same.filter((_, i) => shown[i]),
    submissions,
  );
}

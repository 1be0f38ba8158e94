// What the history page's comparison reads and resolves. Server-only.
import type { CollabAccess } from "../../../collab/access.ts";
import { documentName } from "../../../collab/document-name.ts";
import {
  evaluationStateFromUpdate,
  readEvaluationState,
} from "../../../collab/shapes/snapshot-view.ts";
import type { Evaluation } from "../../../models/evaluation/evaluation.ts";
import { scaleOf } from "../../../models/framework/applicable.ts";
import type { FrameworkContent, ScaleLevel } from "../../../models/framework/types.ts";
import { compareEvaluations, type EvaluationState } from "../../../models/snapshot/compare.ts";
import { frameworkOfSnapshot } from "../../../models/snapshot/framework-as-taken.ts";
import { levelAsTaken, levelNamesIn } from "../../../models/snapshot/level-names.ts";
import { getSnapshot, type SnapshotSummary } from "../../../models/snapshot/snapshot.ts";
import { NOW, viewOfComparison, type ComparisonView, type CriterionRef } from "./view.ts";

/** The evaluation at one moment, with the framework version it stood on then. */
interface Moment {
  state: EvaluationState;
  /** Each criterion's level keys, lowest first, as its framework version had them then. */
  levels: Record<string, string[]>;
  /** The framework version's number then. */
  version: number;
  criteria: Map<string, { ref: CriterionRef; levels: ScaleLevel[] }>;
  /** A judgement's level as it read at that moment. */
  levelLabel: (criterionId: string, key: string) => string;
  label: string;
}

/** Each criterion of `content` as the comparison names it, with its scale's levels. */
function criteriaIn(content: FrameworkContent): Moment["criteria"] {
  return new Map(
    content.areas.flatMap((area) => {
      const { levels } = scaleOf(content, area);
      return area.criteria.map(
        (c) => [c.id, { ref: { id: c.id, code: c.code, statement: c.statement }, levels }] as const,
      );
    }),
  );
}

/**
 * The evaluation at one moment: the live document against the evaluation's current version
 * (`current`), or a snapshot's frozen state against the version it was taken on, its criteria
 * in that version's words and its levels named as it kept them (ADR 063). Null: no such
 * snapshot of this evaluation.
 */
async function momentAt(
  choice: string,
  evaluation: Evaluation,
  current: { version: number; content: FrameworkContent },
  snapshots: readonly SnapshotSummary[],
  collab: CollabAccess,
  momentLabel: (snapshot: SnapshotSummary) => string,
): Promise<Moment | null> {
  if (choice === NOW) {
    const doc = await collab.read(documentName("evaluation", evaluation.id));
    try {
      const criteria = criteriaIn(current.content);
      return {
        state: readEvaluationState(doc),
        levels: evaluation.levelsByCriterion,
        version: current.version,
        criteria,
        levelLabel: (criterionId, key) =>
          criteria.get(criterionId)?.levels.find((l) => l.key === key)?.label ?? key,
        label: "Now (live)",
      };
    } finally {
      doc.destroy();
    }
  }
  const summary = snapshots.find((s) => s.id === choice);
  if (!summary) return null;
  const [snapshot, framework] = await Promise.all([
    getSnapshot(evaluation.trustId, evaluation.id, summary.id),
    frameworkOfSnapshot(summary),
  ]);
  if (!snapshot) return null;
  const criteria = criteriaIn(framework.content);
  const names = levelNamesIn(snapshot);
  return {
    state: evaluationStateFromUpdate(snapshot.state),
    levels: snapshot.levelsByCriterion,
    version: framework.version.version,
    criteria,
    levelLabel: (criterionId, key) =>
      levelAsTaken(names, criterionId, key, criteria.get(criterionId)?.levels ?? []).label,
    label: momentLabel(snapshot),
  };
}

/**
 * The comparison of two moments (`from`, `to`: snapshot ids or NOW), each read against the
 * framework version it stood on, so a judgement whose level or criterion a later version
 * dropped shows as such rather than dropping out. Null when either is not a snapshot of this
 * evaluation.
 */
export async function compareMoments(input: {
  evaluation: Evaluation;
  current: { version: number; content: FrameworkContent };
  snapshots: readonly SnapshotSummary[];
  from: string;
  to: string;
  collab: CollabAccess;
  momentLabel: (snapshot: SnapshotSummary) => string;
}): Promise<ComparisonView | null> {
  const at = (choice: string) =>
    momentAt(
      choice,
      input.evaluation,
      input.current,
      input.snapshots,
      input.collab,
      input.momentLabel,
    );
  const a = await at(input.from);
  const b = input.from === input.to ? a : await at(input.to);
  if (!a || !b) return null;
  const nowCriteria = criteriaIn(input.current.content);
  // In the words of the moment compared to where it has the criterion; else as the other had it.
  const criterionOf = (id: string): CriterionRef =>
    b.criteria.get(id)?.ref ??
    a.criteria.get(id)?.ref ??
    nowCriteria.get(id)?.ref ?? { id, code: id, statement: "(no longer in the framework)" };
  return viewOfComparison(
    compareEvaluations(a.state, b.state, a.levels, b.levels),
    { from: a.label, to: b.label },
    criterionOf,
    { from: a.levelLabel, to: b.levelLabel },
    { from: a.version, to: b.version },
  );
}

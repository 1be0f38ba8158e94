import type { Comparison } from "../../../models/snapshot/compare.ts";

/**
 * What the history page shows, as plain serialisable data: the route builds it on the server
 * (labels resolved, dates formatted), the components only render it.
 */
export interface CriterionRef {
  id: string;
  code: string;
  statement: string;
}

export interface MoveView {
  criterion: CriterionRef;
  /** Level label before / after (null: not judged). */
  from: string | null;
  to: string | null;
  steps: number;
}

export interface ForceView {
  id: string;
  criterion: CriterionRef;
  side: "helping" | "hindering";
  text: string;
  strength: number;
}

export interface ActionView {
  id: string;
  criterion: CriterionRef;
  what: string;
}

export interface ComparisonView {
  from: string;
  to: string;
  judgements: {
    movedUp: MoveView[];
    movedDown: MoveView[];
    newlyJudged: MoveView[];
    cleared: MoveView[];
    unchanged: number;
  };
  forces: { added: ForceView[]; removed: ForceView[] };
  actions: {
    completed: ActionView[];
    added: ActionView[];
    dropped: ActionView[];
    removed: ActionView[];
  };
}

export interface SnapshotView {
  id: string;
  kind: string;
  by: string;
  at: string;
  atIso: string;
  judged: number;
  total: number;
}

export interface TrendLevel {
  key: string;
  label: string;
  colour: string;
}

export interface TrendCriterion extends CriterionRef {
  /** For each point of the trend, the index of the level on the area's scale (null: not judged). */
  values: (number | null)[];
  /**
   * For each point, the judgement's label: a submission's as its scale named the level then
   * (ADR 063), so a level since renamed or dropped still reads as submitted (null: not judged).
   */
  labels: (string | null)[];
}

export interface TrendArea {
  id: string;
  title: string;
  levels: TrendLevel[];
  criteria: TrendCriterion[];
}

export interface TrendView {
  points: { label: string; date: string; source: "submission" | "saved"; current: boolean }[];
  areas: TrendArea[];
}

type LevelLabel = (criterionId: string, level: string) => string;

/**
 * Resolves the ids and level keys of a comparison into what people read. Each side's levels are
 * named as at its own moment (`levelLabels`): a snapshot's as its scale named them then.
 */
export function viewOfComparison(
  comparison: Comparison,
  labels: { from: string; to: string },
  criterionOf: (id: string) => CriterionRef,
  levelLabels: { from: LevelLabel; to: LevelLabel },
): ComparisonView {
  const move = (m: Comparison["judgements"]["movedUp"][number]): MoveView => ({
    criterion: criterionOf(m.criterionId),
    from: m.from === null ? null : levelLabels.from(m.criterionId, m.from),
    to: m.to === null ? null : levelLabels.to(m.criterionId, m.to),
    steps: m.steps,
  });
  const force = (f: Comparison["forces"]["added"][number]): ForceView => ({
    id: f.id,
    criterion: criterionOf(f.criterionId),
    side: f.side,
    text: f.text,
    strength: f.strength,
  });
  const action = (a: Comparison["actions"]["added"][number]): ActionView => ({
    id: a.id,
    criterion: criterionOf(a.criterionId),
    what: a.what,
  });
  const { judgements: j, forces: f, actions: a } = comparison;
  return {
    ...labels,
    judgements: {
      movedUp: j.movedUp.map(move),
      movedDown: j.movedDown.map(move),
      newlyJudged: j.newlyJudged.map(move),
      cleared: j.cleared.map(move),
      unchanged: j.unchanged,
    },
    forces: { added: f.added.map(force), removed: f.removed.map(force) },
    actions: {
      completed: a.completed.map(action),
      added: a.added.map(action),
      dropped: a.dropped.map(action),
      removed: a.removed.map(action),
    },
  };
}

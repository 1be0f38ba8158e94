import type { Comparison } from "../../../models/snapshot/compare.ts";

/**
 * What the history page shows, as plain serialisable data: the route builds it on the server
 * (labels resolved, dates formatted), the components only render it.
 */
/** The value of "now" (the live evaluation) among the moments to compare. */
export const NOW = "now";

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
  /** What changed, in words: "Expected standard → Strong standard (up 1 place)", "Was Met". */
  detail: string;
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
    /** Judged before, of a criterion the framework version after does not have. */
    notInFramework: MoveView[];
    /** Their heading: "No longer in the framework" (or, compared backwards, "Not in version 1"). */
    notInFrameworkTitle: string;
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
type Move = Comparison["judgements"]["movedUp"][number];

const places = (steps: number) =>
  `${Math.abs(steps)} ${Math.abs(steps) === 1 ? "place" : "places"}`;

/**
 * A judgement's change in words. Where the framework version changed between the two moments
 * and the later one has no place for the judgement before, it says so rather than leaving it
 * out: "Exceptional → Not judged (level removed in version 2)", "Met → no longer in the
 * framework (removed in version 2)". `versions` are the framework versions at the two moments.
 */
export function moveDetail(
  move: Pick<Move, "steps" | "gone">,
  from: string | null,
  to: string | null,
  versions: { from: number; to: number },
): string {
  // Compared the other way round (a later moment first), the version after is the older one.
  const later = versions.to > versions.from;
  const inVersion = `in version ${versions.to}`;
  if (move.gone === "criterion")
    return later
      ? `${from} → no longer in the framework (removed ${inVersion})`
      : `${from} → not in the framework ${inVersion}`;
  if (move.gone === "level") {
    const why = later ? `level removed ${inVersion}` : `level not ${inVersion}`;
    return to ? `${from} (${why}) → ${to}` : `${from} → Not judged (${why})`;
  }
  if (from && to)
    return `${from} → ${to} (${move.steps > 0 ? "up" : "down"} ${places(move.steps)})`;
  return to ? `Now ${to}` : `Was ${from}`;
}

/**
 * Resolves the ids and level keys of a comparison into what people read. Each side's levels are
 * named as at its own moment (`levelLabels`): a snapshot's as its scale named them then.
 */
export function viewOfComparison(
  comparison: Comparison,
  labels: { from: string; to: string },
  criterionOf: (id: string) => CriterionRef,
  levelLabels: { from: LevelLabel; to: LevelLabel },
  versions: { from: number; to: number },
): ComparisonView {
  const move = (m: Move): MoveView => {
    const from = m.from === null ? null : levelLabels.from(m.criterionId, m.from);
    const to = m.to === null ? null : levelLabels.to(m.criterionId, m.to);
    return {
      criterion: criterionOf(m.criterionId),
      from,
      to,
      steps: m.steps,
      detail: moveDetail(m, from, to, versions),
    };
  };
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
      notInFramework: j.notInFramework.map(move),
      notInFrameworkTitle:
        versions.to > versions.from
          ? "No longer in the framework"
          : `Not in version ${versions.to} of the framework`,
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

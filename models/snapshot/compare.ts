/**
 * What changed in an evaluation between two moments (a snapshot and another, or a snapshot and
 * now). Pure: it compares plain data; `collab/shapes/snapshot-view.ts` extracts that data from a
 * Y.Doc or a stored snapshot.
 */

/** A force as the comparison needs it (a subset of collab/shapes/plan.ts's `Force`). */
export interface ComparedForce {
  id: string;
  criterionId: string;
  side: "helping" | "hindering";
  text: string;
  strength: number;
}

/** An action as the comparison needs it (a subset of collab/shapes/plan.ts's `PlanAction`). */
export interface ComparedAction {
  id: string;
  criterionId: string;
  what: string;
  status: "notStarted" | "inProgress" | "done" | "dropped";
}

/** The parts of an evaluation a comparison looks at, at one moment. */
export interface EvaluationState {
  /** Level key by criterion id. */
  judgements: Record<string, string>;
  forces: ComparedForce[];
  actions: ComparedAction[];
}

export interface JudgementMove {
  criterionId: string;
  /** Level key before (null: not judged). */
  from: string | null;
  /** Level key after (null: not judged). */
  to: string | null;
  /** Places moved on the scale: positive up, negative down, 0 when one side is unjudged. */
  steps: number;
}

export interface Comparison {
  judgements: {
    movedUp: JudgementMove[];
    movedDown: JudgementMove[];
    newlyJudged: JudgementMove[];
    cleared: JudgementMove[];
    /** Criteria judged the same on both sides. */
    unchanged: number;
  };
  forces: { added: ComparedForce[]; removed: ComparedForce[] };
  actions: {
    /** Done now and not done before (including actions added already done). */
    completed: ComparedAction[];
    added: ComparedAction[];
    /** Marked dropped now and not before. */
    dropped: ComparedAction[];
    /** Deleted from the plan altogether. */
    removed: ComparedAction[];
  };
}

/** The index of `level` on the criterion's scale, or null when it is not one of its levels. */
function placeOf(levels: string[] | undefined, level: string | undefined): number | null {
  if (!levels || level === undefined) return null;
  const index = levels.indexOf(level);
  return index >= 0 ? index : null;
}

const byId = <T extends { id: string }>(items: T[]) =>
  new Map(items.map((item) => [item.id, item]));

/**
 * Compares `before` with `after`. `levelsByCriterion` lists, for each criterion compared, its
 * scale's level keys lowest first (in the framework's order, which the lists keep); judgements
 * of other criteria, or at levels a scale does not have, count as not judged.
 */
export function compareEvaluations(
  before: EvaluationState,
  after: EvaluationState,
  levelsByCriterion: Record<string, string[]>,
): Comparison {
  const judgements: Comparison["judgements"] = {
    movedUp: [],
    movedDown: [],
    newlyJudged: [],
    cleared: [],
    unchanged: 0,
  };
  for (const [criterionId, levels] of Object.entries(levelsByCriterion)) {
    const from = placeOf(levels, before.judgements[criterionId]);
    const to = placeOf(levels, after.judgements[criterionId]);
    if (from === null && to === null) continue;
    const move: JudgementMove = {
      criterionId,
      from: from === null ? null : levels[from],
      to: to === null ? null : levels[to],
      steps: from === null || to === null ? 0 : to - from,
    };
    if (from === null) judgements.newlyJudged.push(move);
    else if (to === null) judgements.cleared.push(move);
    else if (to > from) judgements.movedUp.push(move);
    else if (to < from) judgements.movedDown.push(move);
    else judgements.unchanged += 1;
  }

  const forcesBefore = byId(before.forces);
  const forcesAfter = byId(after.forces);
  const forces: Comparison["forces"] = {
    added: after.forces.filter((f) => !forcesBefore.has(f.id)),
    removed: before.forces.filter((f) => !forcesAfter.has(f.id)),
  };

  const actionsBefore = byId(before.actions);
  const actionsAfter = byId(after.actions);
  const became = (status: ComparedAction["status"]) =>
    after.actions.filter((a) => a.status === status && actionsBefore.get(a.id)?.status !== status);
  const actions: Comparison["actions"] = {
    completed: became("done"),
    added: after.actions.filter((a) => !actionsBefore.has(a.id)),
    dropped: became("dropped"),
    removed: before.actions.filter((a) => !actionsAfter.has(a.id)),
  };

  return { judgements, forces, actions };
}

/** True when nothing the comparison looks at changed. */
export function isUnchanged(comparison: Comparison): boolean {
  const { judgements: j, forces: f, actions: a } = comparison;
  return [
    j.movedUp,
    j.movedDown,
    j.newlyJudged,
    j.cleared,
    f.added,
    f.removed,
    a.completed,
    a.added,
    a.dropped,
    a.removed,
  ].every((list) => list.length === 0);
}

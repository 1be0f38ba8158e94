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
  /**
   * Why `from` has no place after, where the framework version moved between the two moments:
   * the criterion's scale then has no such level ("level"), or the framework then has no such
   * criterion ("criterion"). Absent when it has its place.
   */
  gone?: "level" | "criterion";
}

export interface Comparison {
  judgements: {
    movedUp: JudgementMove[];
    movedDown: JudgementMove[];
    /** Judged after and not before (or before at a level the scale after does not have). */
    newlyJudged: JudgementMove[];
    cleared: JudgementMove[];
    /** Judged before, of a criterion the framework after does not have (removed by an upgrade). */
    notInFramework: JudgementMove[];
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

/** `level` when it is one of the criterion's scale's levels, else null (not judged there). */
function onScale(levels: string[] | undefined, level: string | undefined): string | null {
  return levels && level !== undefined && levels.includes(level) ? level : null;
}

const levelsIn = (record: Record<string, string[]>, criterionId: string) =>
  Object.hasOwn(record, criterionId) ? record[criterionId] : undefined;

/**
 * Places from `from` to `to`: on the scale after, or where that lacks one of them (a level the
 * framework dropped since), on the scale before; null when no one scale has both.
 */
function stepsBetween(from: string, to: string, scales: (string[] | undefined)[]): number | null {
  for (const levels of scales) {
    const [a, b] = [levels?.indexOf(from) ?? -1, levels?.indexOf(to) ?? -1];
    if (a >= 0 && b >= 0) return b - a;
  }
  return null;
}

const byId = <T extends { id: string }>(items: T[]) =>
  new Map(items.map((item) => [item.id, item]));

/**
 * Compares `before` with `after`. `levelsBefore` lists, for each criterion of the framework
 * version at `before`'s moment, its scale's level keys lowest first (in the framework's order,
 * which the lists keep); `levelsAfter` the same at `after`'s, when the evaluation moved to
 * another version in between. Judgements of criteria not listed on their side, or at levels
 * their side's scale does not have, count as not judged there. A judgement before whose level
 * or criterion the version after no longer has is kept, marked `gone`, never left out.
 */
export function compareEvaluations(
  before: EvaluationState,
  after: EvaluationState,
  levelsBefore: Record<string, string[]>,
  levelsAfter: Record<string, string[]> = levelsBefore,
): Comparison {
  const judgements: Comparison["judgements"] = {
    movedUp: [],
    movedDown: [],
    newlyJudged: [],
    cleared: [],
    notInFramework: [],
    unchanged: 0,
  };
  const criterionIds = new Set([...Object.keys(levelsAfter), ...Object.keys(levelsBefore)]);
  for (const criterionId of criterionIds) {
    const scaleBefore = levelsIn(levelsBefore, criterionId);
    const scaleAfter = levelsIn(levelsAfter, criterionId);
    const from = onScale(scaleBefore, before.judgements[criterionId]);
    const to = onScale(scaleAfter, after.judgements[criterionId]);
    if (from === null && to === null) continue;
    const move: JudgementMove = { criterionId, from, to, steps: 0 };
    if (!scaleAfter) {
      judgements.notInFramework.push({ ...move, gone: "criterion" });
      continue;
    }
    if (from !== null && !scaleAfter.includes(from)) move.gone = "level";
    if (from === null) judgements.newlyJudged.push(move);
    else if (to === null) judgements.cleared.push(move);
    else {
      const steps = stepsBetween(from, to, [scaleAfter, scaleBefore]);
      // No scale places both: judged anew on a scale that changed between the two moments.
      if (steps === null) judgements.newlyJudged.push(move);
      else if (steps > 0) judgements.movedUp.push({ ...move, steps });
      else if (steps < 0) judgements.movedDown.push({ ...move, steps });
      else judgements.unchanged += 1;
    }
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
    j.notInFramework,
    f.added,
    f.removed,
    a.completed,
    a.added,
    a.dropped,
    a.removed,
  ].every((list) => list.length === 0);
}

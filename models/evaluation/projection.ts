/**
 * The structured summary of an evaluation's live document, written to its database record
 * after each store. Lists, dashboards and reports read this, never live editor state.
 */
export interface EvaluationProjection extends Partial<PlanProjection> {
  judgements: { criterionId: string; level: string }[];
  judgedCount: number;
  criteriaCount: number;
  updatedAt: Date;
  /** When the team last changed anything (null: not started). */
  lastActivityAt: Date | null;
}

/**
 * The Analyse and Plan stages in the projection. Optional on EvaluationProjection: records
 * (and snapshots) written before plans were projected do not have them.
 */
export interface PlanProjection {
  /** Sums of force strengths over the whole evaluation. */
  forceTotals: ForceTotals;
  /** The same sums for each criterion that has forces, in the evaluation's order. */
  forcesByCriterion: ({ criterionId: string } & ForceTotals)[];
  /** How many actions are in each status. */
  actionCounts: Record<ProjectedActionStatus, number>;
  /** Every action, in the evaluation's criterion order. */
  actions: ProjectedAction[];
}

export interface ForceTotals {
  helping: number;
  hindering: number;
}

/** The statuses an action moves through; the Yjs shape (collab/shapes/plan.ts) uses the same keys. */
export const PROJECTED_ACTION_STATUSES = ["notStarted", "inProgress", "done", "dropped"] as const;
export type ProjectedActionStatus = (typeof PROJECTED_ACTION_STATUSES)[number];

/** An action as lists and reports see it. */
export interface ProjectedAction {
  id: string;
  criterionId: string;
  /** What will be done, cut to MAX_ACTION_TEXT characters. */
  what: string;
  ownerId: string | null;
  /** YYYY-MM-DD, or null. */
  due: string | null;
  status: ProjectedActionStatus;
  /** The hindering forces of its criterion it addresses. */
  forceIds: string[];
  /**
   * What those forces say, in the same order (cut to MAX_ACTION_TEXT characters; "" for one not
   * described yet), so lists can name them. Absent from records written before they were kept.
   */
  addresses?: string[];
}

/** What the projection needs from the document's force-fields and actions, as plain data. */
export interface PlanContent {
  forces: {
    id: string;
    criterionId: string;
    side: "helping" | "hindering";
    strength: number;
    /** What the force says (lists name the hindering forces an action addresses). */
    text?: string;
  }[];
  actions: ProjectedAction[];
}

/**
 * Whether a force-field factor says what it is. One added and not yet described (a blank row at
 * the default strength) is drawn, marked "not described yet", but counts in no total, here or in
 * the diagram (collab/shapes/plan.ts `forceTotals`): a team would otherwise read "Hindering
 * total 3" for nothing anyone has named.
 */
export function isDescribed(force: { text?: string }): boolean {
  return (force.text ?? "").trim() !== "";
}

export const MAX_ACTION_TEXT = 300;
const NO_PLAN: PlanContent = { forces: [], actions: [] };

/** Cuts text to at most `max` characters (an ellipsis marks the cut), never splitting an emoji. */
export function truncate(text: string, max = MAX_ACTION_TEXT): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

export function emptyActionCounts(): Record<ProjectedActionStatus, number> {
  return { notStarted: 0, inProgress: 0, done: 0, dropped: 0 };
}

/**
 * Builds the projection from the judgements, forces and actions found in the document.
 * Anything about criteria the evaluation does not include (a judgement, force or action left
 * behind by a version upgrade), and judgements at levels their scale does not have, are left
 * out; an action only keeps links to hindering forces of its own criterion that still exist.
 */
export function buildProjection(
  judgements: Record<string, string>,
  levelsByCriterion: Record<string, string[]>,
  now = new Date(),
  plan: PlanContent = NO_PLAN,
): EvaluationProjection & PlanProjection {
  const criterionIds = Object.keys(levelsByCriterion);
  const position = new Map(criterionIds.map((id, index) => [id, index]));
  const valid = criterionIds
    .filter((id) => levelsByCriterion[id].includes(judgements[id]))
    .map((id) => ({ criterionId: id, level: judgements[id] }));

  const forces = plan.forces.filter((f) => position.has(f.criterionId));
  const byCriterion = new Map<string, ForceTotals>();
  const overall: ForceTotals = { helping: 0, hindering: 0 };
  // Counted as the force-field diagram counts them (forceTotals): described factors only.
  for (const f of forces.filter(isDescribed)) {
    const totals = byCriterion.get(f.criterionId) ?? { helping: 0, hindering: 0 };
    totals[f.side] += f.strength;
    overall[f.side] += f.strength;
    byCriterion.set(f.criterionId, totals);
  }
  const hindering = new Map(
    forces.filter((f) => f.side === "hindering").map((f) => [f.id, f.criterionId]),
  );
  const words = new Map(forces.map((f) => [f.id, truncate((f.text ?? "").trim())]));

  const actions = plan.actions
    .filter((a) => position.has(a.criterionId))
    // Stable: within a criterion the actions keep the order they were given in.
    .sort((a, b) => position.get(a.criterionId)! - position.get(b.criterionId)!)
    .map((a) => {
      const forceIds = [...new Set(a.forceIds)].filter((id) => hindering.get(id) === a.criterionId);
      return {
        id: a.id,
        criterionId: a.criterionId,
        what: truncate(a.what),
        ownerId: a.ownerId,
        due: a.due,
        status: a.status,
        forceIds,
        addresses: forceIds.map((id) => words.get(id) ?? ""),
      };
    });
  const actionCounts = emptyActionCounts();
  for (const a of actions) actionCounts[a.status] += 1;

  return {
    judgements: valid,
    judgedCount: valid.length,
    criteriaCount: criterionIds.length,
    updatedAt: now,
    lastActivityAt: now,
    forceTotals: overall,
    forcesByCriterion: criterionIds
      .filter((id) => byCriterion.has(id))
      .map((id) => ({ criterionId: id, ...byCriterion.get(id)! })),
    actionCounts,
    actions,
  };
}

export function progressPercent(p: Pick<EvaluationProjection, "judgedCount" | "criteriaCount">) {
  return p.criteriaCount === 0 ? 0 : Math.round((100 * p.judgedCount) / p.criteriaCount);
}

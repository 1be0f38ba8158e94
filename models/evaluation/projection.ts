/**
 * The structured summary of an evaluation's live document, written to its database record
 * after each store. Lists, dashboards and reports read this, never live editor state.
 */
export interface EvaluationProjection {
  judgements: { criterionId: string; level: string }[];
  judgedCount: number;
  criteriaCount: number;
  updatedAt: Date;
  /** When the team last changed anything (null: not started). */
  lastActivityAt: Date | null;
}

/**
 * Builds the projection from the judgements found in the document. Judgements of criteria the
 * evaluation does not include, or at levels their scale does not have, are left out.
 */
export function buildProjection(
  judgements: Record<string, string>,
  levelsByCriterion: Record<string, string[]>,
  now = new Date(),
): EvaluationProjection {
  const criterionIds = Object.keys(levelsByCriterion);
  const valid = criterionIds
    .filter((id) => levelsByCriterion[id].includes(judgements[id]))
    .map((id) => ({ criterionId: id, level: judgements[id] }));
  return {
    judgements: valid,
    judgedCount: valid.length,
    criteriaCount: criterionIds.length,
    updatedAt: now,
    lastActivityAt: now,
  };
}

export function progressPercent(p: Pick<EvaluationProjection, "judgedCount" | "criteriaCount">) {
  return p.criteriaCount === 0 ? 0 : Math.round((100 * p.judgedCount) / p.criteriaCount);
}

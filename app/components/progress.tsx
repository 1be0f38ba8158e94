import { progressPercent } from "../../models/evaluation/projection.ts";

/** Criteria judged out of the total, as a bar with its figures in text. */
export function Progress({
  judged,
  total,
  label,
}: {
  judged: number;
  total: number;
  label: string;
}) {
  const percent = progressPercent({ judgedCount: judged, criteriaCount: total });
  const criteria = total === 1 ? "criterion" : "criteria";
  return (
    <div className="progress">
      <progress max={total} value={judged} aria-label={label}>
        {percent}%
      </progress>
      <span className="progress-text">{`${judged} of ${total} ${criteria} judged (${percent}%)`}</span>
    </div>
  );
}

import { STANDING_LABELS, type AwardStanding } from "./standing.ts";

/** The award's standing as text (never colour alone), styled by app/styles/certificate.css. */
export function StandingBadge({ standing }: { standing: AwardStanding }) {
  return <span className={`badge standing standing-${standing}`}>{STANDING_LABELS[standing]}</span>;
}

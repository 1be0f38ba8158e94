import type { AwardRow } from "../../award.server.ts";
import { CertificateLink } from "../award/award-list.tsx";
import { StandingBadge } from "../award/standing-badge.tsx";

/** The awards a school holds now, on its card at home: what it achieved, and its certificates. */
export function AwardsHeld({ awards, school }: { awards: AwardRow[]; school: string }) {
  if (awards.length === 0) return null;
  return (
    <div className="evaluation-summary">
      <h3>Awards held</h3>
      <ul className="plain-list">
        {awards.map((a) => (
          <li key={a.id}>
            <p>
              <strong>{`${a.markName}${a.tier ? ` (${a.tier})` : ""}`}</strong>{" "}
              <StandingBadge standing={a.standing} />
            </p>
            <p>
              Valid until <time dateTime={a.expiryDate}>{a.expiryLabel}</time>
            </p>
            <p>
              <CertificateLink awardId={a.id} markName={a.markName} school={school} />
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

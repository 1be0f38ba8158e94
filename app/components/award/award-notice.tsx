import type { AwardRow } from "../../award.server.ts";
import { CertificateLink } from "./award-list.tsx";
import { StandingBadge } from "./standing-badge.tsx";

/** On an evaluation whose validation produced an award: the award, its standing, its certificate. */
export function AwardNotice({ award }: { award: AwardRow }) {
  return (
    <div className="notice award-notice" role="note" aria-label="Award">
      <p>
        <strong>Award:</strong> {award.markName}
        {award.tier ? ` (${award.tier})` : ""} <StandingBadge standing={award.standing} />
      </p>
      <p>
        Awarded <time dateTime={award.startDate}>{award.startLabel}</time>, valid until{" "}
        <time dateTime={award.expiryDate}>{award.expiryLabel}</time>.{" "}
        <CertificateLink awardId={award.id} markName={award.markName} />
      </p>
    </div>
  );
}

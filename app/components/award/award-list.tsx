import { Link } from "@remix-run/react";
import type { AwardRow } from "../../award.server.ts";
import { RenewLink } from "./renew-link.tsx";
import { StandingBadge } from "./standing-badge.tsx";

/**
 * The certificate link: visible "View certificate", the mark (and school) named for screen
 * readers after it, so the accessible name starts with the visible words (WCAG 2.5.3). Words,
 * not punctuation, join them: the hidden part is its own box, so browsers put a space before it.
 */
export function CertificateLink({
  awardId,
  markName,
  school,
}: {
  awardId: string;
  markName: string;
  school?: string;
}) {
  return (
    <Link to={`/awards/${awardId}/certificate`}>
      View certificate
      <span className="visually-hidden">{` for ${school ? `${school}, ` : ""}${markName}`}</span>
    </Link>
  );
}

/** A school's awards, current and past, each with its standing and certificate. */
export function AwardList({ awards, school }: { awards: AwardRow[]; school: string }) {
  return (
    <ul className="card-list">
      {awards.map((a) => (
        <li key={a.id} className="card">
          <h3>
            {a.markName}
            {a.tier ? ` (${a.tier})` : ""}
          </h3>
          <p>
            <StandingBadge standing={a.standing} />
          </p>
          <p>
            Awarded <time dateTime={a.startDate}>{a.startLabel}</time>, valid until{" "}
            <time dateTime={a.expiryDate}>{a.expiryLabel}</time>
          </p>
          <p>
            <CertificateLink awardId={a.id} markName={a.markName} />
          </p>
          {a.canRenew ? <RenewLink awardId={a.id} of={`${school}, ${a.markName}`} /> : null}
        </li>
      ))}
    </ul>
  );
}

import { Link } from "@remix-run/react";

/**
 * "Start renewal…": opens the confirmation that says what the renewal makes and copies; nothing
 * is started from here. `of` names the award ("school, mark") where several share a page.
 */
export function RenewLink({ awardId, of }: { awardId: string; of?: string }) {
  return (
    <Link to={`/awards/${awardId}/renew`} className="button">
      Start renewal…
      {/* Which award, for screen readers; the name still begins with the visible words. */}
      {of ? <span className="visually-hidden">{` for ${of}`}</span> : null}
    </Link>
  );
}

import { Link } from "@remix-run/react";

/** One step back up the way: a link only where the reader may go (`to` null: plain text). */
export interface Crumb {
  label: string;
  to: string | null;
}

/**
 * The trail above a page's heading, as a navigation landmark of its own ("Breadcrumb", an
 * ordered list: WAI-ARIA's breadcrumb pattern), so a screen reader can jump to it and hears how
 * many steps it has. The page itself is the heading below, not a step. The loader decides with
 * `can` which steps the reader may open and passes `to: null` for the others (a link to a page
 * that answers 404 is a dead end).
 */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {trail.map((crumb, i) => (
          <li key={i}>
            {crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : <span>{crumb.label}</span>}
            {/* Between steps only: a trail ending in "/" reads as a step left out. */}
            {i < trail.length - 1 ? (
              <span aria-hidden="true" className="breadcrumbs-separator">
                /
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

import { Link } from "@remix-run/react";
import { Fragment } from "react";

/** One step back up the way: a link only where the reader may go (`to` null: plain text). */
export interface Crumb {
  label: string;
  to: string | null;
}

/**
 * The trail above a page's heading. The loader decides with `can` which steps the reader may
 * open and passes `to: null` for the others (a link to a page that answers 404 is a dead end).
 */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  return (
    <p className="breadcrumbs">
      {trail.map((crumb, i) => (
        <Fragment key={i}>
          {crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : <span>{crumb.label}</span>} /
          {i < trail.length - 1 ? " " : ""}
        </Fragment>
      ))}
    </p>
  );
}

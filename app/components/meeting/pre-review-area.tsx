import { useId, type ReactNode } from "react";
import { TableScroll } from "../table-scroll.tsx";

/**
 * One area of the framework in the pre-review, which the validator folds and unfolds: a native
 * disclosure, so it works by keyboard and without scripts, and screen readers hear it expanded
 * or collapsed. Folded, its heading still says how many criteria it has, how many are ticked
 * for the agenda and how many differ. Folding only hides the rows: nothing in them unmounts,
 * and their agenda ticks still belong to the schedule form.
 */
export function PreReviewArea(props: {
  title: string;
  /** What the folded heading says about the area's criteria (pre-review-areas.ts). */
  counts: string;
  /** Open when the page opens (the validator folds and unfolds it from then on). */
  open: boolean;
  /** The table's column headings. */
  headings: string[];
  /** The area's rows. */
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <details className="pre-review-area" open={props.open}>
      <summary>
        <h3 id={titleId} className="pre-review-area-title">
          {props.title}
        </h3>
        <span className="pre-review-area-counts">{props.counts}</span>
      </summary>
      <TableScroll label={`Criteria to pre-review in ${props.title}`}>
        {/* Explicit roles: on a phone each part is laid out as a block (a card per criterion),
            and Safari then stops treating it as a table. */}
        <table className="table pre-review-table" role="table" aria-labelledby={titleId}>
          <thead role="rowgroup">
            <tr role="row">
              {props.headings.map((heading) => (
                <th key={heading} scope="col" role="columnheader">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">{props.children}</tbody>
        </table>
      </TableScroll>
    </details>
  );
}

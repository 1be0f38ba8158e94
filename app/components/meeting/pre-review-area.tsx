import { StackedTable, type StackedColumn, type StackedRow } from "../stacked-table.tsx";

/**
 * One area of the framework in the pre-review, which the validator folds and unfolds: a native
 * disclosure, so it works by keyboard and without scripts, and screen readers hear it expanded
 * or collapsed. Folded, its heading still says how many criteria it has, how many are ticked
 * for the agenda and how many differ. Folding only hides the rows: nothing in them unmounts,
 * and their agenda ticks still belong to the schedule form. On a phone each criterion is a card
 * (stacked-table.tsx).
 */
export function PreReviewArea(props: {
  title: string;
  /** What the folded heading says about the area's criteria (pre-review-areas.ts). */
  counts: string;
  /** Open when the page opens (the validator folds and unfolds it from then on). */
  open: boolean;
  /** The table's columns. */
  columns: StackedColumn[];
  /** The area's rows: a criterion each. */
  rows: StackedRow[];
}) {
  return (
    <details className="pre-review-area" open={props.open}>
      <summary>
        <h3 className="pre-review-area-title">{props.title}</h3>
        <span className="pre-review-area-counts">{props.counts}</span>
      </summary>
      {/* The table is named by its area's title, as its heading is. */}
      <StackedTable
        label={`Criteria to pre-review in ${props.title}`}
        caption={props.title}
        className="pre-review-table"
        columns={props.columns}
        rows={props.rows}
      />
    </details>
  );
}

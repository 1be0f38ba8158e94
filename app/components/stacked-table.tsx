import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll.tsx";

export interface StackedColumn {
  label: string;
  /** Said to screen readers only: a column of controls that name themselves ("Actions"). */
  hidden?: boolean;
  /**
   * The cell draws the column's name itself (with `StackedLabel`), where it is more than a
   * caption: beside a checkbox, the name is the checkbox's visible label and ticks it.
   */
  namedInCell?: boolean;
}

export interface StackedRow {
  key: string;
  className?: string;
  /** One per column, in the columns' order; the first is the row's heading. */
  cells: ReactNode[];
}

/**
 * A column's name drawn in its cell, shown where the table is laid out as cards (a phone).
 * Hidden from screen readers, which have the column's own header.
 */
export function StackedLabel({ children }: { children: string }) {
  return (
    <span className="stacked-table-label" aria-hidden="true">
      {children}
    </span>
  );
}

/**
 * A list of records as a table that, on a phone, lays each row out as a card: its cells one
 * under another, each under its column's name, so every column and action is in view without
 * scrolling sideways (app.css `.stacked-table`). From a tablet's width up it is the plain table,
 * scrolling in its own box where it is wider. Every part carries its ARIA role, since a table
 * laid out as blocks is no longer a table to some browsers (Safari's); the header row stays for
 * screen readers, so the names drawn in the cells are hidden from them.
 */
export function StackedTable({
  label,
  caption,
  columns,
  rows,
  className,
}: {
  /** The scrolling box's name. */
  label: string;
  caption: string;
  columns: StackedColumn[];
  rows: StackedRow[];
  className?: string;
}) {
  return (
    <TableScroll label={label}>
      <table className={`table stacked-table${className ? ` ${className}` : ""}`} role="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column.label} scope="col" role="columnheader">
                {column.hidden ? (
                  <span className="visually-hidden">{column.label}</span>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={row.key} role="row" className={row.className}>
              {row.cells.map((cell, index) => {
                const column = columns[index];
                return index === 0 ? (
                  <th key={column.label} scope="row" role="rowheader">
                    {cell}
                  </th>
                ) : (
                  <td key={column.label} role="cell">
                    {column.hidden || column.namedInCell ? null : (
                      <StackedLabel>{column.label}</StackedLabel>
                    )}
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

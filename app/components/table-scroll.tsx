import type { ReactNode } from "react";

/**
 * The box a wide table scrolls in on a narrow screen, so the page itself never scrolls sideways
 * (WCAG 1.4.10 allows a data table to). Focusable and named, so keyboard users can scroll it
 * with the arrow keys and screen readers announce what it holds.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

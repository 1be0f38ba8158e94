import { useEffect, useId, useRef, useState, type ReactNode } from "react";

interface Reach {
  /** Whether the table is wider than its box (null: not measured yet, before scripts run). */
  overflows: boolean | null;
  scrolled: boolean;
  atEnd: boolean;
}

/**
 * A wide table's scrolling box (as TableScroll: focusable, named) that says when the table is
 * wider than it: a hint above, which also describes the box to screen readers, and a shadow at
 * the edge where more of the table lies (insight.css). Before the page's scripts have measured
 * the table, the stylesheet shows the hint at the widths where it usually scrolls.
 */
export function SidewaysTable({
  label,
  hint,
  className,
  children,
}: {
  label: string;
  /** "Scroll the table sideways for more areas; …" */
  hint: string;
  /** The box's own class, for the stylesheet's pre-measurement guess. */
  className?: string;
  children: ReactNode;
}) {
  const hintId = useId();
  const box = useRef<HTMLDivElement>(null);
  const [reach, setReach] = useState<Reach>({ overflows: null, scrolled: false, atEnd: false });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const overflows = el.scrollWidth - el.clientWidth > 1;
      const next = {
        overflows,
        scrolled: overflows && el.scrollLeft > 1,
        atEnd: !overflows || el.scrollLeft + el.clientWidth >= el.scrollWidth - 1,
      };
      setReach((was) =>
        was.overflows === next.overflows &&
        was.scrolled === next.scrolled &&
        was.atEnd === next.atEnd
          ? was
          : next,
      );
    };
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    if (el.firstElementChild) resized.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      resized.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);
  const state = reach.overflows === null ? undefined : reach.overflows ? "yes" : "no";
  return (
    <div
      className={`sideways${className ? ` ${className}` : ""}`}
      data-overflows={state}
      data-scrolled={reach.scrolled || undefined}
      data-at-end={reach.atEnd || undefined}
    >
      <p id={hintId} className="sideways-hint">
        <span aria-hidden="true">↔ </span>
        {hint}
      </p>
      <div className="sideways-frame">
        <div
          ref={box}
          className="table-scroll"
          role="region"
          aria-label={label}
          // Described by the hint only while the table does scroll.
          aria-describedby={reach.overflows ? hintId : undefined}
          tabIndex={0}
        >
          {children}
        </div>
      </div>
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from "react";

/** How long a choice stays unsent while someone may still be arrowing past it. */
export const SETTLE_MS = 700;

/**
 * A choice written to the shared document only once the person settles on it, so colleagues
 * never see it flicker through every level passed on the way (arrow keys, dragging a bead).
 * `propose` shows a choice here at once; it is written after a short pause, or at once with
 * `settle` (Enter, leaving the control, releasing the pointer) or `propose(value, "now")` (a
 * click); `propose(value, "on settle")` waits for `settle` however long it takes (dragging).
 * Whatever is pending when the control goes away is written then.
 */
export function useSettledChoice<T>(
  current: T,
  write: (value: T) => void,
): {
  shown: T;
  pending: boolean;
  propose(value: T, timing?: "after a pause" | "now" | "on settle"): void;
  settle(): void;
} {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  const latest = useRef({ pending, current, write });
  latest.current = { pending, current, write };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback((value: T) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (value !== latest.current.current) latest.current.write(value);
    latest.current.pending = null;
    setPending(null);
  }, []);

  const propose = useCallback(
    (value: T, timing: "after a pause" | "now" | "on settle" = "after a pause") => {
      if (timing === "now") return flush(value);
      latest.current.pending = { value };
      setPending({ value });
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (timing === "after a pause") timer.current = setTimeout(() => flush(value), SETTLE_MS);
    },
    [flush],
  );

  const settle = useCallback(() => {
    const waiting = latest.current.pending;
    if (waiting) flush(waiting.value);
  }, [flush]);

  // Leaving the page (or the criterion being closed) writes what was chosen.
  useEffect(() => () => settle(), [settle]);

  return { shown: pending ? pending.value : current, pending: pending !== null, propose, settle };
}

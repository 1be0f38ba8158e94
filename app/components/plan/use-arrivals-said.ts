import { useEffect, useRef, useState, type RefObject } from "react";
import type { Colleague } from "../evaluation/use-colleagues-at.ts";
import { arrivalWords, type RowKind } from "./colleague-words.ts";

/** How long who is in a row must stay the same before it is said: passing through is not news. */
export const ARRIVAL_SETTLE_MS = 1000;

/**
 * What a screen reader should hear when someone comes into (or leaves) the factor or action this
 * person is working in (focus inside `row`): one sentence per settled change, nothing for rows
 * they are not in, nor for keystrokes or presence ticks that leave the same people there.
 * `n` tells two equal sentences apart, so the second is said again.
 */
export function useArrivalsSaid(
  colleagues: Colleague[],
  row: RefObject<HTMLElement>,
  what: RowKind,
): { text: string; n: number } {
  const [said, setSaid] = useState({ text: "", n: 0 });
  // Who was there when it was last settled (said or not).
  const settled = useRef<Colleague[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      const words = arrivalWords(settled.current, colleagues, what);
      settled.current = colleagues;
      const here = row.current?.contains(row.current.ownerDocument.activeElement) ?? false;
      if (words && here) setSaid((s) => ({ text: words, n: s.n + 1 }));
    }, ARRIVAL_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [colleagues, row, what]);
  return said;
}

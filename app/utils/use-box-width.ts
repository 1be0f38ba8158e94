import { useEffect, useLayoutEffect, useRef, useState } from "react";

// Measured before the browser paints, so nothing drawn for another width flashes first; on the
// server (where there is no box and useLayoutEffect only warns) the effect never runs anyway.
const useBeforePaint = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * The width of an element's box on screen, in px, kept current as it resizes (a phone turned,
 * a window narrowed); null until measured, and always null on the server. Used by whatever draws
 * for the width it has: the insight charts, the force-field diagram.
 */
export function useBoxWidth<T extends HTMLElement>() {
  const box = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useBeforePaint(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth > 0 ? element.clientWidth : null);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [box, width] as const;
}

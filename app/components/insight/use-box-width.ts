import { useLayoutEffect, useRef, useState } from "react";

/**
 * The width of an element's box on screen, in px, kept current as it resizes (a phone turned,
 * a window narrowed); null until measured. Browser only: measured before the first paint.
 */
export function useBoxWidth<T extends HTMLElement>() {
  const box = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
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

import { useEffect, useRef, type ReactNode } from "react";
import { toastPlace } from "./toast-place.ts";

/**
 * The page's notices ("Removed … Undo", a colleague's removal), stacked at the foot of what is on
 * screen (above a phone's keyboard), or at its top whenever the foot would lie over what has the
 * focus: on a phone, that is where the field being typed in sits. Only a move of the focus to
 * something else of the page moves them; while the focus is on one of their buttons, or on nothing
 * (a tap on a button that takes no focus), they stay put, so a button never moves under a finger.
 * Their order in the page, and so the order they are read and reached in, never changes.
 */
export function ToastStack({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const stack = ref.current;
    if (!stack) return;
    let frame = 0;
    const place = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      // What is on screen: less than the window while a phone's keyboard is up.
      const screen = window.visualViewport;
      const top = screen ? Math.max(0, screen.offsetTop) : 0;
      const bottom = screen ? Math.min(innerHeight, screen.offsetTop + screen.height) : innerHeight;
      stack.style.setProperty("--toast-view-top", `${top}px`);
      stack.style.setProperty("--toast-view-bottom", `${Math.max(0, innerHeight - bottom)}px`);
      const drawn = stack.getBoundingClientRect();
      // Nothing drawn: the next notice starts at the foot again.
      if (drawn.height < 2) {
        stack.dataset.place = "bottom";
        return;
      }
      const focused = document.activeElement;
      if (!focused || focused === document.body || stack.contains(focused)) return;
      const gap = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      stack.dataset.place = toastPlace(
        focused.getBoundingClientRect(),
        drawn,
        { top, bottom },
        gap,
      );
    };
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    // A notice arriving or going changes the stack's size: placed before it is painted.
    const sized = new ResizeObserver(place);
    sized.observe(stack);
    document.addEventListener("focusin", place);
    // Capturing: a box scrolling on its own moves its fields too.
    document.addEventListener("scroll", soon, { capture: true, passive: true });
    window.addEventListener("resize", soon);
    window.visualViewport?.addEventListener("resize", soon);
    window.visualViewport?.addEventListener("scroll", soon);
    return () => {
      cancelAnimationFrame(frame);
      sized.disconnect();
      document.removeEventListener("focusin", place);
      document.removeEventListener("scroll", soon, { capture: true });
      window.removeEventListener("resize", soon);
      window.visualViewport?.removeEventListener("resize", soon);
      window.visualViewport?.removeEventListener("scroll", soon);
    };
  }, []);
  return (
    <div ref={ref} className="toast-stack">
      {children}
    </div>
  );
}

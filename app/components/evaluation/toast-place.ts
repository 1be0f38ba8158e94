/** A box on the screen, in the page's viewport coordinates (as getBoundingClientRect gives it). */
export interface ScreenBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where the page's notices are drawn: at the foot of what is on screen, or at its top. */
export type ToastPlace = "bottom" | "top";

const overlap = (a: ScreenBox, b: ScreenBox) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * Where the notices go so that they never lie over what has the focus (on a phone, the field
 * being typed in sits just above the keyboard, where they are usually drawn): at the foot of the
 * visible area `view` unless they would cover any of `focused` there, then at its top, unless
 * that covers more of it (a field taller than the screen).
 * `stack`: the notices' width (left, right) and height; `gap`: their distance from the edge.
 */
export function toastPlace(
  focused: ScreenBox | null,
  stack: { left: number; right: number; height: number },
  view: { top: number; bottom: number },
  gap: number,
): ToastPlace {
  if (!focused) return "bottom";
  // Field by field: a DOMRect's sides are getters, which spreading it would lose.
  const visible: ScreenBox = {
    left: focused.left,
    right: focused.right,
    top: Math.max(focused.top, view.top),
    bottom: Math.min(focused.bottom, view.bottom),
  };
  const at = (top: number): ScreenBox => ({
    left: stack.left,
    right: stack.right,
    top,
    bottom: top + stack.height,
  });
  const below = overlap(visible, at(view.bottom - gap - stack.height));
  if (below === 0) return "bottom";
  return overlap(visible, at(view.top + gap)) < below ? "top" : "bottom";
}

import { flushSync } from "react-dom";

/** Focuses the first of `ids` that is on the page and enabled; false if none is. */
function focusFirst(ids: readonly string[]): boolean {
  for (const id of ids) {
    const element = document.getElementById(id);
    if (element && !(element as HTMLButtonElement).disabled) {
      element.focus();
      return true;
    }
  }
  return false;
}

/**
 * After an edit that adds, moves or removes something (called from the click or key handler
 * that made it), moves the focus to the first of `ids` that is drawn and enabled.
 *
 * The edit's re-render is drawn first, here (`flushSync`), so the focus moves before the browser
 * handles the next key: with the focus moved a frame later, the first letters someone typed
 * straight after "Add" went to the button, and a second Enter on a move button fell on a button
 * React had just moved (which loses focus). Anything drawn later still (an element a remote
 * change brings) is looked for over the next `frames` frames.
 */
export function focusWhenDrawn(ids: readonly string[], frames = 20): void {
  if (typeof window === "undefined") return;
  flushSync(() => {});
  if (focusFirst(ids)) return;
  const attempt = (left: number) => {
    if (!focusFirst(ids) && left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(frames - 1));
}

import { useEffect } from "react";

/**
 * Asks before the page is closed or left while something typed or chosen is `unsent` (not yet
 * accepted by the server: a comment box's text, an agenda not yet saved), as the evaluation
 * does for edits not yet saved.
 */
export function useWarnUnsent(unsent: boolean) {
  useEffect(() => {
    if (!unsent) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [unsent]);
}

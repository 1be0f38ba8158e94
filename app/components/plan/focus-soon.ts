/**
 * Focuses the first of `ids` that is drawn and enabled, once the Yjs change that re-renders it
 * has been drawn (React may have moved the focused element, which loses focus).
 */
export function focusSoon(ids: string[], tries = 20): void {
  if (typeof window === "undefined") return;
  const attempt = (left: number) => {
    const element = ids
      .map((id) => document.getElementById(id))
      .find((e): e is HTMLElement => e !== null && !(e as HTMLButtonElement).disabled);
    if (element) element.focus();
    else if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(tries));
}

import type { Awareness } from "y-protocols/awareness";

// A colleague's caret carries their name on a tag drawn above the line, over the words there.
// The tag shows only for a moment: when the caret appears, and each time they move or type;
// otherwise just the coloured caret stays, and the text under it can be read.

/** How long a caret's name stays up after its person last moved or typed. */
export const LABEL_SHOWN_MS = 2500;

const NAMED = "collaboration-carets__caret--named";
const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** Shows the caret's name now, and hides it again after `LABEL_SHOWN_MS` of stillness. */
export function showNameFor(caret: HTMLElement): void {
  caret.classList.add(NAMED);
  const previous = timers.get(caret);
  if (previous) clearTimeout(previous);
  timers.set(
    caret,
    setTimeout(() => {
      caret.classList.remove(NAMED);
      timers.delete(caret);
    }, LABEL_SHOWN_MS),
  );
}

/**
 * Whenever someone else's caret moves (their presence's `cursor` changes), shows their name on
 * their caret inside `root`. Returns the function that stops watching.
 */
export function showNamesOnMoves(awareness: Awareness, root: () => HTMLElement | null): () => void {
  const last = new Map<number, string>();
  const onChange = ({ added, updated, removed }: Record<string, number[]>) => {
    const moved: string[] = [];
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue;
      const state = awareness.getStates().get(clientId) as
        | { cursor?: unknown; user?: { userId?: unknown } }
        | undefined;
      const cursor = JSON.stringify(state?.cursor ?? null);
      if (last.get(clientId) === cursor) continue;
      last.set(clientId, cursor);
      if (state?.cursor && typeof state.user?.userId === "string") moved.push(state.user.userId);
    }
    for (const clientId of removed) last.delete(clientId);
    if (!moved.length) return;
    // After the editor has drawn the carets where they now are.
    setTimeout(() => {
      const carets = root()?.querySelectorAll<HTMLElement>(".collaboration-carets__caret") ?? [];
      for (const caret of carets)
        if (moved.includes(caret.dataset.userId ?? "")) showNameFor(caret);
    }, 0);
  };
  awareness.on("change", onChange);
  return () => awareness.off("change", onChange);
}

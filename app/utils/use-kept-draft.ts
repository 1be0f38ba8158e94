import { useCallback, useEffect, useRef } from "react";

/** The key a draft is kept under: the person, the page and the field. */
const keyFor = (userId: string, field: string) =>
  `kept-draft:${userId}:${window.location.pathname}:${field}`;

/** The browser's local storage, or null where it refuses it (some private modes). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** What this browser keeps for the person, page and field, or null (none, or no storage). */
export function readKept(userId: string, field: string): string | null {
  try {
    return storage()?.getItem(keyFor(userId, field)) ?? null;
  } catch {
    return null;
  }
}

/**
 * Keeps `value` for the person, page and field (null: forgets it). False when this browser
 * refuses (no storage, or full): then nothing is kept here.
 */
export function keep(userId: string, field: string, value: string | null): boolean {
  const store = storage();
  if (!store) return false;
  try {
    if (value === null) store.removeItem(keyFor(userId, field));
    else store.setItem(keyFor(userId, field), value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Text typed into a field that is sent only with its form (a rationale), kept in this browser
 * as it is typed, so a reload or a closed tab loses none of it: the field gets it back when the
 * page opens again, until the form is recorded (`clear`). Kept per person, page and field. A
 * browser that refuses storage keeps nothing, and the field works as before.
 */
export function useKeptDraft<T extends HTMLTextAreaElement | HTMLInputElement>(
  userId: string,
  field: string,
) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    const kept = storage()?.getItem(keyFor(userId, field));
    // Text typed before the page's scripts ran is newer than the kept draft: it stays.
    if (element && kept && !element.value) element.value = kept;
  }, [userId, field]);
  const onInput = useCallback(
    (event: { currentTarget: T }) => {
      const value = event.currentTarget.value;
      try {
        if (value) storage()?.setItem(keyFor(userId, field), value);
        else storage()?.removeItem(keyFor(userId, field));
      } catch {
        // Storage full: the text is still in the field, as it always was.
      }
    },
    [userId, field],
  );
  const clear = useCallback(() => storage()?.removeItem(keyFor(userId, field)), [userId, field]);
  return { ref, onInput, clear };
}

/**
 * Whether a collaboration socket on this page was closed because the person's session ended
 * (signed out in another tab, password changed elsewhere, signed out by a trust admin). One
 * flag for the page, so one notice can say so wherever the documents are; a session that is
 * closed (the page left) forgets its mark, so the next page starts clean.
 */
const ended = new Set<object>();
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function markSessionEnded(session: object): void {
  if (ended.has(session)) return;
  ended.add(session);
  notify();
}

export function forgetSession(session: object): void {
  if (ended.delete(session)) notify();
}

export function sessionHasEnded(): boolean {
  return ended.size > 0;
}

export function subscribeToSessionEnd(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

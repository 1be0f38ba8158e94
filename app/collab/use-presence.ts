import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

/** Someone with a document open. */
export interface Present {
  clientId: number;
  userId: string;
  name: string;
  role: string;
  colour: string;
  observing: boolean;
  /** Where they are working, as the page put it (each page reads its own shape); null if nowhere. */
  focus: unknown;
  isMe: boolean;
}

/** Anything that carries presence: a room document, or (for older code) a provider. */
export interface PresenceSource {
  awareness: Awareness | null;
}

/** Everyone in `awareness` now, one entry per person (their latest focus wins), the person first. */
export function presentIn(awareness: Awareness): Present[] {
  const byUser = new Map<string, Present>();
  awareness.getStates().forEach((state, clientId) => {
    const user = state.user as Record<string, unknown> | undefined;
    if (!user || typeof user.userId !== "string") return;
    const entry: Present = {
      clientId,
      userId: user.userId,
      name: String(user.name ?? ""),
      role: String(user.role ?? ""),
      colour: String(user.color ?? "#444"),
      observing: Boolean(user.observing),
      focus: state.focus ?? null,
      isMe: clientId === awareness.clientID,
    };
    const previous = byUser.get(entry.userId);
    if (!previous || (entry.focus && !previous.focus) || entry.isMe)
      byUser.set(entry.userId, { ...entry, isMe: entry.isMe || Boolean(previous?.isMe) });
  });
  return [...byUser.values()].sort(
    (a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name),
  );
}

/** Everyone with this document open, one entry per person (their latest focus wins). */
export function usePresence(source: PresenceSource | null): Present[] {
  const [present, setPresent] = useState<Present[]>([]);
  const awareness = source?.awareness ?? null;
  useEffect(() => {
    if (!awareness) return;
    const read = () => setPresent(presentIn(awareness));
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [awareness]);
  return present;
}

import { useEffect, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";

/** Where someone is working: set on focus, shown beside their name. */
export interface Focus {
  criterionId: string;
  field: "judgement" | "narrative" | "evidence" | "forces" | "actions";
}

export interface Present {
  clientId: number;
  userId: string;
  name: string;
  role: string;
  colour: string;
  observing: boolean;
  focus: Focus | null;
  isMe: boolean;
}

/** Everyone with this document open, one entry per person (their latest focus wins). */
export function usePresence(provider: HocuspocusProvider | null): Present[] {
  const [present, setPresent] = useState<Present[]>([]);
  useEffect(() => {
    const awareness = provider?.awareness;
    if (!awareness) return;
    const read = () => {
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
          focus: (state.focus as Focus | undefined) ?? null,
          isMe: clientId === awareness.clientID,
        };
        const previous = byUser.get(entry.userId);
        if (!previous || (entry.focus && !previous.focus) || entry.isMe)
          byUser.set(entry.userId, { ...entry, isMe: entry.isMe || Boolean(previous?.isMe) });
      });
      setPresent(
        [...byUser.values()].sort(
          (a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name),
        ),
      );
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [provider]);
  return present;
}

export function setFocus(provider: HocuspocusProvider | null, focus: Focus | null) {
  provider?.awareness?.setLocalStateField("focus", focus);
}

import { useCallback, useState } from "react";
import type { LiveAgenda } from "./use-live-agenda.ts";

/**
 * Which agenda item a person has in front of them. Someone following the validator sees the
 * item the validator brought everyone to; someone browsing sees the one they chose; before
 * either, the current item or the first.
 */
export function focusedItem(input: {
  order: string[];
  currentId: string | null;
  own: string | null;
  following: boolean;
}): string | null {
  const { order, own, following } = input;
  const currentId = input.currentId && order.includes(input.currentId) ? input.currentId : null;
  if (following && currentId) return currentId;
  if (own && order.includes(own)) return own;
  return currentId ?? order[0] ?? null;
}

export interface AgendaFocus {
  focused: string | null;
  /** Following the validator (always false for the validator, who leads). */
  following: boolean;
  /** Shows an item: someone following starts browsing on their own. */
  show(criterionId: string): void;
  setFollowing(on: boolean): void;
}

export function useAgendaFocus(agenda: LiveAgenda, leads: boolean): AgendaFocus {
  const [own, setOwn] = useState<string | null>(null);
  const [followingWanted, setFollowingWanted] = useState(!leads);
  const following = !leads && followingWanted;
  const focused = focusedItem({
    order: agenda.order,
    currentId: agenda.current?.criterionId ?? null,
    own,
    following,
  });
  const show = useCallback(
    (criterionId: string) => {
      setOwn(criterionId);
      setFollowingWanted(false);
    },
    [setOwn],
  );
  const setFollowing = useCallback(
    (on: boolean) => {
      // Stopping keeps the person where they are; starting takes them to the current item.
      if (!on) setOwn(focused);
      setFollowingWanted(on);
    },
    [focused],
  );
  return { focused, following, show, setFollowing };
}

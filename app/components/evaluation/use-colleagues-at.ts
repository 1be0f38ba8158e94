import { useEffect, useState } from "react";
import { usePresenceAwareness } from "../../collab/collab-room.tsx";
import { presentIn } from "../../collab/use-presence.ts";
import { evaluationFocusOf, sameFocus, type EvaluationFocus } from "./focus.ts";

/** Someone else working at a place in the evaluation. */
export interface Colleague {
  userId: string;
  name: string;
  colour: string;
}

/**
 * Who else is working at `focus` right now, from the page's presence: never this person (in any
 * of their windows), nor anyone who can only watch. Re-renders only when that changes, not
 * whenever someone moves a caret elsewhere on the page.
 */
export function useColleaguesAt(focus: EvaluationFocus): Colleague[] {
  const awareness = usePresenceAwareness();
  const key = JSON.stringify([focus.criterionId, focus.field, focus.item ?? null]);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const [criterionId, field, item] = JSON.parse(key) as [string, string, string | null];
    const here = evaluationFocusOf({ criterionId, field, item });
    let last = "[]";
    const read = () => {
      const found = presentIn(awareness)
        .filter((p) => !p.isMe && !p.observing && sameFocus(evaluationFocusOf(p.focus), here))
        .map(({ userId, name, colour }) => ({ userId, name, colour }));
      const serial = JSON.stringify(found);
      if (serial === last) return;
      last = serial;
      setColleagues(found);
    };
    read();
    awareness.on("change", read);
    return () => {
      awareness.off("change", read);
      setColleagues([]);
    };
  }, [awareness, key]);
  return colleagues;
}

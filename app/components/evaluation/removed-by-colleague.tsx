import { useCallback, useEffect, useState } from "react";
import type * as Y from "yjs";
import { actionsOf, forcesOf } from "../../../collab/shapes/plan.ts";
import { usePresenceAwareness } from "../../collab/collab-room.tsx";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import { actionInputId, actionName } from "../plan/action-row.tsx";
import { forceInputId, forceName } from "../plan/force-row.tsx";
import {
  keepRow,
  keptRowOf,
  nameRemover,
  putBackAsTyped,
  releaseRow,
  useKeptRows,
} from "../plan/kept-rows.ts";
import { evaluationFocusOf } from "./focus.ts";
import { NoticeToast } from "./notice-toast.tsx";
import { removerOf, type Remover } from "./removal-claims.ts";
import { removedId, watchRemovalsWhileEditing, type Removal } from "./removal-watch.ts";
import { useStructuredEdits } from "./structured-edits.tsx";

/** Is the focus in a text field (where a removal under it would lose what is typed next)? */
const typingInAField = () => {
  const el = document.activeElement;
  return (
    el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === "text")
  );
};

/** How long to wait for the remover's word (presence) after a removal arrives without it. */
const CLAIM_WAIT_MS = 1500;

/** "Alex Staff removed helping factor 2 of 2.1 while you were working on it: Trained TAs." */
export function removalMessage(
  removal: Removal,
  who: string,
  codeOf: (criterionId: string) => string | undefined,
): string {
  const [name, text, criterionId] =
    removal.kind === "force"
      ? [
          forceName(removal.force.side, removal.position),
          removal.force.text,
          removal.force.criterionId,
        ]
      : [actionName(removal.position), removal.action.what, removal.action.criterionId];
  const code = codeOf(criterionId);
  const of = code ? ` of ${code}` : "";
  const words = text.trim();
  return `${who} removed ${name.toLowerCase()}${of} while you were working on it${words ? `: ${words}` : ""}.`;
}

interface Shown {
  removal: Removal;
  who: string;
  /**
   * Its row is kept on this person's screen (they were typing in it), saying so itself with its
   * own "Put it back": this is then only said, not drawn, and letting the row go ends it too.
   */
  kept: boolean;
  n: number;
}

/**
 * Tells this person when someone else removes a factor or action they are working in (or just
 * changed), who did if that can be known ("A colleague" otherwise), with "Put it back", which
 * restores it as it was through the plan's own shape functions. Only for those who may write.
 * A row they were typing in stays on their screen meanwhile (kept-rows.ts), taking their typing,
 * and comes back with what they typed; it says all this itself, beside their field, so the
 * notice is then only said to screen readers: a toast would be a second copy of it, and on a
 * phone it would lie over the very field they are typing in.
 */
export function RemovedByColleague({
  doc,
  codeOf,
}: {
  doc: Y.Doc | null;
  codeOf(criterionId: string): string | undefined;
}) {
  const awareness = usePresenceAwareness();
  const { edit } = useStructuredEdits();
  const [shown, setShown] = useState<Shown | null>(null);
  const dismiss = useCallback(() => setShown(null), []);
  const keptRows = useKeptRows(doc);

  useEffect(() => {
    if (!doc || !awareness) return;
    const waiting = new Set<() => void>();
    const tell = (removal: Removal, remover: Remover | null) => {
      const id = removedId(removal);
      // Removed by this very person in another window: that window offers the Undo.
      if (remover?.isMe) return releaseRow(doc, id);
      const kept = keptRowOf(doc, id) !== null;
      const who = remover?.name ?? "A colleague";
      if (kept) nameRemover(doc, id, who);
      setShown((s) => ({ removal, who, kept, n: (s?.n ?? 0) + 1 }));
    };
    const workingIn = (id: string) =>
      evaluationFocusOf(awareness.getLocalState()?.focus)?.item === id;
    const stop = watchRemovalsWhileEditing(doc, workingIn, (removal) => {
      const id = removedId(removal);
      // Kept now, in this task, before the row's field (and the next key press) is lost.
      if (workingIn(id) && typingInAField()) keepRow(doc, removal);
      const remover = removerOf(awareness, id);
      if (remover) return tell(removal, remover);
      // The server sends presence after the document changes of the same moment, so the
      // remover's word may arrive just after the removal: wait a little for it.
      const onChange = () => {
        const found = removerOf(awareness, id);
        if (!found) return;
        cancel();
        tell(removal, found);
      };
      const timer = setTimeout(() => {
        cancel();
        tell(removal, null);
      }, CLAIM_WAIT_MS);
      const cancel = () => {
        clearTimeout(timer);
        awareness.off("change", onChange);
        waiting.delete(cancel);
      };
      awareness.on("change", onChange);
      waiting.add(cancel);
    });
    return () => {
      stop();
      waiting.forEach((cancel) => cancel());
    };
  }, [doc, awareness]);

  // Back already (its remover undid the removal): nothing left to put back.
  useEffect(() => {
    if (!shown || !doc) return;
    const { removal } = shown;
    const items = removal.kind === "force" ? forcesOf(doc) : actionsOf(doc);
    const check = () => {
      if (items.has(removedId(removal))) setShown(null);
    };
    check();
    items.observe(check);
    return () => items.unobserve(check);
  }, [shown, doc]);

  // Its kept row let go ("Leave it removed"): the person has decided.
  useEffect(() => {
    if (shown?.kept && !keptRows.some((row) => removedId(row.removal) === removedId(shown.removal)))
      setShown(null);
  }, [shown, keptRows]);

  const putBack = () => {
    if (!shown || !doc) return;
    const { removal } = shown;
    setShown(null);
    const back = putBackAsTyped(doc, removal, edit);
    if (back)
      focusWhenDrawn([
        removal.kind === "force"
          ? forceInputId(removal.force.id)
          : actionInputId(removal.action.id),
      ]);
  };

  return (
    <NoticeToast
      notice={
        shown && {
          message: removalMessage(shown.removal, shown.who, codeOf),
          action: "Put it back",
          n: shown.n,
          onScreenElsewhere: shown.kept,
        }
      }
      onAction={putBack}
      onDismiss={dismiss}
    />
  );
}

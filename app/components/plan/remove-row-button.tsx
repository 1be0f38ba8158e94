import { useEffect, useId, useRef, useState } from "react";
import type { Colleague } from "../evaluation/use-colleagues-at.ts";
import { editingWords, type RowKind } from "./colleague-words.ts";

/**
 * A factor's or action's Remove button. With nobody else in the row it removes at once (Undo
 * follows); while someone else is working in it, it asks first ("Alex Staff is editing this
 * factor. Remove it anyway?"), in a modal dialog that starts on "Keep it", the choice that loses
 * nothing, and gives the focus back to this button if nothing is removed (Escape too).
 */
export function RemoveRowButton({
  name,
  what,
  colleagues,
  onRemove,
}: {
  /** "Helping factor 1", "Action 2". */
  name: string;
  what: RowKind;
  colleagues: Colleague[];
  onRemove(): void;
}) {
  // Who was in the row when Remove was pressed: the question holds still while it is answered.
  const [asking, setAsking] = useState<Colleague[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    if (!asking || !dialog.current || dialog.current.open) return;
    dialog.current.showModal();
    keep.current?.focus();
  }, [asking]);

  const keepIt = () => {
    dialog.current?.close();
    setAsking(null);
    button.current?.focus();
  };
  const removeIt = () => {
    dialog.current?.close();
    setAsking(null);
    onRemove();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="plan-remove"
        onClick={() => (colleagues.length ? setAsking(colleagues) : onRemove())}
      >
        Remove<span className="visually-hidden"> {name.toLowerCase()}</span>
      </button>
      {asking ? (
        <dialog
          ref={dialog}
          className="plan-confirm"
          role="alertdialog"
          aria-labelledby={questionId}
          onCancel={(event) => {
            // Escape: as "Keep it" (the dialog would close itself but leave the focus nowhere).
            event.preventDefault();
            keepIt();
          }}
        >
          <p id={questionId}>{editingWords(asking, what)}. Remove it anyway?</p>
          <div className="plan-confirm-buttons">
            <button type="button" className="plan-remove" onClick={removeIt}>
              Remove
            </button>
            <button ref={keep} type="button" className="plan-add" onClick={keepIt}>
              Keep it
            </button>
          </div>
        </dialog>
      ) : null}
    </>
  );
}

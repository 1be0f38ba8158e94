import type { ReactNode, RefObject } from "react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type * as Y from "yjs";
import { diffText, transformOffset, type TextDelta } from "./text-diff.ts";

type TextControl = HTMLInputElement | HTMLTextAreaElement;

interface SavedSelection {
  start: number;
  end: number;
  direction: "forward" | "backward" | "none";
}

/**
 * Follows a Y.Text: returns its current string and `update(next, caret)`, which writes what the
 * field now reads as the smallest edit (one transaction), so two people typing in the same field
 * merge character by character instead of overwriting each other.
 *
 * Pass the field's ref to keep its caret where it was when someone else's edit arrives.
 */
export function useYText(ytext: Y.Text | null | undefined, field?: RefObject<TextControl>) {
  const [value, setValue] = useState(() => ytext?.toString() ?? "");
  // Our own edits carry this origin, so they never move our own caret.
  const [origin] = useState(() => Symbol("y-text-field"));

  useEffect(() => {
    setValue(ytext?.toString() ?? "");
    if (!ytext) return;
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const next = ytext.toString();
      const element = field?.current;
      if (element && transaction.origin !== origin && element.value !== next) {
        // Write someone else's edit into the field now rather than at React's next render: a key
        // pressed in between would otherwise be diffed against text the field never showed.
        const focused = element === document.activeElement;
        const saved: SavedSelection | null =
          focused && element.selectionStart !== null
            ? {
                start: transformOffset(element.selectionStart, event.delta as TextDelta),
                end: transformOffset(
                  element.selectionEnd ?? element.selectionStart,
                  event.delta as TextDelta,
                ),
                direction: element.selectionDirection ?? "none",
              }
            : null;
        element.value = next;
        if (saved)
          element.setSelectionRange(
            Math.min(saved.start, next.length),
            Math.min(saved.end, next.length),
            saved.direction,
          );
      }
      setValue(next);
    };
    ytext.observe(onChange);
    return () => ytext.unobserve(onChange);
  }, [ytext, field, origin]);

  const update = useCallback(
    (next: string, caret?: number | null) => {
      if (!ytext) return;
      const change = diffText(ytext.toString(), next, caret);
      if (!change) return;
      const apply = () => {
        if (change.remove > 0) ytext.delete(change.index, change.remove);
        if (change.insert) ytext.insert(change.index, change.insert);
      };
      if (ytext.doc) ytext.doc.transact(apply, origin);
      else apply();
    },
    [ytext, origin],
  );

  return { value, update };
}

export interface YTextFieldProps {
  /** The visible label (text, or a node that renders live text). */
  label: ReactNode;
  /** The control's id (publish problems link to it, so it is the field itself). */
  id?: string;
  ytext: Y.Text | null | undefined;
  readOnly: boolean;
  multiline?: boolean;
  hint?: ReactNode;
  /** The id of something else on the page that describes the field, read after its hint. */
  describedBy?: string;
  onFocus?: () => void;
  rows?: number;
  className?: string;
  placeholder?: string;
}

/** A labelled <input> or <textarea> bound to a Y.Text (see useYText). */
export function YTextField({
  label,
  id,
  ytext,
  readOnly,
  multiline = false,
  hint,
  describedBy,
  onFocus,
  rows = 3,
  className,
  placeholder,
}: YTextFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const ref = (multiline ? areaRef : inputRef) as RefObject<TextControl>;
  const { value, update } = useYText(ytext, ref);
  // A field whose text does not exist in the document (yet) cannot take typing.
  const locked = readOnly || !ytext;
  const common = {
    id: controlId,
    value,
    readOnly: locked,
    "aria-describedby": [hint ? hintId : null, describedBy].filter(Boolean).join(" ") || undefined,
    onFocus,
    placeholder,
    spellCheck: true,
    onChange: (event: { currentTarget: TextControl }) =>
      update(event.currentTarget.value, event.currentTarget.selectionEnd),
  };
  return (
    <div
      className={`field y-field${locked ? " y-field-readonly" : ""}${className ? ` ${className}` : ""}`}
    >
      <label htmlFor={controlId}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea ref={areaRef} rows={rows} {...common} />
      ) : (
        <input ref={inputRef} type="text" {...common} />
      )}
    </div>
  );
}

export function YTextInput(props: Omit<YTextFieldProps, "multiline" | "rows">) {
  return <YTextField {...props} multiline={false} />;
}

export function YTextArea(props: Omit<YTextFieldProps, "multiline">) {
  return <YTextField {...props} multiline />;
}

/** The live string of a Y.Text, for headings and labels that show what someone is typing. */
export function YTextSpan({
  ytext,
  fallback = "",
}: {
  ytext: Y.Text | null | undefined;
  fallback?: string;
}) {
  const { value } = useYText(ytext);
  return <>{value.trim() || fallback}</>;
}

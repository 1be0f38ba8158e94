import type { KeyboardEvent, ReactNode, RefObject } from "react";
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
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

// Before the browser paints, so a grown field never flashes at its first height; on the server
// (where useLayoutEffect only warns) the effect never runs anyway.
const useBeforePaint = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * Keeps a text box as tall as its text, as it is typed (by anyone) and as its width changes.
 * Browsers that size a box to its content themselves (`field-sizing: content`, app.css) are left
 * to it; the others get its height set here.
 */
function useTallAsItsText(area: RefObject<HTMLTextAreaElement>, on: boolean, value: string) {
  useBeforePaint(() => {
    const box = area.current;
    if (!on || !box || CSS.supports?.("field-sizing", "content")) return;
    const fit = () => {
      box.style.height = "auto";
      box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
    };
    fit();
    let width = box.clientWidth;
    const watch = new ResizeObserver(() => {
      if (box.clientWidth === width) return;
      width = box.clientWidth;
      fit();
    });
    watch.observe(box);
    return () => watch.disconnect();
  }, [area, on, value]);
}

/**
 * The keys of a one-line field, in a box whose text wraps: Enter adds no line, and Home and End
 * (with Shift, selecting) go to the start and end of the whole text.
 */
function keysOfOneLine(event: KeyboardEvent<HTMLTextAreaElement>) {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const box = event.currentTarget;
  if (event.key === "Enter") {
    event.preventDefault();
    return;
  }
  if (event.key !== "Home" && event.key !== "End") return;
  event.preventDefault();
  const end = event.key === "End" ? box.value.length : 0;
  if (!event.shiftKey) {
    box.setSelectionRange(end, end);
    return;
  }
  // From where the selection was started, to the start or the end.
  const anchor = box.selectionDirection === "backward" ? box.selectionEnd : box.selectionStart;
  if (end === 0) box.setSelectionRange(0, anchor, "backward");
  else box.setSelectionRange(anchor, end, "forward");
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
  /**
   * A one-line text shown whole (a factor): a box as tall as its words, which wrap, taking keys
   * as a one-line field does (Enter adds no line; Home and End go to the start and end of the
   * text, not of the line it wraps onto). Implies `multiline`.
   */
  oneLine?: boolean;
  className?: string;
  placeholder?: string;
}

/** A labelled <input> or <textarea> bound to a Y.Text (see useYText). */
export function YTextField({
  label,
  id,
  ytext,
  readOnly,
  multiline: manyLines = false,
  hint,
  describedBy,
  onFocus,
  rows = 3,
  oneLine = false,
  className,
  placeholder,
}: YTextFieldProps) {
  const multiline = manyLines || oneLine;
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const ref = (multiline ? areaRef : inputRef) as RefObject<TextControl>;
  const { value, update } = useYText(ytext, ref);
  useTallAsItsText(areaRef, oneLine, value);
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
      update(
        // A line break pasted into one line of text is a space (the same length: the caret holds).
        oneLine ? event.currentTarget.value.replace(/\n/g, " ") : event.currentTarget.value,
        event.currentTarget.selectionEnd,
      ),
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
        <textarea
          ref={areaRef}
          rows={rows}
          className={oneLine ? "y-field-grow" : undefined}
          onKeyDown={oneLine ? keysOfOneLine : undefined}
          {...common}
        />
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

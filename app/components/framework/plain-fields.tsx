import type { ReactNode } from "react";
import { useEffect, useId, useState } from "react";
import * as Y from "yjs";
import { YTextSpan, useYText } from "./y-text-field.tsx";

/**
 * Fields for plain values of the document (choices, numbers, short names): last writer wins,
 * so they write the whole value. Free text that people co-write uses y-text-field.tsx instead.
 */

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p className="hint" id={id}>
      {hint}
    </p>
  ) : null;
}

/** A whole number that is only written when it is one, within min–max (typing "1" on the way to "12" is fine). */
export function NumberInput(props: {
  id?: string;
  label: ReactNode;
  value: number | undefined;
  min: number;
  max: number;
  readOnly: boolean;
  hint?: ReactNode;
  /** Id of a message elsewhere about this field (e.g. a check of the rule it is part of). */
  describedBy?: string;
  /** Set while that message says the value is wrong. */
  invalid?: boolean;
  onCommit(value: number): void;
  onFocus?: () => void;
  className?: string;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  const stored = props.value === undefined || Number.isNaN(props.value) ? "" : String(props.value);
  const [draft, setDraft] = useState(stored);
  const [editing, setEditing] = useState(false);
  // Someone else's change shows at once unless this person is part-way through typing.
  useEffect(() => {
    if (!editing) setDraft(stored);
  }, [stored, editing]);
  const valid = (n: number) => Number.isInteger(n) && n >= props.min && n <= props.max;
  const invalid = draft !== "" && !valid(Number(draft));
  return (
    <div
      className={`field${invalid ? " field-invalid" : ""}${props.className ? ` ${props.className}` : ""}`}
    >
      <label htmlFor={id}>{props.label}</label>
      <Hint id={`${id}-hint`} hint={props.hint} />
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={draft}
        readOnly={props.readOnly}
        aria-invalid={invalid || props.invalid || undefined}
        aria-describedby={
          [
            props.hint ? `${id}-hint` : null,
            invalid ? `${id}-error` : null,
            props.describedBy ?? null,
          ]
            .filter(Boolean)
            .join(" ") || undefined
        }
        onFocus={() => {
          setEditing(true);
          props.onFocus?.();
        }}
        onBlur={() => {
          setEditing(false);
          setDraft(stored);
        }}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          const n = Number(event.currentTarget.value);
          if (event.currentTarget.value !== "" && valid(n) && n !== props.value) props.onCommit(n);
        }}
      />
      {invalid ? (
        <p className="field-error" id={`${id}-error`}>
          Enter a whole number from {props.min} to {props.max}.
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select; `disabled` when the person cannot change it. */
export function SelectInput(props: {
  id?: string;
  label: ReactNode;
  value: string;
  disabled: boolean;
  hint?: ReactNode;
  /** Id of a message elsewhere about this field (e.g. a check of the rule it is part of). */
  describedBy?: string;
  /** Set while that message says the choice is wrong. */
  invalid?: boolean;
  onChange(value: string): void;
  onFocus?: () => void;
  children: ReactNode;
  className?: string;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  return (
    <div className={`field${props.className ? ` ${props.className}` : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      <Hint id={`${id}-hint`} hint={props.hint} />
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.invalid || undefined}
        aria-describedby={
          [props.hint ? `${id}-hint` : null, props.describedBy ?? null].filter(Boolean).join(" ") ||
          undefined
        }
        onFocus={props.onFocus}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.children}
      </select>
    </div>
  );
}

/** A short plain text value (e.g. the scale's name): written whole, last writer wins. */
export function PlainTextInput(props: {
  id?: string;
  label: ReactNode;
  value: string;
  readOnly: boolean;
  hint?: ReactNode;
  multiline?: boolean;
  onChange(value: string): void;
  onFocus?: () => void;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  const common = {
    id,
    value: props.value,
    readOnly: props.readOnly,
    "aria-describedby": props.hint ? `${id}-hint` : undefined,
    onFocus: props.onFocus,
    onChange: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      props.onChange(event.currentTarget.value),
  };
  return (
    <div className={`field${props.readOnly ? " y-field-readonly" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      <Hint id={`${id}-hint`} hint={props.hint} />
      {props.multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
    </div>
  );
}

/** An <option> whose text is a live Y.Text (a level label, an area title). */
export function LiveOption({
  value,
  label,
  fallback,
}: {
  value: string;
  label: Y.Text | string | undefined;
  fallback: string;
}) {
  // <option> takes plain text only, so read the live string here.
  const live = useYText(label instanceof Y.Text ? label : null).value;
  const text = (label instanceof Y.Text ? live : (label ?? "")).trim();
  return <option value={value}>{text || fallback}</option>;
}

/** Live text of a Y.Text or a fixed string. */
export function LiveText({
  ytext,
  fallback,
}: {
  ytext: Y.Text | string | undefined;
  fallback: string;
}) {
  return ytext instanceof Y.Text ? (
    <YTextSpan ytext={ytext} fallback={fallback} />
  ) : (
    <>{ytext || fallback}</>
  );
}

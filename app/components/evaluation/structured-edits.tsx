import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import type * as Y from "yjs";
import { createStructuredUndo, type StructuredUndo } from "../../collab/structured-undo.ts";
import { indicatorRatingsOf, judgementsOf } from "../../../collab/shapes/evaluation.ts";
import { actionsOf, forcesOf } from "../../../collab/shapes/plan.ts";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import { NoticeToast } from "./notice-toast.tsx";
import { ToastStack } from "./toast-stack.tsx";

/**
 * Structured edits of an evaluation (judgements, indicator ratings, forces, actions) go through
 * `edit`, so this person can undo them: Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) when the focus is not
 * in a text field or editor (those keep their own undo), and "Undo" on the notice that follows
 * removing a force or an action. Only this person's own edits are ever undone.
 */
export interface StructuredEdits {
  edit<T>(change: () => T): T;
  /** Says that something was removed, with an Undo button for that very removal. */
  removed(message: string, focusAfterUndo?: string[]): void;
}

const direct: StructuredEdits = { edit: (change) => change(), removed: () => {} };
const Context = createContext<StructuredEdits>(direct);

export function useStructuredEdits(): StructuredEdits {
  return useContext(Context);
}

const TEXT_INPUTS = new Set([
  "text",
  "search",
  "email",
  "url",
  "tel",
  "password",
  "number",
  "date",
]);

/** Is the key press for a text field or editor (which undoes its own typing)? */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

interface Toast {
  message: string;
  step: unknown;
  focusAfterUndo: string[];
  n: number;
}

export function StructuredEditsProvider({
  doc,
  enabled,
  notices,
  children,
}: {
  doc: Y.Doc | null;
  /** False while (or for whom) the evaluation is read only: nothing to undo then. */
  enabled: boolean;
  /** Other notices of the page, shown with the Undo notice (stacked, never overlapping it). */
  notices?: ReactNode;
  children: ReactNode;
}) {
  const [undo, setUndo] = useState<StructuredUndo | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [said, setSaid] = useState({ text: "", n: 0 });
  const say = (text: string) => setSaid((s) => ({ text, n: s.n + 1 }));
  const dismiss = useCallback(() => setToast(null), []);

  useEffect(() => {
    if (!doc) return;
    const types = [judgementsOf(doc), indicatorRatingsOf(doc), forcesOf(doc), actionsOf(doc)];
    const made = createStructuredUndo(doc, types as Y.AbstractType<unknown>[]);
    setUndo(made);
    return () => {
      setUndo(null);
      made.destroy();
    };
  }, [doc]);

  // The toast's Undo is for its removal only: once something else became the latest step
  // (another edit, or Ctrl+Z), it goes.
  useEffect(() => {
    if (!undo || !toast) return;
    return undo.subscribe(() => {
      if (undo.lastStep() !== toast.step) setToast(null);
    });
  }, [undo, toast]);

  useEffect(() => {
    if (!undo || !enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
      const key = event.key.toLowerCase();
      const isUndo = key === "z" && !event.shiftKey;
      const isRedo = key === "y" || (key === "z" && event.shiftKey);
      if ((!isUndo && !isRedo) || inTextField(event.target)) return;
      event.preventDefault();
      const done = isUndo ? undo.undo() : undo.redo();
      say(
        done ? (isUndo ? "Undone." : "Redone.") : isUndo ? "Nothing to undo." : "Nothing to redo.",
      );
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [undo, enabled]);

  const value = useMemo<StructuredEdits>(
    () =>
      undo && enabled
        ? {
            edit: (change) => undo.edit(change),
            removed: (message, focusAfterUndo = []) =>
              setToast((t) => ({
                message,
                step: undo.lastStep(),
                focusAfterUndo,
                n: (t?.n ?? 0) + 1,
              })),
          }
        : direct,
    [undo, enabled],
  );

  return (
    <Context.Provider value={value}>
      {children}
      <ToastStack>
        {notices}
        {enabled ? (
          <NoticeToast
            notice={toast && { message: toast.message, action: "Undo", n: toast.n }}
            onAction={() => {
              if (!toast) return;
              const done = undo?.undoStep(toast.step) ?? false;
              setToast(null);
              say(done ? "Undone." : "Nothing to undo.");
              if (done) focusWhenDrawn(toast.focusAfterUndo);
            }}
            onDismiss={dismiss}
          />
        ) : null}
      </ToastStack>
      <p className="visually-hidden" aria-live="polite">
        <span key={said.n}>{said.text}</span>
      </p>
    </Context.Provider>
  );
}

import type { Editor } from "@tiptap/core";
import { Suspense, useCallback, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { LazyRichTextEditor } from "./lazy-rich-text-editor.tsx";

// The editor (TipTap, ProseMirror) is fetched when the first field needs it, not with the page's
// first scripts: the served text stands in, and takes typing, until then (ADR 028).

interface RichTextFieldProps {
  /** The document shown: the page's served copy until the live one is open. */
  doc: Y.Doc | null;
  /** The live document and its presence, once open in the browser. */
  live: { document: Y.Doc; awareness: Awareness } | null;
  field: string;
  label: string;
  readOnly: boolean;
  /** The field's text as served (HTML) while `doc` is the served copy; null otherwise. */
  servedHtml: string | null;
  /**
   * A writer's page before its live document is open (on the server too): the served text takes
   * typing, and what is typed is carried into the live document when its editor arrives.
   */
  early: boolean;
  user: { name: string; color: string; userId: string; role: string; observing: boolean };
}

/**
 * A rich-text field: its text as served (real content in the page's HTML, not a loading note),
 * then its live editor. For a writer the served text takes typing at once, before any script has
 * run; when the editor exists, what was typed goes into the live document (carry-typed-text.ts),
 * the editor takes the served text's place in the same task, and the caret stays where it was.
 */
export function RichTextField(props: RichTextFieldProps) {
  const { live, field } = props;
  // The text as first shown, never rendered again: React would replace what was typed into it.
  // It takes typing only when served from the page's copy, which nobody writes to, so what was
  // typed is always the difference from `from`.
  const [first] = useState(() =>
    props.doc && props.servedHtml !== null
      ? { html: props.servedHtml, from: props.doc, takesTyping: props.early }
      : null,
  );
  const served = useRef<HTMLDivElement>(null);
  const editorBox = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState(false);
  const readOnly = props.readOnly;

  const takeOver = useCallback(
    () =>
      served.current && first?.takesTyping && !readOnly
        ? { element: served.current, served: first.from }
        : null,
    [first, readOnly],
  );
  const onReady = useCallback((editor: Editor, carried: { caret: number | null } | null) => {
    const element = served.current;
    if (element && carried) {
      const focused = element.contains(element.ownerDocument.activeElement);
      // Swapped here, in this task, so no keystroke lands in the served text after the carry.
      element.parentElement!.hidden = true;
      editorBox.current!.hidden = false;
      if (focused) {
        // The caret goes there now; TipTap's focus command waits for the next frame, and keys
        // pressed until then would fall on the page.
        editor.commands.focus(carried.caret ?? "end");
        editor.view.focus();
      }
    }
    setEditing(true);
  }, []);

  return (
    <>
      {editing ? null : first ? (
        <div className="editor">
          <div
            ref={served}
            className="rich-text"
            role="textbox"
            aria-label={props.label}
            aria-multiline="true"
            aria-readonly={!first.takesTyping}
            contentEditable={first.takesTyping}
            suppressContentEditableWarning
            dangerouslySetInnerHTML={{ __html: first.html }}
          />
        </div>
      ) : (
        <p className="editor-loading">Loading the editor…</p>
      )}
      {live ? (
        <div ref={editorBox} hidden={!editing}>
          <Suspense fallback={null}>
            <LazyRichTextEditor
              provider={live}
              field={field}
              label={props.label}
              readOnly={readOnly}
              user={props.user}
              takeOver={takeOver}
              onReady={onReady}
            />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}

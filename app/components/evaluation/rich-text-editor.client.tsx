import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import type { Editor } from "@tiptap/core";
import { useEffect, useRef } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { registerEditor } from "../discussion/editor-registry.ts";
import { positionIn, selectedPassage, showPassage } from "../discussion/selection-anchor.client.ts";
import { carryTypedText } from "./carry-typed-text.ts";
import { showNameFor, showNamesOnMoves } from "./caret-labels.client.ts";
import { useEditorTurn } from "./editor-turns.ts";
import { TEXT } from "./text-extensions.ts";

/**
 * Another person's caret with their name, which shows only for a moment after they move or
 * type (caret-labels.client.ts), so it does not sit over the words being read. Hidden from
 * assistive technology: it sits inside the text, and the presence list already says who is where.
 */
function renderCaret(user: Record<string, string>): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.setAttribute("aria-hidden", "true");
  caret.style.borderColor = user.color;
  if (user.userId) caret.dataset.userId = user.userId;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  caret.append(label);
  showNameFor(caret);
  return caret;
}

function editorAttributes(
  label: string,
  readOnly: boolean,
  describedBy: string | undefined,
): Record<string, string> {
  return {
    "aria-label": label,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    "aria-multiline": "true",
    "aria-readonly": String(readOnly),
    role: "textbox",
    class: "rich-text",
  };
}

interface RichTextEditorProps {
  /** The document and its presence (a room document; a provider also fits). */
  provider: { document: Y.Doc; awareness: Awareness | null };
  field: string;
  label: string;
  /** The id of a hint shown with the editor (what to write in it), for assistive technology. */
  describedBy?: string;
  readOnly: boolean;
  user: { name: string; color: string; userId: string; role: string; observing: boolean };
  onFocus?: () => void;
  /**
   * Text served in the editor's place that may hold typing (ADR 028): the element, and the
   * document it was rendered from. What was typed there goes into the live document first.
   */
  takeOver?: () => { element: HTMLElement; served: Y.Doc } | null;
  /**
   * The editor exists (called once per editor); `carried` when it took over served text, with
   * where the caret was in it (a position in the editor, null if unknown).
   */
  onReady?: (editor: Editor, carried: { caret: number | null } | null) => void;
}

/**
 * A TipTap editor bound to one fragment of the shared document, with the carets of the other
 * people in it (their names come from the server-stamped presence). Editors are created one at
 * a time, in page order (editor-turns.ts): until its turn, an editor says it is loading.
 */
export default function RichTextEditor(props: RichTextEditorProps) {
  const turn = useEditorTurn();
  if (!turn.mayCreate) return <p className="editor-loading">Loading the editor…</p>;
  return <LiveEditor {...props} onCreated={turn.created} />;
}

function LiveEditor(props: RichTextEditorProps & { onCreated(): void }) {
  const { provider, field, readOnly, onCreated } = props;
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        // Undo/redo comes from Yjs (per person), not ProseMirror's history.
        TEXT,
        Collaboration.configure({ document: provider.document, field }),
        CollaborationCaret.configure({ provider, user: props.user, render: renderCaret }),
      ],
      editorProps: {
        attributes: editorAttributes(props.label, readOnly, props.describedBy),
      },
      onFocus: () => props.onFocus?.(),
    },
    [provider, field],
  );
  // So comments can anchor to the text selected in this editor.
  useEffect(
    () =>
      editor
        ? registerEditor(field, {
            selectedPassage: () => selectedPassage(editor),
            showPassage: (anchor) => showPassage(editor, anchor),
            get isDestroyed() {
              return editor.isDestroyed;
            },
          })
        : undefined,
    [editor, field],
  );
  // A colleague's name shows on their caret again each time they move or type in this text.
  const awareness = provider.awareness;
  useEffect(
    () =>
      editor && awareness
        ? showNamesOnMoves(awareness, () => (editor.isDestroyed ? null : editor.view.dom))
        : undefined,
    [editor, awareness],
  );
  const latest = useRef({ onReady: props.onReady, takeOver: props.takeOver });
  latest.current = { onReady: props.onReady, takeOver: props.takeOver };
  useEffect(() => {
    if (!editor) return;
    const from = latest.current.takeOver?.() ?? null;
    const carried = from
      ? carryTypedText(from.element, from.served, provider.document, field)
      : null;
    // The caret where it was in the served text: its position there is exact unless others wrote
    // before it meanwhile; the editor's binding can place it through their edits only a moment
    // later, and then moves it if nothing was typed in between.
    const size = editor.state.doc.content.size;
    const typedCaret = carried?.typedCaret ?? null;
    latest.current.onReady?.(
      editor,
      carried ? { caret: typedCaret === null ? null : Math.min(typedCaret, size) } : null,
    );
    if (carried?.caret) {
      const relative = carried.caret;
      const text = editor.state.doc;
      setTimeout(() => {
        const caret = positionIn(editor, relative);
        if (caret !== null && editor.isFocused && editor.state.doc.eq(text))
          editor.commands.setTextSelection(caret);
      }, 0);
    }
    onCreated();
    // Once per editor (its document and field are fixed for it).
  }, [editor, onCreated]);
  useEffect(() => {
    if (!editor) return;
    // useEditor keeps the options it was created with (its deps are the document only), so the
    // read-only state reaches assistive technology here too, not only the keyboard.
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: editorAttributes(props.label, readOnly, props.describedBy),
      },
    });
    editor.setEditable(!readOnly);
  }, [editor, readOnly, props.label, props.describedBy]);
  return (
    <EditorContent editor={editor} className={`editor${readOnly ? " editor-readonly" : ""}`} />
  );
}

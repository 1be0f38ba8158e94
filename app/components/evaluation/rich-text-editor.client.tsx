import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import type { Editor } from "@tiptap/core";
import { useEffect, useRef } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { registerEditor } from "../discussion/editor-registry.ts";
import { useEditorTurn } from "./editor-turns.ts";
import { TEXT } from "./text-extensions.ts";

/**
 * Another person's caret with their name. Hidden from assistive technology: it sits inside the
 * text, and the presence list already says who is where.
 */
function renderCaret(user: Record<string, string>): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.setAttribute("aria-hidden", "true");
  caret.style.borderColor = user.color;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  caret.append(label);
  return caret;
}

function editorAttributes(label: string, readOnly: boolean): Record<string, string> {
  return {
    "aria-label": label,
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
  readOnly: boolean;
  user: { name: string; color: string; userId: string; role: string; observing: boolean };
  onFocus?: () => void;
  /** The editor exists (called once per editor). */
  onReady?: (editor: Editor) => void;
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
        attributes: editorAttributes(props.label, readOnly),
      },
      onFocus: () => props.onFocus?.(),
    },
    [provider, field],
  );
  // So comments can anchor to the text selected in this editor.
  useEffect(() => (editor ? registerEditor(field, editor) : undefined), [editor, field]);
  const onReady = useRef(props.onReady);
  onReady.current = props.onReady;
  useEffect(() => {
    if (!editor) return;
    onReady.current?.(editor);
    onCreated();
  }, [editor, onCreated]);
  useEffect(() => {
    if (!editor) return;
    // useEditor keeps the options it was created with (its deps are the document only), so the
    // read-only state reaches assistive technology here too, not only the keyboard.
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: editorAttributes(props.label, readOnly),
      },
    });
    editor.setEditable(!readOnly);
  }, [editor, readOnly, props.label]);
  return (
    <EditorContent editor={editor} className={`editor${readOnly ? " editor-readonly" : ""}`} />
  );
}

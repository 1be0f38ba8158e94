import type { HocuspocusProvider } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect } from "react";

/**
 * A TipTap editor bound to one fragment of the shared document, with the carets of the other
 * people in it (their names come from the server-stamped presence).
 */
export default function RichTextEditor(props: {
  provider: HocuspocusProvider;
  field: string;
  label: string;
  readOnly: boolean;
  user: { name: string; color: string; userId: string; role: string; observing: boolean };
  onFocus?: () => void;
}) {
  const { provider, field, readOnly } = props;
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        // Undo/redo comes from Yjs (per person), not ProseMirror's history.
        StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] } }),
        Collaboration.configure({ document: provider.document, field }),
        CollaborationCaret.configure({ provider, user: props.user }),
      ],
      editorProps: {
        attributes: {
          "aria-label": props.label,
          "aria-multiline": "true",
          "aria-readonly": String(readOnly),
          role: "textbox",
          class: "rich-text",
        },
      },
      onFocus: () => props.onFocus?.(),
    },
    [provider, field],
  );
  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);
  return <EditorContent editor={editor} className={`editor${readOnly ? " editor-readonly" : ""}`} />;
}

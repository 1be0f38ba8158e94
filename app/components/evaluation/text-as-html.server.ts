import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { TEXT, textSchema } from "./text-extensions.ts";

const EMPTY_PARAGRAPH = '<p><br class="ProseMirror-trailingBreak"></p>';

/**
 * A rich-text field of the document as HTML, exactly as its editor will show it: for the page as
 * served, before any script has run. TipTap's own static renderer, from the extensions' own
 * `renderHTML`, so the editor that replaces it shows the same markup. Escaped by the renderer.
 *
 * Null when the field holds something the editor does not write (text straight in the field, an
 * unknown node): served text must be the exact base of what is typed into it (ADR 028), so such
 * a field waits for its editor, which puts it right. `doc` is a copy: reading may clean it.
 */
export function textAsHtml(doc: Y.Doc, field: string): string | null {
  // Reading removes what it cannot place, in a transaction: then this is not the exact text.
  let altered = false;
  const alter = (transaction: Y.Transaction) => {
    if (transaction.changed.size > 0) altered = true;
  };
  doc.on("afterTransaction", alter);
  try {
    const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(field), textSchema);
    if (altered) return null;
    // An empty field is one empty paragraph in the editor too.
    if (node.childCount === 0) return EMPTY_PARAGRAPH;
    node.check();
    // As the editor does, an empty paragraph holds a break that is not part of the text, so it has
    // a line's height and a click puts the caret inside it (carry-typed-text.ts ignores it).
    return renderToHTMLString({ extensions: [TEXT], content: node }).replaceAll(
      "<p></p>",
      EMPTY_PARAGRAPH,
    );
  } catch {
    return null;
  } finally {
    doc.off("afterTransaction", alter);
  }
}

import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { TEXT, textSchema } from "./text-extensions.ts";

const EMPTY_PARAGRAPH = '<p><br class="ProseMirror-trailingBreak"></p>';

/**
 * A rich-text field of the document as HTML, the way its editor will show it: for the page as
 * served, before any script has run. TipTap's own static renderer, from the extensions' own
 * `renderHTML`, so the editor that replaces it shows the same markup. Escaped by the renderer.
 */
export function textAsHtml(doc: Y.Doc, field: string): string {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(field), textSchema);
  // An empty field is one empty paragraph in the editor too.
  const html =
    node.childCount === 0 ? "<p></p>" : renderToHTMLString({ extensions: [TEXT], content: node });
  // As the editor does, an empty paragraph holds a break that is not part of the text, so it has
  // a line's height and a click puts the caret inside it (carry-typed-text.ts ignores it).
  return html.replaceAll("<p></p>", EMPTY_PARAGRAPH);
}

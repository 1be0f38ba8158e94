import * as Y from "yjs";
import { textAsHtml } from "../components/evaluation/text-as-html.server.ts";

/**
 * The rich-text fields of a served document state (document-state.server.ts) as HTML, for the
 * page to show and take typing in before its editors exist (ADR 028). Empty fields are left out:
 * a field not here is empty. Rendered on the server, so the page's first scripts need no editor.
 */
export function servedTextOf(state: string, fields: string[]): Record<string, string> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Buffer.from(state, "base64"));
    const texts: Record<string, string> = {};
    for (const field of fields) {
      const html = textAsHtml(doc, field);
      // A field its editor must put right first is not served as text (it says "Loading…").
      if (html !== null) texts[field] = html;
    }
    return texts;
  } finally {
    doc.destroy();
  }
}

import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeTypedText } from "../../app/components/evaluation/carry-typed-text.ts";
import { textAsHtml } from "../../app/components/evaluation/text-as-html.server.ts";
import { textSchema } from "../../app/components/evaluation/text-extensions.ts";

// A narrative as the page serves it (HTML before any script), and what is typed into that
// served text carried into the live document (issue 12: the page is useful as served).

const FIELD = "narrative:incl-1";
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, marks });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });

function docWith(...content: unknown[]): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(textSchema, { type: "doc", content }, doc.getXmlFragment(FIELD));
  return doc;
}

/** A copy of `doc`, as another browser holds it. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const paragraphsOf = (doc: Y.Doc) =>
  (yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(FIELD)).content ?? []).map(
    (p: { content?: { text: string }[] }) => (p.content ?? []).map((t) => t.text).join(""),
  );

const typed = (...content: unknown[]) => textSchema.nodeFromJSON({ type: "doc", content });

describe("a narrative as served", () => {
  it("is the editor's own markup, with what people wrote escaped", () => {
    const doc = docWith(
      paragraph(text("Pupils <b>& staff</b> "), text("agree", [{ type: "bold" }])),
      { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("One"))] }] },
    );
    expect(textAsHtml(doc, FIELD)).toBe(
      "<p>Pupils &lt;b&gt;&amp; staff&lt;/b&gt; <strong>agree</strong></p><ul><li><p>One</p></li></ul>",
    );
  });

  it("is not served for a field holding what the editor does not write", () => {
    const stray = new Y.Doc();
    stray.getXmlFragment(FIELD).insert(0, [new Y.XmlText("Text straight in the field")]);
    expect(textAsHtml(stray, FIELD)).toBeNull();
    const unknown = new Y.Doc();
    const node = new Y.XmlElement("madeUpNode");
    unknown.getXmlFragment(FIELD).insert(0, [node]);
    node.insert(0, [new Y.XmlText("Inside an unknown node")]);
    expect(textAsHtml(unknown, FIELD)).toBeNull();
  });

  it("is one empty paragraph while nothing is written, as in the editor", () => {
    // With the break the editor puts there too, so a click lands inside the paragraph.
    expect(textAsHtml(new Y.Doc(), FIELD)).toBe('<p><br class="ProseMirror-trailingBreak"></p>');
  });
});

describe("what was typed into the served text", () => {
  it("reaches the live document as an edit, keeping what a colleague wrote meanwhile", () => {
    const served = docWith(paragraph(text("Plans are reviewed termly.")));
    const live = copyOf(served);
    // A colleague adds a paragraph while this page's scripts were still on their way.
    const colleague = copyOf(served);
    colleague.getXmlFragment(FIELD).push([new Y.XmlElement("paragraph")]);
    (colleague.getXmlFragment(FIELD).get(1) as Y.XmlElement).insert(0, [new Y.XmlText("Theirs.")]);
    Y.applyUpdate(live, Y.encodeStateAsUpdate(colleague));

    const { changed } = mergeTypedText(
      served,
      live,
      FIELD,
      typed(paragraph(text("Plans are reviewed termly, with parents."))),
    );

    expect(changed).toBe(true);
    expect(paragraphsOf(live)).toEqual(["Plans are reviewed termly, with parents.", "Theirs."]);
    // The served copy is left as it was: it stays the base of anything typed later.
    expect(paragraphsOf(served)).toEqual(["Plans are reviewed termly."]);
    // And the colleague's copy, given the edit, agrees.
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(live));
    expect(paragraphsOf(colleague)).toEqual(paragraphsOf(live));
  });

  it("changes nothing when nothing was typed", () => {
    const served = docWith(paragraph(text("Plans are reviewed termly.")));
    const live = copyOf(served);
    const before = Y.encodeStateVector(live);
    expect(
      mergeTypedText(served, live, FIELD, typed(paragraph(text("Plans are reviewed termly."))))
        .changed,
    ).toBe(false);
    expect(Y.encodeStateVector(live)).toEqual(before);
  });

  it("changes nothing in an empty field that was only clicked into", () => {
    const served = new Y.Doc();
    const live = copyOf(served);
    expect(mergeTypedText(served, live, FIELD, typed(paragraph())).changed).toBe(false);
    expect(live.getXmlFragment(FIELD).length).toBe(0);
  });
});

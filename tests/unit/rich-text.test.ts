import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readRichText, safeHref } from "../../collab/shapes/rich-text.ts";
// The editor's own schema, so the fragments are exactly what the narrative editor stores.
import { textSchema as schema } from "../../app/components/evaluation/text-extensions.ts";

function fragmentOf(content: unknown[]): Y.XmlFragment {
  const doc = new Y.Doc();
  return prosemirrorJSONToYXmlFragment(schema, { type: "doc", content }, doc.getXmlFragment("f"));
}

const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, marks });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });

describe("reading a narrative's rich text for reports", () => {
  it("keeps headings, paragraphs, bullet and numbered lists, with their text", () => {
    const tree = readRichText(
      fragmentOf([
        { type: "heading", attrs: { level: 3 }, content: [text("Inclusion")] },
        paragraph(text("Pupils with SEND make strong progress.")),
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [paragraph(text("Termly reviews"))] },
            { type: "listItem", content: [paragraph(text("Parent forums"))] },
          ],
        },
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [{ type: "listItem", content: [paragraph(text("Audit the register"))] }],
        },
      ]),
    );
    expect(tree).toEqual([
      {
        type: "heading",
        level: 3,
        content: [{ type: "text", text: "Inclusion", marks: [] }],
      },
      {
        type: "paragraph",
        content: [{ type: "text", text: "Pupils with SEND make strong progress.", marks: [] }],
      },
      {
        type: "bulletList",
        items: [
          [{ type: "paragraph", content: [{ type: "text", text: "Termly reviews", marks: [] }] }],
          [{ type: "paragraph", content: [{ type: "text", text: "Parent forums", marks: [] }] }],
        ],
      },
      {
        type: "orderedList",
        start: 3,
        items: [
          [
            {
              type: "paragraph",
              content: [{ type: "text", text: "Audit the register", marks: [] }],
            },
          ],
        ],
      },
    ]);
  });

  it("keeps bold, italic and links as marks on their runs, and hard breaks", () => {
    const [block] = readRichText(
      fragmentOf([
        paragraph(
          text("Attendance is "),
          text("96%", [{ type: "bold" }, { type: "italic" }]),
          { type: "hardBreak" },
          text("see the report", [
            { type: "link", attrs: { href: "https://example.org/attendance" } },
          ]),
        ),
      ]),
    );
    expect(block).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "Attendance is ", marks: [] },
        { type: "text", text: "96%", marks: expect.arrayContaining(["bold", "italic"]) },
        { type: "break" },
        {
          type: "text",
          text: "see the report",
          marks: [],
          href: "https://example.org/attendance",
        },
      ],
    });
  });

  it("drops links that are not http(s) or mailto, keeping their text", () => {
    const [block] = readRichText(
      fragmentOf([
        paragraph(
          text("click me", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
          text(" or "),
          text("write", [{ type: "link", attrs: { href: "mailto:head@school.example" } }]),
        ),
      ]),
    );
    expect(block).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "click me", marks: [] },
        { type: "text", text: " or ", marks: [] },
        { type: "text", text: "write", marks: [], href: "mailto:head@school.example" },
      ],
    });
  });

  it("keeps the text of nodes and marks the editor does not make, without their kind", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("f");
    const strange = new Y.XmlElement("iframe");
    strange.setAttribute("src", "https://evil.example");
    const inner = new Y.XmlText();
    inner.insert(0, "typed inside", { blink: {}, bold: {} });
    strange.insert(0, [inner]);
    const p = new Y.XmlElement("paragraph");
    const marked = new Y.XmlText();
    marked.insert(0, "odd\u0007 mark", { "highlight--abcdefgh": { color: "red" } });
    p.insert(0, [marked]);
    fragment.insert(0, [strange, p]);
    expect(readRichText(fragment)).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "typed inside", marks: [] }] },
      { type: "paragraph", content: [{ type: "text", text: "odd mark", marks: [] }] },
    ]);
  });

  it("drops the empty paragraph an editor leaves at the end", () => {
    expect(readRichText(fragmentOf([paragraph(text("One")), paragraph()]))).toHaveLength(1);
    expect(readRichText(new Y.Doc().getXmlFragment("empty"))).toEqual([]);
  });

  it("allows only http, https and mailto addresses", () => {
    expect(safeHref("https://a.example/x")).toBe("https://a.example/x");
    expect(safeHref("http://a.example")).toBe("http://a.example/");
    expect(safeHref("mailto:a@b.example")).toBe("mailto:a@b.example");
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,x",
      "file:///etc/passwd",
      "/relative",
      "",
      7,
    ])
      expect(safeHref(bad)).toBeNull();
  });
});

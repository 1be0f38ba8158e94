import * as Y from "yjs";

/**
 * Rich text (a TipTap/ProseMirror fragment as y-prosemirror stores it: an element per node,
 * named by node type with the node's attributes, and text whose formatting attributes are the
 * marks) read into a small plain tree that reports and other non-editor readers draw.
 *
 * Only what the editor's StarterKit makes is understood. Anything else is sanitised on the way:
 * an unknown block keeps its text as a paragraph (nothing typed is lost), an unknown mark is
 * dropped, and a link keeps its address only for http(s) and mailto; any other address (e.g.
 * `javascript:`) leaves plain text.
 */
export type RichMark = "bold" | "italic" | "underline" | "strike" | "code";

export type RichInline =
  | { type: "text"; text: string; marks: RichMark[]; href?: string }
  | { type: "break" };

export type RichBlock =
  | { type: "paragraph"; content: RichInline[] }
  | { type: "heading"; level: number; content: RichInline[] }
  | { type: "bulletList"; items: RichBlock[][] }
  | { type: "orderedList"; start: number; items: RichBlock[][] }
  | { type: "blockquote"; content: RichBlock[] }
  | { type: "codeBlock"; text: string }
  | { type: "rule" };

const MARKS: ReadonlySet<string> = new Set<RichMark>([
  "bold",
  "italic",
  "underline",
  "strike",
  "code",
]);

// y-prosemirror names a mark that may overlap itself "<mark>--<8-character hash>".
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;
const markName = (attribute: string) => HASHED_MARK.exec(attribute)?.[1] ?? attribute;

/** The address of a link, if it is one a report may point to (http, https, mailto), else null. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const href = value.trim();
  if (href.length === 0 || href.length > 2000) return null;
  try {
    const url = new URL(href);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
    if (url.protocol === "mailto:") return href;
  } catch {
    return null;
  }
  return null;
}

// Control characters (tabs and line breaks aside) draw as nothing useful anywhere.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const clean = (text: string) => text.replace(CONTROL, "");

function textRuns(text: Y.XmlText): RichInline[] {
  const runs: RichInline[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== "string") continue;
    const value = clean(op.insert);
    if (!value) continue;
    const marks: RichMark[] = [];
    let href: string | undefined;
    for (const [attribute, attrs] of Object.entries(op.attributes ?? {})) {
      const name = markName(attribute);
      if (MARKS.has(name) && !marks.includes(name as RichMark)) marks.push(name as RichMark);
      if (name === "link") {
        const safe = safeHref((attrs as { href?: unknown } | null)?.href);
        if (safe) href = safe;
      }
    }
    runs.push(
      href ? { type: "text", text: value, marks, href } : { type: "text", text: value, marks },
    );
  }
  return runs;
}

/** The inline content of a textblock (paragraph, heading): text runs and hard breaks. */
function inlineOf(element: Y.XmlElement | Y.XmlFragment): RichInline[] {
  const out: RichInline[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) out.push(...textRuns(child));
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === "hardBreak") out.push({ type: "break" });
      else out.push(...inlineOf(child));
    }
  }
  return out;
}

function plainTextOfText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === "string" ? clean(op.insert) : ""))
    .join("");
}

function textOf(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) =>
      child instanceof Y.XmlText
        ? plainTextOfText(child)
        : child instanceof Y.XmlElement
          ? child.nodeName === "hardBreak"
            ? "\n"
            : textOf(child)
          : "",
    )
    .join("");
}

function listItems(element: Y.XmlElement): RichBlock[][] {
  return element
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)
    .map((item) => (item.nodeName === "listItem" ? blocksOf(item) : blocksOf(element, [item])));
}

function blockOf(element: Y.XmlElement): RichBlock | null {
  switch (element.nodeName) {
    case "paragraph":
      return { type: "paragraph", content: inlineOf(element) };
    case "heading": {
      const level = Number(element.getAttribute("level"));
      return {
        type: "heading",
        level: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 3,
        content: inlineOf(element),
      };
    }
    case "bulletList":
      return { type: "bulletList", items: listItems(element) };
    case "orderedList": {
      const start = Number(element.getAttribute("start"));
      return {
        type: "orderedList",
        start: Number.isInteger(start) && start >= 0 && start < 100000 ? start : 1,
        items: listItems(element),
      };
    }
    case "blockquote":
      return { type: "blockquote", content: blocksOf(element) };
    case "codeBlock":
      return { type: "codeBlock", text: textOf(element) };
    case "horizontalRule":
      return { type: "rule" };
    default: {
      // Not a node the editor makes: keep what was typed, as plain text.
      const text = textOf(element).trim();
      return text ? { type: "paragraph", content: [{ type: "text", text, marks: [] }] } : null;
    }
  }
}

function blocksOf(parent: Y.XmlElement | Y.XmlFragment, children = parent.toArray()): RichBlock[] {
  const blocks: RichBlock[] = [];
  for (const child of children) {
    if (child instanceof Y.XmlElement) {
      const block = blockOf(child);
      if (block) blocks.push(block);
    } else if (child instanceof Y.XmlText) {
      // Text straight in a fragment is not something the editor writes; keep it all the same.
      const content = textRuns(child);
      if (content.length) blocks.push({ type: "paragraph", content });
    }
  }
  return blocks;
}

/** A rich-text fragment as a plain tree (empty paragraphs at the end dropped). */
export function readRichText(fragment: Y.XmlFragment): RichBlock[] {
  const blocks = blocksOf(fragment);
  while (blocks.length && isEmptyBlock(blocks[blocks.length - 1])) blocks.pop();
  return blocks;
}

/** Whether a block holds no text at all (an empty paragraph the editor leaves behind). */
export function isEmptyBlock(block: RichBlock): boolean {
  if (block.type === "paragraph" || block.type === "heading")
    return block.content.every((i) => i.type === "text" && i.text.trim() === "");
  return false;
}

/** The whole text of a tree, as one string (for sizes and summaries). */
export function richTextLength(blocks: RichBlock[]): number {
  let length = 0;
  const visit = (list: RichBlock[]) => {
    for (const block of list) {
      if (block.type === "paragraph" || block.type === "heading")
        for (const i of block.content) length += i.type === "text" ? i.text.length : 1;
      else if (block.type === "bulletList" || block.type === "orderedList")
        block.items.forEach(visit);
      else if (block.type === "blockquote") visit(block.content);
      else if (block.type === "codeBlock") length += block.text.length;
    }
  };
  visit(blocks);
  return length;
}

import { DOMParser as TextParser, type Node as TextNode } from "@tiptap/pm/model";
import { absolutePositionToRelativePosition, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { textSchema } from "./text-extensions.ts";

/** What was typed into served text: did it change, and where the caret was. */
export interface CarriedText {
  changed: boolean;
  /** The caret in the typed text (a ProseMirror position), exact unless others wrote before it. */
  typedCaret: number | null;
  /** The caret as a Yjs relative position: it follows the text through others' edits. */
  caret: Y.RelativePosition | null;
}

/**
 * Carries what someone typed into a field's served text (rich-text-field.tsx), before its editor
 * existed, into the live document as their own edit. The served text was rendered from `served`,
 * which nobody writes to; the difference between it and what the element holds now is made on a
 * copy of `served` and applied to `live` as a Yjs update, so it merges with whatever others wrote
 * in the meantime instead of replacing their words (as setting the editor's content would).
 */
export function carryTypedText(
  element: HTMLElement,
  served: Y.Doc,
  live: Y.Doc,
  field: string,
): CarriedText {
  // Where the caret is, read before the text is tidied below: rewriting a text node's data moves
  // a caret inside it to the node's start (the DOM's rule for live ranges), and the words typed
  // next landed at the start of the field.
  const selection = element.ownerDocument.getSelection();
  const anchor =
    selection?.anchorNode && element.contains(selection.anchorNode)
      ? { node: selection.anchorNode, offset: selection.anchorOffset }
      : null;
  // The breaks that give empty paragraphs their height are not text (text-as-html.server.ts).
  element.querySelectorAll("br.ProseMirror-trailingBreak").forEach((br) => br.remove());
  // The browser keeps a typed space visible as a no-break space until more is typed after it:
  // it is a space (the same length, so the caret's offsets hold).
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.includes("\u00a0")) text.data = text.data.replaceAll("\u00a0", " ");
  }
  const caretAt =
    anchor && element.contains(anchor.node)
      ? [
          {
            node: anchor.node,
            // A removed break may have been the last thing before an element's caret.
            offset: Math.min(anchor.offset, lengthOf(anchor.node)),
            pos: undefined as number | undefined,
          },
        ]
      : [];
  // Spaces as typed: not collapsed or trimmed as for pasted HTML.
  const typed = TextParser.fromSchema(textSchema).parse(element, {
    findPositions: caretAt,
    preserveWhitespace: true,
  });
  return mergeTypedText(served, live, field, typed, caretAt[0]?.pos ?? null);
}

/** How many offsets a DOM node has: characters of text, or child nodes. */
function lengthOf(node: Node): number {
  return node.nodeType === Node.TEXT_NODE ? (node as Text).data.length : node.childNodes.length;
}

/** The text of an empty field, as its editor shows it: one empty paragraph. */
const EMPTY = textSchema.topNodeType.createAndFill()!;

/**
 * Makes `live`'s field hold what was `typed` over the text of `served` (a document nobody wrote
 * to since), keeping what others wrote meanwhile: the difference is made on a copy of `served`
 * and applied to `live` as a Yjs update. Changes nothing if nothing was typed. `caret`, a
 * position in `typed`, comes back as a relative position in the merged text.
 */
export function mergeTypedText(
  served: Y.Doc,
  live: Y.Doc,
  field: string,
  typed: TextNode,
  caret: number | null = null,
): CarriedText {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(served));
  const fragment = copy.getXmlFragment(field);
  if (fragment.length === 0 && typed.eq(EMPTY)) {
    return { changed: false, typedCaret: caret, caret: null };
  }
  const before = Y.encodeStateVector(copy);
  const meta = { mapping: new Map(), isOMark: new Map() };
  copy.transact(() => updateYFragment(copy, fragment, typed, meta));
  const update = Y.encodeStateAsUpdate(copy, before);
  const changed = !equalBytes(Y.encodeStateVector(copy), before);
  if (changed) Y.applyUpdate(live, update);
  return {
    changed,
    typedCaret: caret,
    caret:
      caret === null
        ? null
        : (absolutePositionToRelativePosition(caret, fragment, meta.mapping) as Y.RelativePosition),
  };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

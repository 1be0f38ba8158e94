import { DOMParser as TextParser, type Node as TextNode } from "@tiptap/pm/model";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { textSchema } from "./text-extensions.ts";

/** What was typed into served text: did it change, and where the caret was (a text position). */
export interface CarriedText {
  changed: boolean;
  caret: number | null;
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
  const selection = element.ownerDocument.getSelection();
  const caretAt =
    selection?.anchorNode && element.contains(selection.anchorNode)
      ? [
          {
            node: selection.anchorNode,
            offset: selection.anchorOffset,
            pos: undefined as number | undefined,
          },
        ]
      : [];
  const typed = TextParser.fromSchema(textSchema).parse(element, { findPositions: caretAt });
  const caret = typeof caretAt[0]?.pos === "number" ? caretAt[0].pos : null;
  return { changed: mergeTypedText(served, live, field, typed), caret };
}

/**
 * Makes `live`'s field hold what was `typed` over the text of `served` (a document nobody wrote
 * to since), keeping what others wrote meanwhile: the difference is made on a copy of `served`
 * and applied to `live` as a Yjs update. Returns false (and changes nothing) if nothing was typed.
 */
export function mergeTypedText(
  served: Y.Doc,
  live: Y.Doc,
  field: string,
  typed: TextNode,
): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(served));
  const fragment = copy.getXmlFragment(field);
  if (yXmlFragmentToProseMirrorRootNode(fragment, textSchema).eq(typed)) return false;
  const before = Y.encodeStateVector(copy);
  copy.transact(() =>
    updateYFragment(copy, fragment, typed, { mapping: new Map(), isOMark: new Map() }),
  );
  Y.applyUpdate(live, Y.encodeStateAsUpdate(copy, before));
  return true;
}

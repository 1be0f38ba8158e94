import type { Editor } from "@tiptap/core";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { anchorOf, MAX_QUOTE_LENGTH, type Anchor } from "../../../collab/shapes/discussion.ts";

function bindingOf(editor: Editor) {
  const binding = ySyncPluginKey.getState(editor.state)?.binding;
  return binding?.type && binding.mapping
    ? (binding as {
        type: Y.XmlFragment;
        mapping: Parameters<typeof absolutePositionToRelativePosition>[2];
      })
    : null;
}

/** The selection's range in the editor, preferring the page's selection (read-only editors keep no state selection). */
function selectedRange(editor: Editor): { from: number; to: number } {
  const selection = window.getSelection();
  const dom = editor.view.dom;
  if (
    selection &&
    !selection.isCollapsed &&
    selection.anchorNode &&
    selection.focusNode &&
    dom.contains(selection.anchorNode) &&
    dom.contains(selection.focusNode)
  ) {
    const a = editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const b = editor.view.posAtDOM(selection.focusNode, selection.focusOffset);
    return { from: Math.min(a, b), to: Math.max(a, b) };
  }
  return { from: editor.state.selection.from, to: editor.state.selection.to };
}

/**
 * The passage selected in the editor as an anchor (Yjs relative positions, which follow the
 * text through later edits) and its text, or null when nothing is selected.
 */
export function selectedPassage(editor: Editor): { anchor: Anchor; quote: string } | null {
  const binding = bindingOf(editor);
  if (!binding) return null;
  const { from, to } = selectedRange(editor);
  const quote = editor.state.doc.textBetween(from, to, "\n").trim();
  if (from >= to || !quote) return null;
  const start = absolutePositionToRelativePosition(
    from,
    binding.type,
    binding.mapping,
  ) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(
    to,
    binding.type,
    binding.mapping,
  ) as Y.RelativePosition;
  return { anchor: anchorOf(start, end), quote: quote.slice(0, MAX_QUOTE_LENGTH) };
}

/** Selects and scrolls to an anchored passage; false when it cannot be found any more. */
export function showPassage(editor: Editor, anchor: Anchor): boolean {
  const at = (json: unknown) => positionIn(editor, Y.createRelativePositionFromJSON(json));
  const from = at(anchor.start);
  const to = at(anchor.end);
  if (from === null || to === null || from >= to) return false;
  editor.chain().setTextSelection({ from, to }).scrollIntoView().run();
  // Also the page's selection, so it shows in a read-only editor that does not take focus.
  const start = editor.view.domAtPos(from);
  const end = editor.view.domAtPos(to);
  window.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
  return true;
}

/** Where a Yjs relative position is in the editor's text now (null if it cannot be placed). */
export function positionIn(editor: Editor, relative: Y.RelativePosition): number | null {
  const binding = bindingOf(editor);
  const doc = binding?.type.doc;
  if (!binding || !doc) return null;
  return relativePositionToAbsolutePosition(doc, binding.type, relative, binding.mapping);
}

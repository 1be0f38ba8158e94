import type { Editor } from "@tiptap/core";

/**
 * The rich-text editors on the page, by the document field they edit, so that "Comment on
 * selected text" can read the selection of a criterion's narrative without threading editor
 * instances through every component. Browser only; editors register while mounted.
 */
const editors = new Map<string, Editor>();
const listeners = new Set<() => void>();

/** Registers the editor of `field`; returns the matching unregister. */
export function registerEditor(field: string, editor: Editor): () => void {
  editors.set(field, editor);
  listeners.forEach((l) => l());
  return () => {
    if (editors.get(field) === editor) editors.delete(field);
    listeners.forEach((l) => l());
  };
}

export function editorFor(field: string): Editor | null {
  const editor = editors.get(field);
  return editor && !editor.isDestroyed ? editor : null;
}

export function subscribeEditors(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

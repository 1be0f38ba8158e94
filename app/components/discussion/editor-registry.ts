import type { Anchor } from "../../../collab/shapes/discussion.ts";

/** A rich-text editor on the page, as comments need it: its selected passage, and showing one. */
export interface RegisteredText {
  /** The passage selected in it as an anchor and its text, or null when nothing is selected. */
  selectedPassage(): { anchor: Anchor; quote: string } | null;
  /** Selects and scrolls to an anchored passage; false when it cannot be found any more. */
  showPassage(anchor: Anchor): boolean;
  readonly isDestroyed: boolean;
}

/**
 * The rich-text editors on the page, by the document field they edit, so that "Comment on
 * selected text" can read the selection of a criterion's narrative without threading editor
 * instances through every component. Browser only; editors register while mounted. Registered
 * by the editors' own module, which the page loads when it needs an editor: nothing here pulls
 * the editor's code into the page's first scripts.
 */
const editors = new Map<string, RegisteredText>();
const listeners = new Set<() => void>();

/** Registers the editor of `field`; returns the matching unregister. */
export function registerEditor(field: string, text: RegisteredText): () => void {
  editors.set(field, text);
  listeners.forEach((l) => l());
  return () => {
    if (editors.get(field) === text) editors.delete(field);
    listeners.forEach((l) => l());
  };
}

export function editorFor(field: string): RegisteredText | null {
  const text = editors.get(field);
  return text && !text.isDestroyed ? text : null;
}

export function subscribeEditors(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

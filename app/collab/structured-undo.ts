import * as Y from "yjs";

/**
 * Undo for structured edits (choices, items added, removed, moved): a Yjs UndoManager over the
 * given shared types that tracks only what this person's page changed through `edit`. Other
 * people's changes arrive with the provider as their origin and are never undone here; text
 * typed in editors and inputs is not tracked either (editors keep their own undo).
 */
export interface StructuredUndo {
  /** Runs `change` as one undoable step (one transaction). */
  edit<T>(change: () => T): T;
  undo(): boolean;
  redo(): boolean;
  /** The step `edit` made last, to undo that very step later (a toast's Undo). */
  lastStep(): unknown;
  /** Undoes `step` if it is still the latest one; false when something came after it. */
  undoStep(step: unknown): boolean;
  /** Called whenever the undo or redo stack changes. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function createStructuredUndo(doc: Y.Doc, types: Y.AbstractType<unknown>[]): StructuredUndo {
  // This page's own origin: what `edit` does is tracked, nothing else.
  const origin = { structuredEdit: true };
  // Every edit is its own step (no merging of quick successive choices).
  const manager = new Y.UndoManager(types, {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0,
  });
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  for (const event of ["stack-item-added", "stack-item-popped", "stack-cleared"] as const)
    manager.on(event, notify);
  const top = () => manager.undoStack[manager.undoStack.length - 1] ?? null;
  return {
    edit(change) {
      let result!: ReturnType<typeof change>;
      manager.stopCapturing();
      doc.transact(() => {
        result = change();
      }, origin);
      return result;
    },
    undo: () => manager.undo() !== null,
    redo: () => manager.redo() !== null,
    lastStep: top,
    undoStep(step) {
      if (!step || top() !== step) return false;
      return manager.undo() !== null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy: () => manager.destroy(),
  };
}

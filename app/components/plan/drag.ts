import type { DragEvent } from "react";
import { useState } from "react";

/**
 * Reordering by drag (HTML5 drag and drop): a pointer convenience, since every move is also
 * possible with the Move up / Move down buttons. Items are dragged only within their own list
 * (one side of one criterion's force-field), named by `list`.
 */

// One drag at a time in a page, and dataTransfer cannot be read during dragover: a module-level
// note of what is being dragged is enough.
let dragging: { list: string; id: string } | null = null;

/** Props for the grip an item is dragged by. */
export function dragHandleProps(list: string, id: string, row: () => HTMLElement | null) {
  return {
    draggable: true,
    onDragStart(event: DragEvent<HTMLElement>) {
      dragging = { list, id };
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", id);
      const element = row();
      if (element) {
        event.dataTransfer.setDragImage(element, 16, 16);
        element.classList.add("plan-dragging");
      }
    },
    onDragEnd() {
      row()?.classList.remove("plan-dragging");
      dragging = null;
    },
  };
}

export type DropSide = "before" | "after" | null;

/**
 * Makes the row at `index` of `list` a drop target: dropping on its top half puts the dragged
 * item before it, on its bottom half after it. `onDrop(id, slot)` gets the gap it was dropped
 * in, in the list as drawn (0 = before the first row; see dropPosition).
 */
export function useDropTarget(
  list: string,
  index: number,
  onDrop: (id: string, slot: number) => void,
) {
  const [side, setSide] = useState<DropSide>(null);
  const sideOf = (event: DragEvent<HTMLElement>): DropSide => {
    const box = event.currentTarget.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? "before" : "after";
  };
  return {
    dropSide: side,
    dropProps: {
      onDragOver(event: DragEvent<HTMLElement>) {
        if (dragging?.list !== list) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        const next = sideOf(event);
        if (next !== side) setSide(next);
      },
      onDragLeave(event: DragEvent<HTMLElement>) {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setSide(null);
      },
      onDrop(event: DragEvent<HTMLElement>) {
        setSide(null);
        if (dragging?.list !== list) return;
        event.preventDefault();
        const { id } = dragging;
        dragging = null;
        onDrop(id, sideOf(event) === "before" ? index : index + 1);
      },
    },
  };
}

/**
 * Where an item dropped at `slot` (a gap in the list as drawn, 0 = before the first row) ends
 * up, counted without the item itself: a move down skips the item's old place.
 */
export function dropPosition(from: number, slot: number): number {
  return from >= 0 && from < slot ? slot - 1 : slot;
}

import type { DragEvent } from "react";
import { useState } from "react";

/**
 * Reordering by drag (HTML5 drag and drop), shared by the framework designer and the
 * force-field. A pointer convenience: every move is also possible with the move buttons.
 * Items move only between drop targets of the same `list` key (e.g. "criterion" for every
 * criterion list of a framework, or one side of one criterion's force-field).
 */

// One drag at a time in a page, and dataTransfer cannot be read during dragover: a module-level
// note of what is being dragged is enough.
let dragging: { list: string; id: string } | null = null;

/** Props for the grip an item is dragged by; `row` is drawn as the drag image and marked. */
export function dragHandleProps(
  list: string,
  id: string,
  row: () => HTMLElement | null,
  options: { label?: string; draggingClass?: string } = {},
) {
  const draggingClass = options.draggingClass ?? "is-dragging";
  return {
    draggable: true,
    onDragStart(event: DragEvent<HTMLElement>) {
      dragging = { list, id };
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", options.label ?? id);
      const element = row();
      if (element) {
        event.dataTransfer.setDragImage(element, 24, 24);
        element.classList.add(draggingClass);
      }
    },
    onDragEnd() {
      row()?.classList.remove(draggingClass);
      dragging = null;
    },
  };
}

export type DropSide = "before" | "after" | null;

/**
 * Makes the row at `index` a drop target: dropping on its top half puts the dragged item before
 * it, on its bottom half after it. `onDrop(id, slot)` gets the gap it was dropped in, in the
 * list as drawn (0 = before the first row; see dropPosition).
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
  const take = (event: DragEvent<HTMLElement>) => {
    if (dragging?.list !== list) return;
    event.preventDefault();
    // Rows nest (criteria inside areas): the innermost target takes the drop.
    event.stopPropagation();
    event.dataTransfer.dropEffect = "move";
    const next = sideOf(event);
    if (next !== side) setSide(next);
  };
  return {
    dropSide: side,
    dropProps: {
      // Taken as it enters as well as on each dragover after: a browser fires no dragover in
      // the move that crosses into another element, and asks dragenter whether a drop is taken
      // there, so a row entered and dropped on at once shows where it lands, and takes the drop.
      onDragEnter: take,
      onDragOver: take,
      onDragLeave(event: DragEvent<HTMLElement>) {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setSide(null);
      },
      onDrop(event: DragEvent<HTMLElement>) {
        setSide(null);
        if (dragging?.list !== list) return;
        event.preventDefault();
        event.stopPropagation();
        const { id } = dragging;
        dragging = null;
        onDrop(id, sideOf(event) === "before" ? index : index + 1);
      },
    },
  };
}

/** A list's empty space as a drop target: dropping there puts the item last. */
export function useDropAtEnd(list: string, onDrop: (id: string) => void) {
  const [over, setOver] = useState(false);
  const take = (event: DragEvent<HTMLElement>) => {
    if (dragging?.list !== list) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!over) setOver(true);
  };
  return {
    over,
    dropProps: {
      // Taken as it enters as well as over, as a row is (useDropTarget).
      onDragEnter: take,
      onDragOver: take,
      onDragLeave(event: DragEvent<HTMLElement>) {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      },
      onDrop(event: DragEvent<HTMLElement>) {
        setOver(false);
        if (dragging?.list !== list) return;
        event.preventDefault();
        const { id } = dragging;
        dragging = null;
        onDrop(id);
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

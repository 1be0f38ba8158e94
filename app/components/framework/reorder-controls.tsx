import type { DragEvent, RefObject } from "react";
import { useState } from "react";
import { move, moveTo, type YItem } from "../../../collab/shapes/framework.ts";
import { focusSoon, type Designer } from "./designer-context.ts";
import { areaName, criterionCode, moveCriterionToArea } from "./designer-ops.ts";

/** Ids of an item's move buttons, so focus can follow the item after a move. */
export const moveButtonId = (itemId: string, direction: -1 | 1) =>
  `move-${direction < 0 ? "up" : "down"}-${itemId}`;

/**
 * Moves an item one place by keyboard (or click), says where it went, and keeps focus on the
 * moved item's button (or its other button once it reaches an end).
 */
export function moveByOne(
  designer: Designer,
  siblings: [string, YItem][],
  id: string,
  direction: -1 | 1,
  name: string,
): void {
  const from = siblings.findIndex(([key]) => key === id);
  let moved = false;
  designer.doc.transact(() => {
    moved = move(siblings, id, direction);
  });
  if (!moved) return;
  designer.announce(`Moved ${name} to position ${from + direction + 1} of ${siblings.length}`);
  focusSoon(moveButtonId(id, direction), moveButtonId(id, direction === -1 ? 1 : -1));
}

/**
 * "Move up" / "Move down" buttons for one item of an ordered list. `name` is what the item is
 * called (e.g. "Inclusion"), giving the buttons names like "Move Inclusion up".
 */
export function ReorderControls(props: {
  id: string;
  name: string;
  index: number;
  count: number;
  onMove(direction: -1 | 1): void;
}) {
  const { id, name, index, count, onMove } = props;
  return (
    <span className="reorder" role="group" aria-label={`Order of ${name}`}>
      <button
        type="button"
        id={moveButtonId(id, -1)}
        className="icon-button"
        disabled={index === 0}
        onClick={() => onMove(-1)}
        title={`Move ${name} up`}
      >
        <span aria-hidden="true">↑</span>
        <span className="sr-only">Move {name} up</span>
      </button>
      <button
        type="button"
        id={moveButtonId(id, 1)}
        className="icon-button"
        disabled={index >= count - 1}
        onClick={() => onMove(1)}
        title={`Move ${name} down`}
      >
        <span aria-hidden="true">↓</span>
        <span className="sr-only">Move {name} down</span>
      </button>
    </span>
  );
}

// ——— Drag and drop (a pointer convenience; every move is also possible by keyboard) ———

export type DragKind = "area" | "criterion";

// One drag at a time in a page, so a module-level note of what is being dragged is enough
// (dataTransfer cannot be read during dragover).
let dragging: { kind: DragKind; id: string } | null = null;

/** A grip to drag a row by. Hidden from assistive technology: the move buttons do the same. */
export function DragHandle(props: {
  kind: DragKind;
  id: string;
  name: string;
  row: RefObject<HTMLElement>;
}) {
  return (
    <span
      className="drag-handle"
      draggable
      aria-hidden="true"
      title={`Drag to move ${props.name}`}
      onDragStart={(event) => {
        dragging = { kind: props.kind, id: props.id };
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", props.name);
        if (props.row.current) event.dataTransfer.setDragImage(props.row.current, 24, 24);
        props.row.current?.classList.add("is-dragging");
      }}
      onDragEnd={() => {
        props.row.current?.classList.remove("is-dragging");
        dragging = null;
      }}
    >
      ⠿
    </span>
  );
}

type DropSide = "before" | "after" | null;

/**
 * Makes a row a drop target for dragged items of `kind`: dropping on its top half puts the item
 * before it, on its bottom half after it. `onDrop(id, position)` gets the position the item
 * should take among the list as it is now drawn (0 = first).
 */
export function useDropTarget(
  kind: DragKind,
  index: number,
  onDrop: (draggedId: string, position: number) => void,
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
        if (dragging?.kind !== kind) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = "move";
        const next = sideOf(event);
        if (next !== side) setSide(next);
      },
      onDragLeave(event: DragEvent<HTMLElement>) {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setSide(null);
      },
      onDrop(event: DragEvent<HTMLElement>) {
        if (dragging?.kind !== kind) return;
        event.preventDefault();
        event.stopPropagation();
        const id = dragging.id;
        const position = sideOf(event) === "before" ? index : index + 1;
        setSide(null);
        dragging = null;
        onDrop(id, position);
      },
    },
  };
}

/** A list's empty space as a drop target: dropping there puts the item last. */
export function useDropAtEnd(kind: DragKind, onDrop: (draggedId: string) => void) {
  const [over, setOver] = useState(false);
  return {
    over,
    dropProps: {
      onDragOver(event: DragEvent<HTMLElement>) {
        if (dragging?.kind !== kind) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (!over) setOver(true);
      },
      onDragLeave(event: DragEvent<HTMLElement>) {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      },
      onDrop(event: DragEvent<HTMLElement>) {
        if (dragging?.kind !== kind) return;
        event.preventDefault();
        const id = dragging.id;
        setOver(false);
        dragging = null;
        onDrop(id);
      },
    },
  };
}

/**
 * Moves `id` so it lands at `position` in the list as drawn (`siblings`, which includes it when
 * it is already in this list) and says so.
 */
export function dropInto(
  designer: Designer,
  siblings: [string, YItem][],
  id: string,
  position: number,
  name: string,
): void {
  const from = siblings.findIndex(([key]) => key === id);
  // moveTo counts positions among the others, so a move down skips the item's old place.
  const index = from >= 0 && from < position ? position - 1 : position;
  if (from === index) return;
  designer.doc.transact(() => moveTo(siblings, id, index));
  designer.announce(`Moved ${name} to position ${index + 1} of ${siblings.length}`);
}

/**
 * Drops a criterion at `position` among an area's criteria (`siblings`): a reorder within its
 * own area, or a move into this one from another.
 */
export function dropCriterion(
  designer: Designer,
  areaId: string,
  siblings: [string, YItem][],
  id: string,
  position: number,
): void {
  const code = criterionCode(designer.doc, id);
  if (siblings.some(([key]) => key === id)) {
    dropInto(designer, siblings, id, position, `criterion ${code}`);
    return;
  }
  moveCriterionToArea(designer.doc, id, areaId, position);
  designer.announce(
    `Moved criterion ${code} to ${areaName(designer.doc, areaId)}, as ${criterionCode(designer.doc, id)}.`,
  );
}

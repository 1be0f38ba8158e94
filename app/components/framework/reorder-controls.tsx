import type { RefObject } from "react";
import { dragHandleProps, dropPosition } from "../reorder/drag.ts";
import { move, moveTo, type YItem } from "../../../collab/shapes/framework.ts";
import type { Designer } from "./designer-context.ts";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import {
  areaName,
  criterionCode,
  moveCriterionToArea,
} from "../../../collab/shapes/framework-edits.ts";

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
  focusWhenDrawn([moveButtonId(id, direction), moveButtonId(id, direction === -1 ? 1 : -1)]);
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
export { useDropAtEnd, useDropTarget } from "../reorder/drag.ts";

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
      aria-hidden="true"
      title={`Drag to move ${props.name}`}
      {...dragHandleProps(props.kind, props.id, () => props.row.current, { label: props.name })}
    >
      ⠿
    </span>
  );
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
  const index = dropPosition(from, position);
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

import { useRef } from "react";
import type * as Y from "yjs";
import type { Force, ForceSide } from "../../../collab/shapes/plan.ts";
import { YTextArea } from "../framework/y-text-field.tsx";
import { dragHandleProps, useDropTarget } from "../reorder/drag.ts";
import { forceText, setForceField } from "../../../collab/shapes/plan.ts";
import { useStructuredEdits } from "../evaluation/structured-edits.tsx";
import { usePresenceFocus } from "../../collab/collab-room.tsx";
import type { EvaluationFocus } from "../evaluation/focus.ts";
import { useColleaguesAt } from "../evaluation/use-colleagues-at.ts";
import { ColleaguesEditing, colleaguesEditingId } from "./colleagues-editing.tsx";
import { KeptRowNotice, keptRowNoticeId } from "./kept-row-notice.tsx";
import { keptText, type KeptRow } from "./kept-rows.ts";
import { RemoveRowButton } from "./remove-row-button.tsx";

export const SIDE_LABELS: Record<ForceSide, string> = {
  helping: "Helping",
  hindering: "Hindering",
};

const STRENGTHS: { value: number; label: string }[] = [
  { value: 1, label: "1 (weak)" },
  { value: 2, label: "2" },
  { value: 3, label: "3 (moderate)" },
  { value: 4, label: "4" },
  { value: 5, label: "5 (strong)" },
];

/** "Helping factor 2": how a force is named in labels, buttons and announcements. */
export const forceName = (side: ForceSide, index: number) =>
  `${SIDE_LABELS[side]} factor ${index + 1}`;
export const forceInputId = (forceId: string) => `force-${forceId}-text`;
export const moveButtonId = (forceId: string, direction: -1 | 1) =>
  `force-${forceId}-move-${direction < 0 ? "up" : "down"}`;

export interface ForceRowProps {
  doc: Y.Doc | null;
  force: Force;
  index: number;
  count: number;
  /** Names the list the row belongs to (criterion and side), for drag and drop. */
  list: string;
  readOnly: boolean;
  /** Moves a force to `position` (its index once moved). */
  onMove(forceId: string, position: number): void;
  /** A force dragged here was dropped at `slot` (a gap in the list as drawn, 0 = before the first). */
  onDrop(forceId: string, slot: number): void;
  onRemove(forceId: string): void;
  /**
   * Set when someone else removed it while this person was in it: it stays on their screen only,
   * its text taking their typing (`index` is then where it was), until they choose.
   */
  kept?: KeptRow | null;
  onPutBack?(): void;
  onLeaveRemoved?(): void;
}

/** One factor of a force-field: its text, strength, flags, and the controls to move or remove it. */
export function ForceRow({
  doc,
  force,
  index,
  count,
  list,
  readOnly,
  onMove,
  onDrop,
  onRemove,
  kept = null,
  onPutBack = () => {},
  onLeaveRemoved = () => {},
}: ForceRowProps) {
  const name = kept ? `${forceName(force.side, index)} (removed)` : forceName(force.side, index);
  const { edit } = useStructuredEdits();
  const row = useRef<HTMLLIElement>(null);
  const { dropSide, dropProps } = useDropTarget(list, index, onDrop);
  const { focusProps } = usePresenceFocus();
  // Focus anywhere in the row says "this factor" (more precisely than the force-field around it).
  const here: EvaluationFocus = { criterionId: force.criterionId, field: "forces", item: force.id };
  const colleagues = useColleaguesAt(here);
  const inputId = forceInputId(force.id);
  const editingId = colleaguesEditingId(inputId);
  const keptId = keptRowNoticeId(inputId);
  // Gone from the document: only its text still takes typing (kept for this person).
  const locked = readOnly || !doc || kept !== null;
  const classes = [
    "ff-force",
    `ff-force-${force.side}`,
    force.priority ? "ff-force-priority" : "",
    dropSide ? `plan-drop-${dropSide}` : "",
  ];
  return (
    <li
      ref={row}
      className={classes.filter(Boolean).join(" ")}
      {...(locked ? {} : dropProps)}
      {...focusProps(here)}
    >
      <div role="group" aria-label={name} className="ff-force-body">
        {kept ? (
          <KeptRowNotice
            id={keptId}
            what="factor"
            by={kept.by}
            name={forceName(force.side, index).toLowerCase()}
            onPutBack={onPutBack}
            onLeaveRemoved={onLeaveRemoved}
          />
        ) : (
          <ColleaguesEditing id={editingId} colleagues={colleagues} what="factor" row={row} />
        )}
        <div className="ff-force-text">
          {locked ? null : (
            <span
              className="plan-grip"
              aria-hidden="true"
              title={`Drag to move ${name.toLowerCase()}`}
              {...dragHandleProps(list, force.id, () => row.current, {
                draggingClass: "plan-dragging",
              })}
            >
              ⠿
            </span>
          )}
          {/* As tall as its text: a factor longer than the box wraps, never hidden past its edge. */}
          <YTextArea
            rows={1}
            oneLine
            label={
              <>
                {name}
                {force.priority ? (
                  <span className="ff-priority-tag" aria-hidden="true">
                    {" "}
                    ★ Priority
                  </span>
                ) : null}
              </>
            }
            id={inputId}
            describedBy={kept ? keptId : colleagues.length ? editingId : undefined}
            ytext={kept ? keptText(kept, "text") : forceText(doc, force.id)}
            readOnly={readOnly || !doc}
            placeholder={force.side === "helping" ? "What helps us here?" : "What holds us back?"}
          />
        </div>
        <div className="ff-force-choices">
          <label className="ff-strength">
            <span>Strength</span>
            <select
              value={force.strength}
              disabled={locked}
              onChange={(event) =>
                doc &&
                edit(() =>
                  setForceField(doc, force.id, "strength", Number(event.currentTarget.value)),
                )
              }
            >
              {STRENGTHS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={force.priority}
              disabled={locked}
              onChange={(event) =>
                doc &&
                edit(() => setForceField(doc, force.id, "priority", event.currentTarget.checked))
              }
            />
            Priority
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={force.inOurControl}
              disabled={locked}
              onChange={(event) =>
                doc &&
                edit(() =>
                  setForceField(doc, force.id, "inOurControl", event.currentTarget.checked),
                )
              }
            />
            In our control
          </label>
          {locked ? null : (
            <span className="plan-tools">
              <button
                type="button"
                id={moveButtonId(force.id, -1)}
                className="plan-icon-button"
                disabled={index === 0}
                onClick={() => onMove(force.id, index - 1)}
                title={`Move ${name.toLowerCase()} up`}
              >
                <span aria-hidden="true">↑</span>
                <span className="visually-hidden">Move {name.toLowerCase()} up</span>
              </button>
              <button
                type="button"
                id={moveButtonId(force.id, 1)}
                className="plan-icon-button"
                disabled={index >= count - 1}
                onClick={() => onMove(force.id, index + 1)}
                title={`Move ${name.toLowerCase()} down`}
              >
                <span aria-hidden="true">↓</span>
                <span className="visually-hidden">Move {name.toLowerCase()} down</span>
              </button>
              <RemoveRowButton
                name={name}
                what="factor"
                colleagues={colleagues}
                onRemove={() => onRemove(force.id)}
              />
            </span>
          )}
        </div>
      </div>
    </li>
  );
}

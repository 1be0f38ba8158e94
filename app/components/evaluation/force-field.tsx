import { useState } from "react";
import {
  addForce,
  forceTotals,
  moveForce,
  removeForce,
  type Force,
  type ForceSide,
} from "../../../collab/shapes/plan.ts";
import {
  ForceRow,
  SIDE_LABELS,
  forceInputId,
  forceName,
  moveButtonId,
} from "../plan/force-row.tsx";
import { dropPosition } from "../reorder/drag.ts";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import { useForces } from "../plan/use-plan.ts";
import {
  drawWithKept,
  putBackAsTyped,
  releaseRow,
  useKeptRows,
  type KeptRow,
} from "../plan/kept-rows.ts";
import type { CriterionWorkspace } from "./criterion-panel.tsx";
import { ForceFieldDiagram } from "./force-field-diagram.tsx";
import { claimRemoval } from "./removal-claims.ts";
import { useStructuredEdits } from "./structured-edits.tsx";

const SIDES: ForceSide[] = ["helping", "hindering"];
const HINTS: Record<ForceSide, string> = {
  helping: "What drives improvement here: people, practice, resources.",
  hindering:
    "What holds it back. Weakening a hindering factor usually pays more than adding a helping one.",
};
const addButtonId = (criterionId: string, side: ForceSide) => `add-${side}-${criterionId}`;

/**
 * The Analyse stage of a criterion: its force-field, edited live in the evaluation's document
 * by everyone at once (helping factors on the left, hindering on the right) and drawn beside.
 */
export function ForceField({ criterion, doc, awareness, readOnly }: CriterionWorkspace) {
  const forces = useForces(doc, criterion.id);
  const totals = forceTotals(forces);
  const keptRows = useKeptRows(doc);
  const { edit, removed } = useStructuredEdits();
  const [announcement, setAnnouncement] = useState("");
  const locked = readOnly || !doc;

  // Each side as this person sees it: its factors in the document, and any kept on their screen.
  const drawnOf = (side: ForceSide) =>
    drawWithKept(
      forces.filter((f) => f.side === side),
      keptRows,
      (r) =>
        r.kind === "force" && r.force.criterionId === criterion.id && r.force.side === side
          ? r.force
          : null,
    );
  const sideOf = (side: ForceSide) => drawnOf(side).list;

  const move = (side: ForceSide, forceId: string, position: number) => {
    if (!doc) return;
    const list = sideOf(side);
    const from = list.findIndex((f) => f.id === forceId);
    if (!edit(() => moveForce(doc, criterion.id, side, forceId, position))) return;
    const to = Math.max(0, Math.min(list.length - 1, position));
    setAnnouncement(
      `Moved ${forceName(side, from).toLowerCase()} to position ${to + 1} of ${list.length}.`,
    );
    const direction = to < from ? -1 : 1;
    focusWhenDrawn([
      moveButtonId(forceId, direction),
      moveButtonId(forceId, direction === -1 ? 1 : -1),
    ]);
  };

  const add = (side: ForceSide) => {
    if (!doc) return;
    const id = edit(() => addForce(doc, criterion.id, side));
    focusWhenDrawn([forceInputId(id)]);
  };

  const remove = (force: Force, index: number) => {
    if (!doc) return;
    // Said first, so whoever is working in it hears who removed it (see removal-claims.ts).
    claimRemoval(awareness, force.id);
    edit(() => removeForce(doc, force.id));
    // The notice with Undo says it (role="status"), so no second announcement here.
    removed(
      `Removed ${forceName(force.side, index).toLowerCase()} of ${criterion.code}${force.text.trim() ? `: ${force.text.trim()}` : ""}.`,
      [forceInputId(force.id)],
    );
    focusWhenDrawn([addButtonId(criterion.id, force.side)]);
  };

  const putBack = (force: Force, kept: KeptRow) => {
    if (!doc) return;
    putBackAsTyped(doc, kept.removal, edit);
    focusWhenDrawn([forceInputId(force.id)]);
  };

  const leaveRemoved = (force: Force) => {
    if (!doc) return;
    releaseRow(doc, force.id);
    focusWhenDrawn([addButtonId(criterion.id, force.side)]);
  };

  return (
    <div className="force-field" role="group" aria-label={`Force-field for ${criterion.code}`}>
      <ForceFieldDiagram code={criterion.code} forces={forces} />
      <div className="ff-columns">
        {SIDES.map((side) => {
          const { list, drawn } = drawnOf(side);
          const headingId = `ff-${side}-${criterion.id}`;
          const dragList = `${criterion.id}/${side}`;
          return (
            <section key={side} className={`ff-column ff-column-${side}`}>
              <h5 id={headingId}>
                {SIDE_LABELS[side]} factors{" "}
                <span className="ff-column-total">
                  {/* As the diagram counts: factors nobody has described yet are left out. */}
                  (total {totals[side]})
                </span>
              </h5>
              <p className="hint">{HINTS[side]}</p>
              {drawn.length ? (
                <ol className="ff-list">
                  {drawn.map(({ item: force, kept }) => (
                    <ForceRow
                      key={force.id}
                      doc={doc}
                      force={force}
                      index={kept ? kept.removal.position : list.indexOf(force)}
                      count={list.length}
                      list={dragList}
                      readOnly={readOnly}
                      onMove={(id, position) => move(side, id, position)}
                      onDrop={(id, slot) =>
                        move(
                          side,
                          id,
                          dropPosition(
                            list.findIndex((f) => f.id === id),
                            slot,
                          ),
                        )
                      }
                      onRemove={() => remove(force, list.indexOf(force))}
                      kept={kept}
                      onPutBack={() => kept && putBack(force, kept)}
                      onLeaveRemoved={() => leaveRemoved(force)}
                    />
                  ))}
                </ol>
              ) : (
                <p className="muted ff-none">No {side} factors yet.</p>
              )}
              {locked ? null : (
                <button
                  type="button"
                  id={addButtonId(criterion.id, side)}
                  className="plan-add"
                  onClick={() => add(side)}
                >
                  <span aria-hidden="true">+ </span>Add a {side} factor
                </button>
              )}
            </section>
          );
        })}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

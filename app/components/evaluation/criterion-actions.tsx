import { addAction, isOverdue, removeAction } from "../../../collab/shapes/plan.ts";
import { ActionRow, actionInputId, actionName } from "../plan/action-row.tsx";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import { localToday, useActions, useForces, useMembers } from "../plan/use-plan.ts";
import { drawWithKept, putBackAsTyped, releaseRow, useKeptRows } from "../plan/kept-rows.ts";
import type { CriterionWorkspace } from "./criterion-panel.tsx";
import { claimRemoval } from "./removal-claims.ts";
import { useStructuredEdits } from "./structured-edits.tsx";

/**
 * The Plan stage of a criterion: its actions, each with an owner from the school, a due date,
 * how impact will be judged, a status, and the hindering factors it should weaken. Live in the
 * evaluation's document; overdue actions say so in words, not only in colour.
 */
export function CriterionActions({
  evaluationId,
  criterion,
  doc,
  awareness,
  readOnly,
}: CriterionWorkspace) {
  // The criterion's actions in the document, and as this person sees them (with any kept).
  const { list: actions, drawn } = drawWithKept(
    useActions(doc, criterion.id),
    useKeptRows(doc),
    (r) => (r.kind === "action" && r.action.criterionId === criterion.id ? r.action : null),
  );
  const hindering = useForces(doc, criterion.id).filter((f) => f.side === "hindering");
  const members = useMembers(evaluationId);
  const { edit, removed } = useStructuredEdits();
  const today = localToday();
  const locked = readOnly || !doc;
  const addId = `add-action-${criterion.id}`;

  return (
    <div className="plan-actions" role="group" aria-label={`Actions for ${criterion.code}`}>
      {drawn.length ? (
        <ol className="plan-action-list">
          {drawn.map(({ item: action, kept: keptRow }) => (
            <ActionRow
              key={action.id}
              doc={doc}
              action={action}
              index={keptRow ? keptRow.removal.position : actions.indexOf(action)}
              hindering={hindering}
              members={members}
              overdue={isOverdue(action, today)}
              readOnly={readOnly}
              kept={keptRow}
              onPutBack={() => {
                if (!doc || !keptRow) return;
                putBackAsTyped(doc, keptRow.removal, edit);
                focusWhenDrawn([actionInputId(action.id)]);
              }}
              onLeaveRemoved={() => {
                if (!doc) return;
                releaseRow(doc, action.id);
                focusWhenDrawn([addId]);
              }}
              onRemove={() => {
                if (!doc) return;
                const index = actions.indexOf(action);
                // Said first, so whoever is working in it hears who removed it.
                claimRemoval(awareness, action.id);
                edit(() => removeAction(doc, action.id));
                removed(
                  `Removed ${actionName(index).toLowerCase()} of ${criterion.code}${action.what.trim() ? `: ${action.what.trim()}` : ""}.`,
                  [actionInputId(action.id)],
                );
                focusWhenDrawn([addId]);
              }}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">No actions yet.</p>
      )}
      {locked ? null : (
        <button
          type="button"
          id={addId}
          className="plan-add"
          onClick={() => {
            if (!doc) return;
            focusWhenDrawn([actionInputId(edit(() => addAction(doc, criterion.id)))]);
          }}
        >
          <span aria-hidden="true">+ </span>Add an action
        </button>
      )}
    </div>
  );
}

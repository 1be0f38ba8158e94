import { addAction, isOverdue, removeAction } from "../../../collab/shapes/plan.ts";
import { ActionRow, actionInputId, actionName } from "../plan/action-row.tsx";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import { localToday, useActions, useForces, useMembers } from "../plan/use-plan.ts";
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
  const actions = useActions(doc, criterion.id);
  const hindering = useForces(doc, criterion.id).filter((f) => f.side === "hindering");
  const members = useMembers(evaluationId);
  const { edit, removed } = useStructuredEdits();
  const today = localToday();
  const locked = readOnly || !doc;
  const addId = `add-action-${criterion.id}`;

  return (
    <div className="plan-actions" role="group" aria-label={`Actions for ${criterion.code}`}>
      {actions.length ? (
        <ol className="plan-action-list">
          {actions.map((action, index) => (
            <ActionRow
              key={action.id}
              doc={doc}
              action={action}
              index={index}
              hindering={hindering}
              members={members}
              overdue={isOverdue(action, today)}
              readOnly={readOnly}
              onRemove={() => {
                if (!doc) return;
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

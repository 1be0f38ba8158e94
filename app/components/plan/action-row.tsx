import { useEffect, useId, useRef, useState } from "react";
import type * as Y from "yjs";
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  type ActionStatus,
  type Force,
  type PlanAction,
} from "../../../collab/shapes/plan.ts";
import { YTextArea, YTextInput } from "../framework/y-text-field.tsx";
import { forceName } from "./force-row.tsx";
import { actionText, linkForce, setActionField } from "../../../collab/shapes/plan.ts";
import { useStructuredEdits } from "../evaluation/structured-edits.tsx";
import { usePresenceFocus } from "../../collab/collab-room.tsx";
import type { EvaluationFocus } from "../evaluation/focus.ts";
import { useColleaguesAt } from "../evaluation/use-colleagues-at.ts";
import { ColleaguesEditing, colleaguesEditingId } from "./colleagues-editing.tsx";
import { KeptRowNotice, keptRowNoticeId } from "./kept-row-notice.tsx";
import { keptText, type KeptRow } from "./kept-rows.ts";
import { RemoveRowButton } from "./remove-row-button.tsx";
import type { Member } from "./use-plan.ts";

export const actionName = (index: number) => `Action ${index + 1}`;
export const actionInputId = (actionId: string) => `action-${actionId}-what`;

/** "3 Mar 2027" from YYYY-MM-DD, read as a calendar date (no time zone shifts). */
export function formatDue(due: string): string {
  const [y, m, d] = due.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

// A date is written to the document once it is a real one: Chrome's date field passes through
// years like 0002 and 0020 while someone types 2027, which nobody else should see.
const isSettledDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && Number(value.slice(0, 4)) >= 1900;

/** A date field that keeps what is being typed locally and writes each settled date. */
function DueDate({
  value,
  disabled,
  onChange,
}: {
  value: string | null;
  disabled: boolean;
  onChange(next: string | null): void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value ?? "");
  useEffect(() => setDraft(value ?? ""), [value]);
  return (
    <div className="field">
      <label htmlFor={id}>Due date</label>
      <input
        id={id}
        type="date"
        value={draft}
        disabled={disabled}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setDraft(next);
          if (next === "" && value !== null) onChange(null);
          else if (isSettledDate(next) && next !== value) onChange(next);
        }}
      />
    </div>
  );
}

export interface ActionRowProps {
  doc: Y.Doc | null;
  action: PlanAction;
  index: number;
  /** The criterion's hindering forces, in order. */
  hindering: Force[];
  members: Member[] | null;
  overdue: boolean;
  readOnly: boolean;
  onRemove(): void;
  /**
   * Set when someone else removed it while this person was in it: it stays on their screen only,
   * its texts taking their typing (`index` is then where it was), until they choose.
   */
  kept?: KeptRow | null;
  onPutBack?(): void;
  onLeaveRemoved?(): void;
}

/** One action of a criterion's plan: what, who, by when, how impact is judged, where it stands, what it addresses. */
export function ActionRow({
  doc,
  action,
  index,
  hindering,
  members,
  overdue,
  readOnly,
  onRemove,
  kept = null,
  onPutBack = () => {},
  onLeaveRemoved = () => {},
}: ActionRowProps) {
  const name = kept ? `${actionName(index)} (removed)` : actionName(index);
  const row = useRef<HTMLLIElement>(null);
  const { edit } = useStructuredEdits();
  const { focusProps } = usePresenceFocus();
  // Focus anywhere in the action says "this action" (more precisely than the plan around it).
  const here: EvaluationFocus = {
    criterionId: action.criterionId,
    field: "actions",
    item: action.id,
  };
  const colleagues = useColleaguesAt(here);
  const inputId = actionInputId(action.id);
  const editingId = colleaguesEditingId(inputId);
  const keptId = keptRowNoticeId(inputId);
  const ownerId = useId();
  const statusId = useId();
  // Gone from the document: only its texts still take typing (kept for this person).
  const locked = readOnly || !doc || kept !== null;
  const textLocked = readOnly || !doc;
  const described = kept ? keptId : colleagues.length ? editingId : undefined;
  const known = members?.some((m) => m.id === action.ownerId) ?? false;
  const linked = new Set(action.forceIds);
  return (
    <li
      ref={row}
      className={`plan-action plan-action-${action.status}${overdue ? " plan-action-overdue" : ""}`}
      {...focusProps(here)}
    >
      <fieldset className="plan-action-body">
        <legend>{name}</legend>
        {kept ? (
          <KeptRowNotice
            id={keptId}
            what="action"
            by={kept.by}
            name={actionName(index).toLowerCase()}
            onPutBack={onPutBack}
            onLeaveRemoved={onLeaveRemoved}
          />
        ) : (
          <ColleaguesEditing id={editingId} colleagues={colleagues} what="action" row={row} />
        )}
        {overdue && action.due ? (
          <p className="plan-overdue">
            <span aria-hidden="true">⚠ </span>
            <strong>Overdue</strong>: was due {formatDue(action.due)}
          </p>
        ) : null}
        <YTextInput
          label="What will we do?"
          id={inputId}
          describedBy={described}
          ytext={kept ? keptText(kept, "what") : actionText(doc, action.id, "what")}
          readOnly={textLocked}
        />
        <div className="plan-action-grid">
          <div className="field">
            <label htmlFor={ownerId}>Owner</label>
            <select
              id={ownerId}
              value={action.ownerId ?? ""}
              disabled={locked}
              onChange={(event) =>
                doc &&
                edit(() =>
                  setActionField(doc, action.id, "ownerId", event.currentTarget.value || null),
                )
              }
            >
              <option value="">No owner yet</option>
              {action.ownerId && !known ? (
                <option value={action.ownerId}>
                  {members ? "Someone no longer in the school" : "Loading…"}
                </option>
              ) : null}
              {(members ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <DueDate
            value={action.due}
            disabled={locked}
            onChange={(due) => doc && edit(() => setActionField(doc, action.id, "due", due))}
          />
          <div className="field">
            <label htmlFor={statusId}>Status</label>
            <select
              id={statusId}
              value={action.status}
              disabled={locked}
              onChange={(event) =>
                doc &&
                edit(() =>
                  setActionField(
                    doc,
                    action.id,
                    "status",
                    event.currentTarget.value as ActionStatus,
                  ),
                )
              }
            >
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTION_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <YTextArea
          label="How will we judge impact?"
          describedBy={kept ? keptId : undefined}
          ytext={
            kept ? keptText(kept, "successMeasure") : actionText(doc, action.id, "successMeasure")
          }
          readOnly={textLocked}
          rows={2}
        />
        <fieldset className="plan-addresses">
          <legend>Hindering factors it addresses</legend>
          {hindering.length ? (
            <ul className="plan-checklist">
              {hindering.map((force, i) => (
                <li key={force.id}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={linked.has(force.id)}
                      disabled={locked}
                      onChange={(event) =>
                        doc &&
                        edit(() => linkForce(doc, action.id, force.id, event.currentTarget.checked))
                      }
                    />
                    {force.text.trim() || `${forceName("hindering", i)} (not described yet)`}
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">
              Add hindering factors to the force-field above, then tick the ones this action should
              weaken.
            </p>
          )}
        </fieldset>
        {locked ? null : (
          <RemoveRowButton name={name} what="action" colleagues={colleagues} onRemove={onRemove} />
        )}
      </fieldset>
    </li>
  );
}

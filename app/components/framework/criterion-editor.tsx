import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { criteriaOf, type YItem } from "../../../collab/shapes/framework.ts";
import { useDesigner } from "./designer-context.ts";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import {
  areaName,
  criterionCode,
  ensureDescriptors,
  levelsForScale,
  moveCriterionToArea,
  removeItem,
} from "../../../collab/shapes/framework-edits.ts";
import { IndicatorsEditor } from "./indicators-editor.tsx";
import { LiveOption, LiveText } from "./plain-fields.tsx";
import { PeopleHere } from "./people-here.tsx";
import {
  DragHandle,
  ReorderControls,
  dropCriterion,
  moveByOne,
  useDropTarget,
} from "./reorder-controls.tsx";
import { useYDeep } from "./use-y.ts";
import { YTextArea, YTextSpan } from "./y-text-field.tsx";

export const toggleId = (criterionId: string) => `toggle-${criterionId}`;

/** How complete a criterion is, for its summary line. */
function progressOf(criterion: YItem, levelKeys: string[]): string {
  const descriptors = criterion.get("descriptors") as Y.Map<Y.Text> | undefined;
  const written = levelKeys.filter((key) => descriptors?.get(key)?.toString().trim()).length;
  const indicators = (criterion.get("indicators") as Y.Map<YItem> | undefined)?.size ?? 0;
  return `${written} of ${levelKeys.length} descriptors${indicators ? ` · ${indicators} indicator${indicators === 1 ? "" : "s"}` : ""}`;
}

/**
 * One criterion: a summary line (code, statement, how complete) that opens into its editor.
 * Collapsed by default so a framework of 40 criteria stays easy to move around.
 */
export function CriterionEditor(props: {
  id: string;
  criterion: YItem;
  areaId: string;
  area: YItem;
  code: string;
  index: number;
  siblings: [string, YItem][];
  areas: [string, YItem][];
}) {
  const designer = useDesigner();
  const { id, criterion, areaId, area, code, index, siblings, areas } = props;
  const { doc, locked } = designer;
  useYDeep(criterion);
  const row = useRef<HTMLLIElement>(null);
  const open = designer.isExpanded(id);
  const levels = levelsForScale(doc, area.get("scaleKey"));
  const name = `criterion ${code}`;
  const [destination, setDestination] = useState("");

  // Every level gets its descriptor text as soon as someone who may write opens the criterion.
  useEffect(() => {
    if (open && !locked) ensureDescriptors(doc, id);
  }, [open, locked, doc, id, levels.length, area]);

  const { dropSide, dropProps } = useDropTarget("criterion", index, (draggedId, position) =>
    dropCriterion(designer, areaId, siblings, draggedId, position),
  );

  const remove = () => {
    if (!window.confirm(`Remove criterion ${code} and everything written in it?`)) return;
    removeItem(doc, criteriaOf(doc), id);
    designer.announce(`Removed criterion ${code}.`);
    focusWhenDrawn([`add-criterion-${areaId}`]);
  };
  const moveToArea = () => {
    if (!destination) return;
    moveCriterionToArea(doc, id, destination);
    setDestination("");
    designer.announce(
      `Moved criterion ${code} to ${areaName(doc, destination)}, as ${criterionCode(doc, id)}.`,
    );
    focusWhenDrawn([toggleId(id)]);
  };
  const descriptors = criterion.get("descriptors") as Y.Map<Y.Text> | undefined;
  const statement = criterion.get("statement") as Y.Text | undefined;

  return (
    <li
      ref={row}
      id={`criterion-${id}`}
      className={`criterion-row${open ? " is-open" : ""}${dropSide ? ` drop-${dropSide}` : ""}`}
      onFocus={(event) => {
        event.stopPropagation();
        designer.setFocus({ section: "criterion", id });
      }}
      {...(locked ? {} : dropProps)}
    >
      <div className="criterion-summary">
        {locked ? null : <DragHandle kind="criterion" id={id} name={name} row={row} />}
        <h4 className="criterion-title">
          <span className="code">{code}</span>{" "}
          <YTextSpan ytext={statement} fallback="(no statement yet)" />
        </h4>
        <span className="criterion-progress">
          {progressOf(
            criterion,
            levels.map((l) => l.key),
          )}
        </span>
        <PeopleHere id={id} />
        <span className="criterion-actions">
          <button
            type="button"
            id={toggleId(id)}
            className="button button-secondary button-small"
            aria-expanded={open}
            aria-controls={`criterion-body-${id}`}
            onClick={() => designer.setExpanded(id, !open)}
          >
            {open ? "Close" : locked ? "View" : "Edit"}{" "}
            <span className="sr-only">criterion {code}</span>
          </button>
          {locked ? null : (
            <ReorderControls
              id={id}
              name={name}
              index={index}
              count={siblings.length}
              onMove={(direction) => moveByOne(designer, siblings, id, direction, name)}
            />
          )}
        </span>
      </div>

      {open ? (
        <div
          className="criterion-body"
          id={`criterion-body-${id}`}
          role="group"
          aria-label={`Criterion ${code}`}
        >
          <YTextArea
            label="Statement"
            id={`statement-${id}`}
            hint="A statement of good practice."
            ytext={statement}
            readOnly={locked}
            rows={2}
          />
          <YTextArea
            label="Guidance"
            id={`guidance-${id}`}
            hint="Optional: helps everyone read the statement the same way."
            ytext={criterion.get("guidance") as Y.Text | undefined}
            readOnly={locked}
            rows={2}
          />
          <fieldset className="descriptors-editor">
            <legend>Descriptors: what each level looks like</legend>
            {levels.map((level, i) => (
              <YTextArea
                key={level.key}
                id={`descriptor-${id}-${level.key}`}
                label={
                  <>
                    <span
                      className="swatch"
                      style={{ backgroundColor: level.colour }}
                      aria-hidden="true"
                    />{" "}
                    What “
                    <LiveText ytext={level.label} fallback={`Level ${i + 1}`} />” looks like
                  </>
                }
                ytext={descriptors?.get(level.key)}
                readOnly={locked}
                rows={2}
              />
            ))}
          </fieldset>
          <YTextArea
            label="Evidence expectations"
            id={`evidence-${id}`}
            hint="What would show it: one per line."
            ytext={criterion.get("evidence") as Y.Text | undefined}
            readOnly={locked}
            rows={3}
          />
          <IndicatorsEditor criterionId={id} criterion={criterion} code={code} />
          {locked ? null : (
            <div className="criterion-footer">
              {areas.length > 1 ? (
                <div className="move-to-area">
                  <div className="field">
                    <label htmlFor={`move-to-${id}`}>Move to another area</label>
                    <select
                      id={`move-to-${id}`}
                      value={destination}
                      onChange={(event) => setDestination(event.currentTarget.value)}
                    >
                      <option value="">Choose an area</option>
                      {areas.map(([other, otherArea], n) =>
                        other === areaId ? null : (
                          <LiveOption
                            key={other}
                            value={other}
                            label={otherArea.get("title") as Y.Text | undefined}
                            fallback={`Area ${n + 1}`}
                          />
                        ),
                      )}
                    </select>
                  </div>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={!destination}
                    onClick={moveToArea}
                  >
                    Move <span className="sr-only">criterion {code}</span>
                  </button>
                </div>
              ) : null}
              <button type="button" className="button-link danger" onClick={remove}>
                Remove criterion {code}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </li>
  );
}

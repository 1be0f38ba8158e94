import { useRef } from "react";
import type * as Y from "yjs";
import {
  MAIN_SCALE,
  MET_SCALE,
  addArea,
  areasOf,
  detailsOf,
  ordered,
  removeArea,
  type YItem,
} from "../../../collab/shapes/framework.ts";
import { CriterionEditor } from "./criterion-editor.tsx";
import { useDesigner } from "./designer-context.ts";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import {
  addCriterionTo,
  criteriaOfArea,
  setAreaScale,
} from "../../../collab/shapes/framework-edits.ts";
import { PeopleHere } from "./people-here.tsx";
import { SelectInput } from "./plain-fields.tsx";
import {
  DragHandle,
  ReorderControls,
  dropCriterion,
  dropInto,
  moveByOne,
  useDropAtEnd,
  useDropTarget,
} from "./reorder-controls.tsx";
import { YTextArea, YTextInput, useYText } from "./y-text-field.tsx";

const APPLIES_TO: { value: string; label: string }[] = [
  { value: "", label: "All schools" },
  { value: "earlyYears", label: "Only schools with early years" },
  { value: "sixthForm", label: "Only schools with a sixth form" },
];

function AreaEditor(props: { id: string; area: YItem; index: number; areas: [string, YItem][] }) {
  const designer = useDesigner();
  const { doc, locked } = designer;
  const { id, area, index, areas } = props;
  const row = useRef<HTMLLIElement>(null);
  const titleText = area.get("title") as Y.Text | undefined;
  const title = useYText(titleText).value.trim();
  const name = title || `Area ${index + 1}`;
  const criteria = criteriaOfArea(doc, id);
  const scaleName = String(detailsOf(doc).get("scaleName") ?? "").trim() || "Main scale";

  const { dropSide, dropProps } = useDropTarget("area", index, (draggedId, position) => {
    const dragged = areas.find(([key]) => key === draggedId)?.[1].get("title");
    dropInto(designer, areas, draggedId, position, dragged?.toString().trim() || "the area");
  });
  const end = useDropAtEnd("criterion", (draggedId) =>
    dropCriterion(designer, id, criteria, draggedId, criteria.length),
  );

  const addCriterion = () => {
    const criterionId = addCriterionTo(doc, id);
    designer.setExpanded(criterionId, true);
    designer.announce(`Added criterion ${index + 1}.${criteria.length + 1} to ${name}.`);
    focusWhenDrawn([`statement-${criterionId}`]);
  };
  const remove = () => {
    const count = criteria.length;
    const what = count ? ` and its ${count} ${count === 1 ? "criterion" : "criteria"}` : "";
    if (!window.confirm(`Remove the area “${name}”${what}? This cannot be undone.`)) return;
    removeArea(doc, id);
    designer.announce(`Removed the area ${name}.`);
    focusWhenDrawn(["add-area"]);
  };

  return (
    <li
      ref={row}
      id={`area-${id}`}
      className={`area-card${dropSide ? ` drop-${dropSide}` : ""}`}
      onFocus={() => designer.setFocus({ section: "area", id })}
      {...(locked ? {} : dropProps)}
    >
      <div className="area-header">
        {locked ? null : <DragHandle kind="area" id={id} name={name} row={row} />}
        <h3>
          <span className="muted">{index + 1}.</span>{" "}
          {title || <span className="muted">Untitled area</span>}
        </h3>
        <PeopleHere id={id} />
        {locked ? null : (
          <ReorderControls
            id={id}
            name={name}
            index={index}
            count={areas.length}
            onMove={(direction) => moveByOne(designer, areas, id, direction, name)}
          />
        )}
      </div>
      <div className="designer-grid">
        <YTextInput
          label="Title"
          id={`area-title-${id}`}
          ytext={titleText}
          readOnly={locked}
          className="span-2"
        />
        <SelectInput
          label="Scale"
          value={area.get("scaleKey") === MET_SCALE ? MET_SCALE : MAIN_SCALE}
          disabled={locked}
          onChange={(value) => setAreaScale(doc, id, value)}
        >
          <option value={MAIN_SCALE}>{scaleName}</option>
          <option value={MET_SCALE}>Met / Not met</option>
        </SelectInput>
        <SelectInput
          label="Applies to"
          value={String(area.get("appliesTo") ?? "")}
          disabled={locked}
          onChange={(value) => doc.transact(() => area.set("appliesTo", value || null))}
        >
          {APPLIES_TO.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectInput>
        <YTextArea
          label="Summary"
          id={`area-summary-${id}`}
          ytext={area.get("summary") as Y.Text | undefined}
          readOnly={locked}
          rows={2}
          className="span-2"
        />
      </div>

      <ol
        className={`criteria-list${end.over ? " drop-end" : ""}`}
        aria-label={`Criteria of ${name}`}
        {...(locked ? {} : end.dropProps)}
      >
        {criteria.map(([criterionId, criterion], n) => (
          <CriterionEditor
            key={criterionId}
            id={criterionId}
            criterion={criterion}
            areaId={id}
            area={area}
            code={`${index + 1}.${n + 1}`}
            index={n}
            siblings={criteria}
            areas={areas}
          />
        ))}
      </ol>
      {criteria.length === 0 ? <p className="muted">No criteria yet.</p> : null}
      {locked ? null : (
        <div className="area-actions">
          <button
            type="button"
            id={`add-criterion-${id}`}
            className="button button-secondary"
            onClick={addCriterion}
          >
            Add criterion <span className="sr-only">to {name}</span>
          </button>
          <button type="button" className="button-link danger" onClick={remove}>
            Remove area <span className="sr-only">{name}</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** The framework's areas, each with its criteria, in order. */
export function AreasSection() {
  const designer = useDesigner();
  const areas = ordered(areasOf(designer.doc));
  const add = () => {
    const id = addArea(designer.doc);
    designer.announce(`Added area ${areas.length + 1}.`);
    focusWhenDrawn([`area-title-${id}`]);
  };
  return (
    <section id="areas" className="designer-section" aria-labelledby="areas-heading">
      <div className="section-heading">
        <h2 id="areas-heading">Areas</h2>
        <p className="muted">
          {areas.length} {areas.length === 1 ? "area" : "areas"}. Reorder with the arrow buttons or
          by dragging ⠿; open a criterion to edit it.
        </p>
      </div>
      {areas.length === 0 ? (
        <p className="panel">No areas yet. Add one to start writing criteria.</p>
      ) : null}
      <ol className="area-list">
        {areas.map(([id, area], index) => (
          <AreaEditor key={id} id={id} area={area} index={index} areas={areas} />
        ))}
      </ol>
      {designer.locked ? null : (
        <button type="button" id="add-area" data-anchor-focus className="button" onClick={add}>
          Add area
        </button>
      )}
    </section>
  );
}

import type * as Y from "yjs";
import { addIndicator, ordered, type YItem } from "../../../collab/shapes/framework.ts";
import { useDesigner } from "./designer-context.ts";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import { removeItem } from "../../../collab/shapes/framework-edits.ts";
import { ReorderControls, moveByOne } from "./reorder-controls.tsx";
import { YTextInput } from "./y-text-field.tsx";

/** A criterion's indicators: short statements evaluators rate red, amber or green. */
export function IndicatorsEditor({
  criterionId,
  criterion,
  code,
}: {
  criterionId: string;
  criterion: YItem;
  code: string;
}) {
  const designer = useDesigner();
  const indicators = criterion.get("indicators") as Y.Map<YItem> | undefined;
  const list = indicators ? ordered(indicators) : [];
  const add = () => {
    const id = addIndicator(designer.doc, criterionId);
    if (!id) return;
    designer.announce(`Added indicator ${list.length + 1} to ${code}.`);
    focusWhenDrawn([`indicator-${id}`]);
  };
  return (
    <fieldset className="indicators-editor">
      <legend>Indicators</legend>
      <p className="hint">
        Optional: a few short statements evaluators rate red, amber or green, to keep judgements
        consistent.
      </p>
      {list.length ? (
        <ol className="indicator-list">
          {list.map(([id, indicator], index) => {
            const name = `indicator ${index + 1} of ${code}`;
            return (
              <li key={id} className="indicator-row">
                <YTextInput
                  label={`Indicator ${index + 1}`}
                  id={`indicator-${id}`}
                  ytext={indicator.get("text") as Y.Text | undefined}
                  readOnly={designer.locked}
                />
                {designer.locked ? null : (
                  <div className="row-actions">
                    <ReorderControls
                      id={id}
                      name={name}
                      index={index}
                      count={list.length}
                      onMove={(direction) => moveByOne(designer, list, id, direction, name)}
                    />
                    <button
                      type="button"
                      className="button-link danger"
                      onClick={() => {
                        if (!indicators) return;
                        removeItem(designer.doc, indicators, id);
                        designer.announce(`Removed ${name}.`);
                        focusWhenDrawn([`add-indicator-${criterionId}`]);
                      }}
                    >
                      Remove <span className="sr-only">{name}</span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">No indicators.</p>
      )}
      {designer.locked ? null : (
        <button
          type="button"
          id={`add-indicator-${criterionId}`}
          className="button button-secondary"
          onClick={add}
        >
          Add indicator <span className="sr-only">to {code}</span>
        </button>
      )}
    </fieldset>
  );
}

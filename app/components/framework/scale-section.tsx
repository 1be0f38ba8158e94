import type * as Y from "yjs";
import {
  detailsOf,
  levelsOf,
  ordered,
  tiersOf,
  type YItem,
} from "../../../collab/shapes/framework.ts";
import type { AccreditationRule } from "../../../models/framework/types.ts";
import { useDesigner } from "./designer-context.ts";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import { addLevelEverywhere, removeItem } from "../../../collab/shapes/framework-edits.ts";
import { PlainTextInput } from "./plain-fields.tsx";
import { ReorderControls, moveByOne } from "./reorder-controls.tsx";
import { YTextInput, useYText } from "./y-text-field.tsx";
import { useYDeep } from "./use-y.ts";
import { sameNameKey } from "../../../models/framework/completeness.ts";
import { levelRemovalWarning, type NamedRule } from "./rule-text.ts";

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 7;

/** Contrast of white text on `hex` (WCAG ratio), or null if it is not a #rrggbb colour. */
export function contrastWithWhite(hex: string): number | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

function LevelRow(props: { id: string; level: YItem; index: number; levels: [string, YItem][] }) {
  const designer = useDesigner();
  const { id, level, index, levels } = props;
  const label = level.get("label") as Y.Text | undefined;
  const name = useYText(label).value.trim() || `level ${index + 1}`;
  const colour = String(level.get("colour") ?? "#1f5fa8");
  const contrast = contrastWithWhite(colour);
  const position = index === 0 ? " (lowest)" : index === levels.length - 1 ? " (highest)" : "";
  // A label an earlier level already has: the two could not be told apart (publishing refuses it).
  useYDeep(levelsOf(designer.doc));
  const key = sameNameKey(String(label ?? ""));
  const twin = key
    ? levels.findIndex(
        ([, other], i) => i < index && sameNameKey(String(other.get("label") ?? "")) === key,
      )
    : -1;
  const duplicateId = `level-${id}-duplicate`;
  const remove = () => {
    // The rule and award tiers that name this level lose it: say so before it goes.
    const rules: NamedRule[] = [
      {
        name: "the accreditation rule",
        rule: detailsOf(designer.doc).get("rule") as AccreditationRule | undefined,
      },
      ...ordered(tiersOf(designer.doc)).map(([, tier], i) => {
        const tierName = String(tier.get("name") ?? "").trim();
        return {
          name: tierName
            ? `the rule for the award tier “${tierName}”`
            : `the rule for award tier ${i + 1}`,
          rule: tier.get("rule") as AccreditationRule | undefined,
        };
      }),
    ];
    const warning = levelRemovalWarning(rules, id);
    const question = `Remove the level “${name}”? Descriptors written for it will no longer be shown or published.`;
    if (!window.confirm(warning ? `${question}\n\n${warning}` : question)) return;
    removeItem(designer.doc, levelsOf(designer.doc), id);
    designer.announce(`Removed ${name}. The scale has ${levels.length - 1} levels.`);
    focusWhenDrawn(["add-level"]);
  };
  return (
    <li className="level-row">
      <fieldset>
        <legend>
          <span className="level-chip" style={{ backgroundColor: colour }}>
            {name}
          </span>{" "}
          Level {index + 1}
          {position}
        </legend>
        <div className="level-fields">
          <YTextInput
            label="Label"
            id={`level-${id}`}
            ytext={label}
            readOnly={designer.locked}
            describedBy={twin >= 0 ? duplicateId : undefined}
          />
          <div className="field colour-field">
            <label htmlFor={`colour-${id}`}>Colour</label>
            <input
              id={`colour-${id}`}
              type="color"
              value={colour}
              disabled={designer.locked}
              aria-describedby={
                contrast !== null && contrast < 4.5 ? `colour-${id}-warning` : undefined
              }
              onChange={(event) => {
                const value = event.currentTarget.value;
                designer.doc.transact(() => level.set("colour", value));
              }}
            />
          </div>
          <YTextInput
            label="One-line meaning"
            ytext={level.get("meaning") as Y.Text | undefined}
            readOnly={designer.locked}
            className="span-all"
          />
        </div>
        {twin >= 0 ? (
          <p className="field-error" id={duplicateId}>
            Level {twin + 1} already has this label: give each level its own label.
          </p>
        ) : null}
        {contrast !== null && contrast < 4.5 ? (
          <p className="hint warning" id={`colour-${id}-warning`}>
            White text on this colour is hard to read (contrast {contrast.toFixed(1)}:1, needs
            4.5:1). Choose a darker colour.
          </p>
        ) : null}
        {designer.locked ? null : (
          <div className="row-actions">
            <ReorderControls
              id={id}
              name={name}
              index={index}
              count={levels.length}
              onMove={(direction) => moveByOne(designer, levels, id, direction, name)}
            />
            <button
              type="button"
              className="button-link danger"
              disabled={levels.length <= MIN_LEVELS}
              onClick={remove}
            >
              Remove level <span className="sr-only">{name}</span>
            </button>
          </div>
        )}
      </fieldset>
    </li>
  );
}

/** The framework's main scale: 2–7 ordered levels, lowest first. */
export function ScaleSection() {
  const designer = useDesigner();
  const details = detailsOf(designer.doc);
  const levels = ordered(levelsOf(designer.doc));
  const add = () => {
    const id = addLevelEverywhere(designer.doc);
    designer.announce(`Added level ${levels.length + 1} at the top of the scale.`);
    focusWhenDrawn([`level-${id}`]);
  };
  return (
    <section
      id="scale"
      className="panel designer-section"
      aria-labelledby="scale-heading"
      onFocus={() => designer.setFocus({ section: "scale" })}
    >
      <h2 id="scale-heading">Scale</h2>
      <p className="muted">
        Levels run from lowest to highest. Areas can use this scale or Met / Not met.
      </p>
      <PlainTextInput
        label="Scale name"
        id="scale-name"
        value={String(details.get("scaleName") ?? "")}
        readOnly={designer.locked}
        onChange={(value) => designer.doc.transact(() => details.set("scaleName", value))}
      />
      <ol className="level-list">
        {levels.map(([id, level], index) => (
          <LevelRow key={id} id={id} level={level} index={index} levels={levels} />
        ))}
      </ol>
      {designer.locked ? null : (
        <div className="section-actions">
          <button
            type="button"
            id="add-level"
            className="button button-secondary"
            disabled={levels.length >= MAX_LEVELS}
            onClick={add}
          >
            Add level
          </button>
          <span className="hint">
            {levels.length} of {MAX_LEVELS} levels
            {levels.length >= MAX_LEVELS ? ": the most a scale can have." : "."}
          </span>
        </div>
      )}
    </section>
  );
}

import type * as Y from "yjs";
import { addTier, ordered, tiersOf, type YItem } from "../../../collab/shapes/framework.ts";
import type { AccreditationRule } from "../../../models/framework/types.ts";
import { useDesigner } from "./designer-context.ts";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import { removeItem } from "../../../collab/shapes/framework-edits.ts";
import { ReorderControls, moveByOne } from "./reorder-controls.tsx";
import { RuleEditor } from "./rule-editor.tsx";
import { YTextInput, useYText } from "./y-text-field.tsx";
import { useYDeep } from "./use-y.ts";
import { sameNameKey } from "../../../models/framework/completeness.ts";

function TierRow(props: {
  id: string;
  tier: YItem;
  index: number;
  tiers: [string, YItem][];
  usesMet: boolean;
}) {
  const designer = useDesigner();
  const { id, tier, index, tiers } = props;
  const nameText = tier.get("name") as Y.Text | undefined;
  const typed = useYText(nameText).value.trim();
  // What to call the tier in sentences and buttons until it has a name of its own.
  const name = typed || `tier ${index + 1}`;
  // A name an earlier tier already has: the two could not be told apart (publishing refuses it).
  useYDeep(tiersOf(designer.doc));
  const key = sameNameKey(typed);
  const twin = key
    ? tiers.findIndex(
        ([, other], i) => i < index && sameNameKey(String(other.get("name") ?? "")) === key,
      )
    : -1;
  const duplicateId = `tier-name-${id}-duplicate`;
  const remove = () => {
    const which = typed ? `the award tier “${typed}”` : `award tier ${index + 1}`;
    if (!window.confirm(`Remove ${which}?`)) return;
    removeItem(designer.doc, tiersOf(designer.doc), id);
    designer.announce(`Removed ${which}.`);
    focusWhenDrawn(["add-tier"]);
  };
  return (
    <li
      id={`tier-${id}`}
      className="tier-row"
      onFocus={() => designer.setFocus({ section: "tier", id })}
    >
      <h3 className="row-heading">
        {typed ? (
          <>
            <span className="muted">Tier {index + 1}:</span> {typed}
          </>
        ) : (
          <>
            Tier {index + 1} <span className="muted">(not named yet)</span>
          </>
        )}
      </h3>
      <YTextInput
        label="Tier name"
        id={`tier-name-${id}`}
        hint="For example Bronze, Silver or Gold."
        ytext={nameText}
        readOnly={designer.locked}
        describedBy={twin >= 0 ? duplicateId : undefined}
      />
      {twin >= 0 ? (
        <p className="field-error" id={duplicateId}>
          Tier {twin + 1} already has this name: give each tier its own name.
        </p>
      ) : null}
      <RuleEditor
        idPrefix={`tier-${id}-rule`}
        legend={`When is ${name} awarded?`}
        rule={tier.get("rule") as AccreditationRule | undefined}
        allowNone={false}
        usesMet={props.usesMet}
        onChange={(rule) => designer.doc.transact(() => tier.set("rule", rule))}
      />
      {designer.locked ? null : (
        <div className="row-actions">
          <ReorderControls
            id={id}
            name={name}
            index={index}
            count={tiers.length}
            onMove={(direction) => moveByOne(designer, tiers, id, direction, name)}
          />
          <button type="button" className="button-link danger" onClick={remove}>
            Remove tier <span className="sr-only">{name}</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** Optional award tiers (e.g. Bronze, Silver, Gold), lowest first, each with its own rule. */
export function TiersSection({ usesMet }: { usesMet: boolean }) {
  const designer = useDesigner();
  const tiers = ordered(tiersOf(designer.doc));
  const add = () => {
    const id = addTier(designer.doc);
    designer.announce(`Added award tier ${tiers.length + 1}.`);
    focusWhenDrawn([`tier-name-${id}`]);
  };
  return (
    <section id="tiers" className="panel designer-section" aria-labelledby="tiers-heading">
      <h2 id="tiers-heading">Award tiers</h2>
      <p className="muted">
        Optional. List tiers lowest first: a school is awarded the highest tier whose rule it meets.
      </p>
      {tiers.length === 0 ? <p>No tiers: the award is simply made or not.</p> : null}
      <ol className="tier-list">
        {tiers.map(([id, tier], index) => (
          <TierRow key={id} id={id} tier={tier} index={index} tiers={tiers} usesMet={usesMet} />
        ))}
      </ol>
      {designer.locked ? null : (
        <button type="button" id="add-tier" className="button button-secondary" onClick={add}>
          Add tier
        </button>
      )}
    </section>
  );
}

import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Criterion, ScaleLevel } from "../../../models/framework/types.ts";
import { evidenceField, narrativeField } from "../../../collab/shapes/evaluation.ts";
import { setFocus } from "../../collab/use-presence.ts";
import { JudgementPicker } from "./judgement-picker.tsx";
import RichTextEditor from "./rich-text-editor.client.tsx";

/** One criterion: statement, descriptors at hand, judgement, narrative and evidence notes. */
export function CriterionPanel(props: {
  criterion: Criterion;
  levels: ScaleLevel[];
  provider: HocuspocusProvider | null;
  readOnly: boolean;
  me: { userId: string; name: string; colour: string; role: string };
}) {
  const { criterion: c, levels, provider, readOnly } = props;
  const headingId = `criterion-${c.id}`;
  // The same identity the server stamps on presence, so our own entry matches what others see.
  const user = { name: props.me.name, color: props.me.colour, userId: props.me.userId, role: props.me.role, observing: readOnly };
  return (
    <article className="criterion" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="code">{c.code}</span> {c.statement}
      </h3>
      {c.guidance ? <p className="guidance">{c.guidance}</p> : null}

      <JudgementPicker
        doc={provider?.document ?? null}
        criterionId={c.id}
        code={c.code}
        levels={levels}
        descriptors={c.descriptors}
        readOnly={readOnly}
        onFocus={() => setFocus(provider, { criterionId: c.id, field: "judgement" })}
      />

      <details className="descriptors">
        <summary>What each level looks like</summary>
        <dl>
          {levels.map((l) => (
            <div key={l.key} className="descriptor-row">
              <dt>
                <span className="swatch" style={{ backgroundColor: l.colour }} aria-hidden="true" /> {l.label}
              </dt>
              <dd>{c.descriptors[l.key]}</dd>
            </div>
          ))}
        </dl>
      </details>

      {c.indicators?.length ? (
        <div className="indicators">
          <h4>Indicators</h4>
          <ul>
            {c.indicators.map((i) => (
              <li key={i.id}>{i.text}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="fields">
        <div className="field-block">
          <h4 id={`${headingId}-narrative`}>Narrative: where are we now, and why?</h4>
          {provider ? (
            <RichTextEditor
              provider={provider}
              field={narrativeField(c.id)}
              label={`Narrative for ${c.code}`}
              readOnly={readOnly}
              user={user}
              onFocus={() => setFocus(provider, { criterionId: c.id, field: "narrative" })}
            />
          ) : (
            <p className="editor-loading">Loading the editor…</p>
          )}
        </div>
        <div className="field-block">
          <h4>Evidence notes</h4>
          <details className="expectations">
            <summary>Evidence that would show it</summary>
            <ul>
              {c.evidenceExpectations.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </details>
          {provider ? (
            <RichTextEditor
              provider={provider}
              field={evidenceField(c.id)}
              label={`Evidence notes for ${c.code}`}
              readOnly={readOnly}
              user={user}
              onFocus={() => setFocus(provider, { criterionId: c.id, field: "evidence" })}
            />
          ) : (
            <p className="editor-loading">Loading the editor…</p>
          )}
        </div>
      </div>
    </article>
  );
}

import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Criterion, ScaleLevel } from "../../../models/framework/types.ts";
import type { DiscussionAbilities } from "../../../models/permissions/can.ts";
import { evidenceField, narrativeField } from "../../../collab/shapes/evaluation.ts";
import { setFocus } from "../../collab/use-presence.ts";
import { CriterionActions } from "./criterion-actions.tsx";
import { CriterionDiscussion } from "./criterion-discussion.tsx";
import { EvidenceItems } from "./evidence-items.tsx";
import { ForceField } from "./force-field.tsx";
import { IndicatorRatings } from "./indicator-ratings.tsx";
import { JudgementPicker } from "./judgement-picker.tsx";
import RichTextEditor from "./rich-text-editor.client.tsx";

/** What every part of a criterion's workspace needs. */
export interface CriterionWorkspace {
  evaluationId: string;
  criterion: Criterion;
  levels: ScaleLevel[];
  provider: HocuspocusProvider | null;
  readOnly: boolean;
  me: { userId: string; name: string; colour: string; role: string; observing: boolean };
  /** What this person may do in the evaluation's comment threads. */
  discussion: DiscussionAbilities;
}

/**
 * One criterion, worked through in the ABACUS order: Judge (with the descriptors and indicators
 * at hand), Evidence, Analyse (force-field), Plan (actions).
 */
export function CriterionPanel(props: CriterionWorkspace) {
  const { criterion: c, levels, provider, readOnly } = props;
  const headingId = `criterion-${c.id}`;
  // The same identity the server stamps on presence, so our own entry matches what others see.
  const user = {
    name: props.me.name,
    color: props.me.colour,
    userId: props.me.userId,
    role: props.me.role,
    observing: props.me.observing,
  };
  // The stages are plain sections under their h4 headings, not named regions: four landmarks per
  // criterion, each named "Judge", "Evidence"…, would bury the page's real ones.
  return (
    <article className="criterion" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="code">{c.code}</span> {c.statement}
      </h3>
      {c.guidance ? <p className="guidance">{c.guidance}</p> : null}

      <section className="stage">
        <h4 id={`${headingId}-judge`} className="stage-heading">
          <span className="stage-number" aria-hidden="true">
            1
          </span>{" "}
          Judge
        </h4>
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
                  <span
                    className="swatch"
                    style={{ backgroundColor: l.colour }}
                    aria-hidden="true"
                  />{" "}
                  {l.label}
                </dt>
                <dd>{c.descriptors[l.key]}</dd>
              </div>
            ))}
          </dl>
        </details>
        {c.indicators?.length ? <IndicatorRatings {...props} /> : null}
        <div className="field-block">
          <h5 id={`${headingId}-narrative`}>Narrative: where are we now, and why?</h5>
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
      </section>

      <section className="stage">
        <h4 id={`${headingId}-evidence`} className="stage-heading">
          <span className="stage-number" aria-hidden="true">
            2
          </span>{" "}
          Evidence
        </h4>
        <details className="expectations">
          <summary>Evidence that would show it</summary>
          <ul>
            {c.evidenceExpectations.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </details>
        <div className="field-block">
          <h5>Evidence summary</h5>
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
        <EvidenceItems {...props} />
      </section>

      <section className="stage">
        <h4 id={`${headingId}-analyse`} className="stage-heading">
          <span className="stage-number" aria-hidden="true">
            3
          </span>{" "}
          Analyse: what helps and what hinders?
        </h4>
        <ForceField {...props} />
      </section>

      <section className="stage">
        <h4 id={`${headingId}-plan`} className="stage-heading">
          <span className="stage-number" aria-hidden="true">
            4
          </span>{" "}
          Plan: what will we do?
        </h4>
        <CriterionActions {...props} />
      </section>

      <CriterionDiscussion {...props} />
    </article>
  );
}
